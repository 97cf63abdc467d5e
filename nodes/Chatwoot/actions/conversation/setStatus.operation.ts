import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { conversationLocator } from '../../../shared/descriptions';
import { toUnixSeconds } from '../../../shared/helpers/time';
import { conversationLock, conversationSubject } from './shared';

const properties: INodeProperties[] = [
	conversationLocator(),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: [
			{ name: 'Open', value: 'open' },
			{ name: 'Pending', value: 'pending', description: 'Waiting, e.g. for a bot to hand over' },
			{ name: 'Resolved', value: 'resolved' },
			{ name: 'Snoozed', value: 'snoozed', description: 'Hidden until a date or the next reply' },
		],
		default: 'resolved',
		description: 'The status to set',
	},
	{
		displayName: 'Snoozed Until',
		name: 'snoozedUntil',
		type: 'dateTime',
		default: '',
		description: 'When the conversation reopens. Leave empty to snooze until the next reply.',
		displayOptions: { show: { status: ['snoozed'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['setStatus'] } }, properties);

export const concurrent = true;

/**
 * Output: `{id, status, snoozed_until, success}` — Chatwoot's toggle_status answer
 * (`{payload: {success, conversation_id, current_status, snoozed_until}}`) flattened, with
 * `id` (the display ID, as everywhere) and `status` named like on the conversation record.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunContext,
): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const status = this.getNodeParameter('status', itemIndex) as string;
	const body: IDataObject = { status };
	if (status === 'snoozed') {
		const until = toUnixSeconds(this.getNodeParameter('snoozedUntil', itemIndex, ''));
		if (until !== undefined) body.snoozed_until = until;
	}
	const answer = await run.exclusive([conversationLock(conversationId)], async () =>
		unwrapRecord(
			await chatwootApiRequest(this, {
				method: 'POST',
				path: `/conversations/${conversationId}/toggle_status`,
				body,
				subject: conversationSubject(conversationId),
				// An explicit status makes repeating the request harmless.
				idempotent: true,
			}),
		),
	);
	return [
		{
			json: {
				id: answer.conversation_id ?? conversationId,
				status: answer.current_status ?? status,
				snoozed_until: answer.snoozed_until ?? null,
				success: answer.success ?? true,
			},
		},
	];
}
