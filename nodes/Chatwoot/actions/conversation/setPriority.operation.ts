import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest } from '../../../shared/transport';
import { conversationLocator } from '../../../shared/descriptions';
import { conversationLock, conversationSubject } from './shared';

const properties: INodeProperties[] = [
	conversationLocator(),
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		required: true,
		options: [
			{ name: 'High', value: 'high' },
			{ name: 'Low', value: 'low' },
			{ name: 'Medium', value: 'medium' },
			{ name: 'None', value: 'none', description: 'Clear the priority' },
			{ name: 'Urgent', value: 'urgent' },
		],
		default: 'high',
		description: 'The priority to set',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['setPriority'] } }, properties);

export const concurrent = true;

/** Output: `{id, priority}` (`priority` null when cleared); Chatwoot answers this call with an empty 200. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunContext,
): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const chosen = String(this.getNodeParameter('priority', itemIndex) ?? '').trim().toLowerCase();
	const priority = chosen === '' || chosen === 'none' ? null : chosen;
	await run.exclusive([conversationLock(conversationId)], async () =>
		await chatwootApiRequest(this, {
			method: 'POST',
			path: `/conversations/${conversationId}/toggle_priority`,
			body: { priority },
			subject: conversationSubject(conversationId),
			idempotent: true,
		}),
	);
	return [{ json: { id: conversationId, priority } }];
}
