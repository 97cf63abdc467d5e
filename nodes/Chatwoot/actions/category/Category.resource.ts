import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import { helpCenterNotice } from '../portal/Portal.resource';
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
		displayOptions: { show: { resource: ['category'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a help-center category in a portal', action: 'Create a category' },
			{ name: 'Delete', value: 'delete', description: 'Delete a category (its articles stay)', action: 'Delete a category' },
			{ name: 'Get', value: 'get', description: 'Get a category with its article count', action: 'Get a category' },
			{ name: 'Get Many', value: 'getAll', description: 'List the categories of a portal', action: 'Get many categories' },
			{ name: 'Update', value: 'update', description: 'Rename or reorder a category', action: 'Update a category' },
		],
		default: 'getAll',
	},
	helpCenterNotice('category'),
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
