import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, OperationModule> = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inbox'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an inbox by ID', action: 'Get an inbox' },
			{ name: 'Get Many', value: 'getAll', description: 'List the inboxes of the account', action: 'Get many inboxes' },
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
