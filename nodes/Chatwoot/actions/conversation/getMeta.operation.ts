import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, getId, toItems, toLabelList } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { inboxLocator, labelsField, teamLocator } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Chatwoot allows 30 of these requests per minute per user; the node waits when a run would exceed that',
		name: 'metaNotice',
		type: 'notice',
		default: '',
	},
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
		description: 'Which conversations to count by status',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ ...inboxLocator('Only count conversations in this inbox'), required: false },
			{ ...labelsField('Only count conversations that have these labels', false) },
			{ ...teamLocator('teamId', 'Only count conversations of this team'), required: false },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['getMeta'] } }, properties);

/**
 * GET /conversations/meta (conversations_controller.rb#meta): the counts behind Chatwoot's
 * Mine / Unassigned / All tabs. Rack::Attack throttles it to 30 per minute per user
 * (config/initializers/rack_attack.rb), so it runs through its own limiter bucket.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const optionalId = (name: string, label: string) => {
		const raw = filters[name] as IDataObject | string | undefined;
		const value = raw && typeof raw === 'object' ? raw.value : raw;
		return value === undefined || value === '' ? undefined : getId(this, `filters.${name}`, itemIndex, label);
	};
	const labels = toLabelList(filters.labels ?? []);
	const qs = compact({
		status: this.getNodeParameter('status', itemIndex, 'open'),
		inbox_id: optionalId('inboxId', 'inbox ID'),
		team_id: optionalId('teamId', 'team ID'),
	});
	if (labels.length) qs.labels = labels;
	const body = (await chatwootApiRequest(this, { method: 'GET', path: '/conversations/meta', qs, bucket: 'conversationsMeta' })) as IDataObject;
	return toItems((body?.meta ?? body ?? {}) as IDataObject);
}
