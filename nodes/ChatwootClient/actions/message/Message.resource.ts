import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as create from './create.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { create, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Send a message (text and/or files) from the contact into the conversation',
				action: 'Send a message as the contact',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the messages the contact can see in the conversation (no private notes), oldest first',
				action: 'Get many messages',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Submit the contact's answer to an interactive message: option, form or CSAT rating",
				action: 'Answer an interactive message',
			},
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
	...update.description,
];
