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
		displayOptions: { show: { resource: ['label'] } },
		options: [
			{ name: 'Create', value: 'create', description: "Add a label to the account's label list so contacts and conversations can carry it", action: 'Create a label' },
			{ name: 'Delete', value: 'delete', description: 'Delete a label from the account', action: 'Delete a label' },
			{ name: 'Get', value: 'get', description: 'Get a label by ID', action: 'Get a label' },
			{ name: 'Get Many', value: 'getAll', description: 'List the labels of the account (title, description, colour)', action: 'Get many labels' },
			{ name: 'Update', value: 'update', description: "Change a label's title, description, colour or sidebar visibility", action: 'Update a label' },
		],
		default: 'getAll',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
