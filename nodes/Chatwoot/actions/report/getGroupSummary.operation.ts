import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { unwrapList } from '../../../shared/transport';
import { businessHoursField, keyedRows, namesOf, rangeFields, readRange, reportRequest } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'options',
		options: [
			{ name: 'Agent', value: 'agent', description: 'One item per agent of the account' },
			{ name: 'Channel', value: 'channel', description: 'One item per channel type: open, resolved, pending, snoozed counts (range at most 6 months)' },
			{ name: 'Inbox', value: 'inbox', description: 'One item per inbox' },
			{ name: 'Label', value: 'label', description: 'One item per label' },
			{ name: 'Team', value: 'team', description: 'One item per team' },
		],
		default: 'agent',
		description: 'Conversations, resolutions and average first response, resolution and reply times per group',
	},
	...rangeFields(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Names',
				name: 'addNames',
				type: 'boolean',
				default: true,
				description: 'Whether to add the agent, team or inbox name next to its ID (one extra request)',
			},
			{ ...businessHoursField, displayOptions: { hide: { '/groupBy': ['channel'] } } },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getGroupSummary'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const group = this.getNodeParameter('groupBy', itemIndex) as 'agent' | 'channel' | 'inbox' | 'label' | 'team';
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...readRange(this, itemIndex) };
	if (options.businessHours !== undefined && group !== 'channel') qs.business_hours = options.businessHours;
	const body = await reportRequest(this, `/summary_reports/${group}`, qs);
	if (group === 'channel') return toItems(keyedRows(body, 'channel_type'));
	const rows = unwrapList(body);
	if (group === 'label' || options.addNames === false) return toItems(rows);
	const names = await namesOf(this, group);
	return toItems(rows.map((row) => ({ id: row.id, name: names.get(Number(row.id)) ?? null, ...row })));
}

export const concurrent = true;
