import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as executeOp from './execute.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { create, delete: del, execute: executeOp, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['macro'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a macro: a saved sequence of conversation actions (label, assign, reply, resolve…)',
				action: 'Create a macro',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a macro', action: 'Delete a macro' },
			{
				name: 'Execute',
				value: 'execute',
				description: 'Run a macro on one or more conversations, as the token user',
				action: 'Execute a macro on conversations',
			},
			{ name: 'Get', value: 'get', description: 'Get a macro with its actions', action: 'Get a macro' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List the account's global macros and the token user's personal ones",
				action: 'Get many macros',
			},
			{ name: 'Update', value: 'update', description: "Rename a macro, change its actions or who sees it", action: 'Update a macro' },
		],
		default: 'execute',
	},
	...create.description,
	...del.description,
	...executeOp.description,
	...get.description,
	...getAll.description,
	...update.description,
];
