import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { conversationLocator } from '../../../shared/descriptions';
import { readLabels } from '../../helpers/labels';

const properties: INodeProperties[] = [conversationLocator()];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['getLabels'] } }, properties);

export const concurrent = true;

/** Output: one item `{id, labels}` (label titles). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	return [{ json: { id: conversationId, labels: await readLabels(this, { kind: 'conversation', id: conversationId }) } }];
}
