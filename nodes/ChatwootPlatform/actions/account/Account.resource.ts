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
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a Chatwoot account (a workspace for one customer)', action: 'Create an account' },
			{ name: 'Delete', value: 'delete', description: 'Delete an account and everything in it', action: 'Delete an account' },
			{ name: 'Get', value: 'get', description: 'Get an account by ID', action: 'Get an account' },
			{ name: 'Get Many', value: 'getAll', description: 'List the accounts this Platform App created', action: 'Get many accounts' },
			{
				name: 'Update',
				value: 'update',
				description: "Change an account's name, locale, status, limits, features or custom attributes",
				action: 'Update an account',
			},
		],
		default: 'create',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
