import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as get from './get.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: "Get the credential's Chatwoot account: name, locale, features and settings",
				action: 'Get the account',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change the account's name, locale, email domain, support email or auto-resolve settings (administrators only)",
				action: 'Update the account',
			},
		],
		default: 'get',
	},
	...get.description,
	...update.description,
];
