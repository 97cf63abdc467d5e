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
		displayOptions: { show: { resource: ['customFilter'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: "Save a conversation folder or contact segment (conditions as in Filter) for the credential's user",
				action: 'Create a saved filter',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a saved filter', action: 'Delete a saved filter' },
			{ name: 'Get', value: 'get', description: 'Get a saved filter with its conditions', action: 'Get a saved filter' },
			{ name: 'Get Many', value: 'getAll', description: "List the credential user's saved filters of one type", action: 'Get many saved filters' },
			{ name: 'Update', value: 'update', description: "Rename a saved filter or replace its conditions", action: 'Update a saved filter' },
		],
		default: 'getAll',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
