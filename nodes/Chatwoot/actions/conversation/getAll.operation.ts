import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toLabelList } from '../../../shared/helpers/items';
import { getAllUntilShortPage } from '../../../shared/transport';
import { inboxLocator, labelsField, returnAllOrLimit, simplifyField, teamLocator } from '../../../shared/descriptions';
import { conversationItems } from './shared';

/** Chatwoot's CONVERSATION_RESULTS_PER_PAGE. */
const PAGE_SIZE = 25;

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Open', value: 'open' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Resolved', value: 'resolved' },
			{ name: 'Snoozed', value: 'snoozed' },
		],
		default: 'open',
		description: "Which conversations to return by status. Chatwoot's own default is open.",
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Assignee Type',
				name: 'assigneeType',
				type: 'options',
				options: [
					{ name: 'All', value: 'all', description: 'Assigned or not' },
					{ name: 'Assigned', value: 'assigned', description: 'Assigned to any agent' },
					{ name: 'Me', value: 'me', description: "Assigned to the credential's user" },
					{ name: 'Unassigned', value: 'unassigned', description: 'Not assigned to an agent' },
				],
				default: 'all',
				description: 'Which conversations to return by assignee',
			},
			{ ...inboxLocator('Only conversations in this inbox'), required: false },
			{ ...labelsField('Only conversations that have these labels', false) },
			{
				displayName: 'Search Text',
				name: 'q',
				type: 'string',
				default: '',
				description: "Only conversations whose messages contain this text. Chatwoot ignores the status filter when searching.",
			},
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: [
					{ name: 'Created (Newest First)', value: 'created_at_desc' },
					{ name: 'Created (Oldest First)', value: 'created_at_asc' },
					{ name: 'Last Activity (Newest First)', value: 'last_activity_at_desc' },
					{ name: 'Last Activity (Oldest First)', value: 'last_activity_at_asc' },
					{ name: 'Priority (Highest First)', value: 'priority_desc' },
					{ name: 'Priority (Lowest First)', value: 'priority_asc' },
					{ name: 'Waiting Since (Longest First)', value: 'waiting_since_asc' },
					{ name: 'Waiting Since (Shortest First)', value: 'waiting_since_desc' },
				],
				default: 'last_activity_at_desc',
				description: 'Order of the returned conversations',
			},
			{ ...teamLocator('teamId', 'Only conversations assigned to this team'), required: false },
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['getAll'] } }, properties);

export const concurrent = true;

function hasLocatorValue(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return false;
	if (typeof value === 'object') return String((value as IDataObject).value ?? '').trim() !== '';
	return String(value).trim() !== '';
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const status = this.getNodeParameter('status', itemIndex, 'open') as string;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;

	const qs: IDataObject = { status };
	if (filters.assigneeType) qs.assignee_type = filters.assigneeType;
	if (hasLocatorValue(filters.inboxId)) qs.inbox_id = getId(this, 'filters.inboxId', itemIndex, 'inbox ID');
	if (hasLocatorValue(filters.teamId)) qs.team_id = getId(this, 'filters.teamId', itemIndex, 'team ID');
	const labels = toLabelList(filters.labels);
	if (labels.length) qs.labels = labels;
	if (typeof filters.q === 'string' && filters.q.trim() !== '') qs.q = filters.q.trim();
	if (filters.sortBy) qs.sort_by = filters.sortBy;

	const conversations = await getAllUntilShortPage(
		this,
		{ path: '/conversations', qs },
		{ returnAll, limit },
		PAGE_SIZE,
	);
	return conversationItems(this, itemIndex, conversations);
}
