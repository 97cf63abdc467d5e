import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems, toLabelList } from '../../../shared/helpers/items';
import { addingLabels, assertLabelsExist, changeLabels } from '../../helpers/labels';
import type { RunContext } from '../../../shared/execution/runContext';
import { conversationLocator, labelsField } from '../../../shared/descriptions';

const properties: INodeProperties[] = [conversationLocator(), labelsField('Labels to add; labels already on the conversation are kept')];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['addLabels'] } }, properties);

export const concurrent = true;

/**
 * Chatwoot's POST /labels replaces the whole set, so this reads the current labels and writes
 * the union, one item at a time per conversation. Output: `{id, labels}` (the full set after).
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunContext,
): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const toAdd = toLabelList(this.getNodeParameter('labels', itemIndex, []));
	await assertLabelsExist(this, run, toAdd, itemIndex);
	return toItems(await changeLabels(this, run, { kind: 'conversation', id: conversationId }, addingLabels(toAdd)));
}
