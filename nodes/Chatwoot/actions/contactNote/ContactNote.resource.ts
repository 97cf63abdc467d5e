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
		displayOptions: { show: { resource: ['contactNote'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Add an internal note to a contact (visible to agents only), e.g. a CRM summary', action: 'Create a contact note' },
			{ name: 'Delete', value: 'delete', description: 'Delete a note from a contact', action: 'Delete a contact note' },
			{ name: 'Get', value: 'get', description: 'Get one note of a contact', action: 'Get a contact note' },
			{ name: 'Get Many', value: 'getAll', description: 'List the notes of a contact, newest first', action: 'Get many contact notes' },
			{ name: 'Update', value: 'update', description: 'Replace the text of a note', action: 'Update a contact note' },
		],
		default: 'getAll',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
