import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems, toLabelList } from '../../../shared/helpers/items';
import { changeLabels, removingLabels } from '../../helpers/labels';
import type { RunContext } from '../../../shared/execution/runContext';
import { conversationLocator, labelsField } from '../../../shared/descriptions';

const properties: INodeProperties[] = [conversationLocator(), labelsField('Labels to remove; other labels are kept')];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['removeLabels'] } }, properties);

export const concurrent = true;

/** Reads the current labels and writes them back without the given ones. Output: `{id, labels}`. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunContext,
): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const toRemove = toLabelList(this.getNodeParameter('labels', itemIndex, []));
	return toItems(await changeLabels(this, run, { kind: 'conversation', id: conversationId }, removingLabels(toRemove)));
}
