import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { create, delete: del, get, getAll, search, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['cannedResponse'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Save a reply template agents insert by typing / and its short code', action: 'Create a canned response' },
			{ name: 'Delete', value: 'delete', description: 'Delete a canned response', action: 'Delete a canned response' },
			{ name: 'Get', value: 'get', description: 'Get a canned response by ID', action: 'Get a canned response' },
			{ name: 'Get Many', value: 'getAll', description: 'List the canned responses of the account', action: 'Get many canned responses' },
			{
				name: 'Search',
				value: 'search',
				description: 'Find canned responses whose short code or text contains a term, best matches first (e.g. to pick a reply for a message)',
				action: 'Search canned responses',
			},
			{ name: 'Update', value: 'update', description: "Change a canned response's short code or text", action: 'Update a canned response' },
		],
		default: 'getAll',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...search.description,
	...update.description,
];
