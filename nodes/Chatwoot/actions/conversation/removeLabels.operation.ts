import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toLabelList } from '../../helpers/items';
import type { RunContext } from '../../helpers/runContext';
import { conversationLocator, labelsField } from '../common.descriptions';
import { fetchLabels, labelsLock, writeLabels } from './shared';

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
	const toRemove = new Set(toLabelList(this.getNodeParameter('labels', itemIndex, [])).map((l) => l.toLowerCase()));
	const labels = await run.exclusive([labelsLock(conversationId)], async () => {
		const current = await fetchLabels(this, conversationId);
		const kept = current.filter((label) => !toRemove.has(label.toLowerCase()));
		if (kept.length === current.length) return current;
		return await writeLabels(this, conversationId, kept);
	});
	return [{ json: { id: conversationId, labels } }];
}
