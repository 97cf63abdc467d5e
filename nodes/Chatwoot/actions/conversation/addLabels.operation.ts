import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toLabelList } from '../../helpers/items';
import type { RunContext } from '../../helpers/runContext';
import { conversationLocator, labelsField } from '../common.descriptions';
import { fetchLabels, labelsLock, writeLabels } from './shared';

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
	const labels = await run.exclusive([labelsLock(conversationId)], async () => {
		const current = await fetchLabels(this, conversationId);
		const known = new Set(current.map((l) => l.toLowerCase()));
		const merged = [...current, ...toAdd.filter((l) => !known.has(l.toLowerCase()))];
		if (merged.length === current.length) return current;
		return await writeLabels(this, conversationId, merged);
	});
	return [{ json: { id: conversationId, labels } }];
}
