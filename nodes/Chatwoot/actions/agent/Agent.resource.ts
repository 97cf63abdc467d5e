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
		displayOptions: { show: { resource: ['agent'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Invite a person as agent or administrator of the account (they get an email to set a password)',
				action: 'Create an agent',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Remove an agent from the account; their conversations become unassigned',
				action: 'Delete an agent',
			},
			{ name: 'Get', value: 'get', description: 'Get one agent of the account by ID', action: 'Get an agent' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the agents of the account with role and availability, optionally only one role or status',
				action: 'Get many agents',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change an agent's name, role, availability or auto-offline setting",
				action: 'Update an agent',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
