import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { create, delete: del, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Register a URL that receives account events (to start an n8n workflow on events, use the Chatwoot Trigger instead)',
				action: 'Create a webhook',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete an account webhook', action: 'Delete a webhook' },
			{ name: 'Get', value: 'get', description: 'Get an account webhook by ID', action: 'Get a webhook' },
			{ name: 'Get Many', value: 'getAll', description: 'List the account webhooks with their URLs and events', action: 'Get many webhooks' },
			{ name: 'Update', value: 'update', description: "Change a webhook's URL, name or events", action: 'Update a webhook' },
		],
		default: 'getAll',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
