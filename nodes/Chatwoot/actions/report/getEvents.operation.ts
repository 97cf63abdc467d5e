import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { toUnixSeconds } from '../../../shared/helpers/time';
import { getAllWithTotal } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { pagesInParallel } from '../../../shared/execution/parallelism';
import { explainFailure } from '../../helpers/failures';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Agent Name or ID',
				name: 'userId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getAgents' },
				default: '',
				description:
					'Only events of this agent. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Event',
				name: 'name',
				type: 'options',
				options: [
					{ name: 'Bot Handoff', value: 'conversation_bot_handoff' },
					{ name: 'Bot Resolved', value: 'conversation_bot_resolved' },
					{ name: 'Conversation Opened', value: 'conversation_opened' },
					{ name: 'Conversation Resolved', value: 'conversation_resolved' },
					{ name: 'First Response', value: 'first_response' },
					{ name: 'Reply Time', value: 'reply_time' },
				],
				default: 'first_response',
			},
			{ displayName: 'Inbox ID', name: 'inboxId', type: 'number', default: 0 },
			{ displayName: 'Since', name: 'since', type: 'dateTime', default: '', description: 'Events from this time on (set Until too)' },
			{ displayName: 'Until', name: 'until', type: 'dateTime', default: '', description: 'Events before this time (set Since too)' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getEvents'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const f = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const qs: IDataObject = {};
	const since = toUnixSeconds(f.since);
	const until = toUnixSeconds(f.until);
	if ((since === undefined) !== (until === undefined)) {
		throw new NodeOperationError(this.getNode(), 'Set both "Since" and "Until", or neither', {
			itemIndex,
			description: 'Chatwoot filters reporting events by a date range only when it has both ends.',
		});
	}
	if (since !== undefined) Object.assign(qs, { since, until });
	if (Number(f.inboxId) > 0) qs.inbox_id = f.inboxId;
	if (f.userId !== undefined && f.userId !== '') qs.user_id = f.userId;
	if (typeof f.name === 'string' && f.name) qs.name = f.name;
	// Newest first, 25 per page with meta.count (the total), so the remaining pages load in parallel.
	const events = await explainFailure(
		this,
		async () =>
			await getAllWithTotal(
				this,
				{ path: '/reporting_events', qs, subject: { resource: 'reporting events' } },
				{ returnAll, limit, concurrency: pagesInParallel(this) },
				25,
			),
		(status) =>
			status === 404
				? {
						message: 'This Chatwoot has no account reporting events',
						description: 'Raw reporting events are a Chatwoot Enterprise feature; community editions answer "not found". Use the other report operations instead.',
					}
				: undefined,
	);
	return toItems(events);
}

export const concurrent = true;
