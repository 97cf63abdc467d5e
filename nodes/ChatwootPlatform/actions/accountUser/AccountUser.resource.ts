import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, OperationModule> = { create, delete: del, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['accountUser'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: "Add a user to an account with a role, or change the role of a user who is already a member",
				action: 'Add a user to an account',
			},
			{ name: 'Delete', value: 'delete', description: 'Remove a user from an account', action: 'Remove a user from an account' },
			{ name: 'Get Many', value: 'getAll', description: 'List the users of an account and their roles', action: 'Get many account users' },
		],
		default: 'create',
	},
	...create.description,
	...del.description,
	...getAll.description,
];
