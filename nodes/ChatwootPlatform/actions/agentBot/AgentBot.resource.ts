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
		displayOptions: { show: { resource: ['agentBot'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an agent bot for one account or for the whole installation', action: 'Create an agent bot' },
			{ name: 'Delete', value: 'delete', description: 'Delete an agent bot', action: 'Delete an agent bot' },
			{ name: 'Get', value: 'get', description: 'Get an agent bot by ID, with its access token', action: 'Get an agent bot' },
			{ name: 'Get Many', value: 'getAll', description: 'List the agent bots this Platform App created', action: 'Get many agent bots' },
			{ name: 'Update', value: 'update', description: "Change an agent bot's name, description, outgoing URL or avatar", action: 'Update an agent bot' },
		],
		default: 'create',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
