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
		displayOptions: { show: { resource: ['customAttribute'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Define a custom attribute for contacts or conversations (key, type, list values), e.g. to mirror a CRM field',
				action: 'Create a custom attribute',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a custom attribute definition; stored values stay on the records', action: 'Delete a custom attribute' },
			{ name: 'Get', value: 'get', description: 'Get a custom attribute definition by ID', action: 'Get a custom attribute' },
			{ name: 'Get Many', value: 'getAll', description: 'List the custom attribute definitions of contacts or of conversations', action: 'Get many custom attributes' },
			{ name: 'Update', value: 'update', description: "Change a definition's display name, description, list values or validation", action: 'Update a custom attribute' },
		],
		default: 'getAll',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
