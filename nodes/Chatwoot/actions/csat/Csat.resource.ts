import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as getAll from './getAll.operation';
import * as getMetrics from './getMetrics.operation';

export const operations: Record<string, OperationModule> = { getAll, getMetrics };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['csat'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List customer satisfaction survey responses (rating 1-5 and feedback), with filters',
				action: 'Get many CSAT responses',
			},
			{
				name: 'Get Metrics',
				value: 'getMetrics',
				description: 'Count of responses per rating, surveys sent and the response rate',
				action: 'Get CSAT metrics',
			},
		],
		default: 'getAll',
	},
	{
		displayName:
			"CSAT responses need an administrator's access token and inboxes with the CSAT survey turned on (Inbox → Update → Enable CSAT Survey)",
		name: 'csatNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['csat'] } },
	},
	...getAll.description,
	...getMetrics.description,
];
