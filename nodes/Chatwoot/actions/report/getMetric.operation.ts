import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { unwrapList } from '../../../shared/transport';
import { businessHoursField, rangeFields, readRange, readScope, reportRequest, scopeFields } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Metric',
		name: 'metric',
		type: 'options',
		options: [
			{ name: 'Average First Response Time', value: 'avg_first_response_time', description: 'Seconds until the first agent reply' },
			{ name: 'Average Reply Time', value: 'reply_time', description: 'Seconds between a customer message and the agent reply' },
			{ name: 'Average Resolution Time', value: 'avg_resolution_time', description: 'Seconds from open to resolved' },
			{ name: 'Conversations', value: 'conversations_count', description: 'New conversations' },
			{ name: 'Incoming Messages', value: 'incoming_messages_count' },
			{ name: 'Outgoing Messages', value: 'outgoing_messages_count' },
			{ name: 'Resolutions', value: 'resolutions_count', description: 'Conversations resolved' },
		],
		default: 'conversations_count',
	},
	...scopeFields(),
	...rangeFields(),
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Hour', value: 'hour' },
			{ name: 'Month', value: 'month' },
			{ name: 'Week', value: 'week' },
			{ name: 'Year', value: 'year' },
		],
		default: 'day',
		description: 'One output item per period',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			businessHoursField,
			{
				displayName: 'Timezone Offset (Hours)',
				name: 'timezoneOffset',
				type: 'number',
				typeOptions: { numberPrecision: 2 },
				default: 0,
				description: 'Where days and weeks start, as an offset from UTC, e.g. 5.5 for India or -3 for Brazil',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getMetric'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const metric = this.getNodeParameter('metric', itemIndex) as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {
		metric,
		...readScope(this, itemIndex),
		...readRange(this, itemIndex),
		group_by: this.getNodeParameter('groupBy', itemIndex) as string,
	};
	if (options.businessHours !== undefined) qs.business_hours = options.businessHours;
	if (options.timezoneOffset !== undefined) qs.timezone_offset = options.timezoneOffset;
	const points = unwrapList(await reportRequest(this, '/reports', qs)).filter((p) => p.timestamp !== undefined);
	// One item per period, with an ISO date next to Chatwoot's Unix timestamp for spreadsheets.
	return toItems(points.map((p) => ({ metric, date: new Date(Number(p.timestamp) * 1000).toISOString(), ...p })));
}

export const concurrent = true;
