import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { create, get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a contact (a visitor of your chat) in the inbox and return its source_id, the contact identifier for every later call',
				action: 'Create a contact',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the contact by its contact identifier (source ID); with an identifier, also verify it (HMAC)',
				action: 'Get a contact',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					"Update the contact's name, email, phone or custom attributes (Chatwoot ignores empty values and never changes the identifier)",
				action: 'Update a contact',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...update.description,
];
