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
		displayOptions: { show: { resource: ['profile'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: "Get the profile of the credential's own user: name, email, role and availability per account (the access token is left out)",
				action: 'Get my profile',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change the credential's own user: name, display name, email, signature, or availability (online, busy, offline)",
				action: 'Update my profile',
			},
		],
		default: 'get',
	},
	...get.description,
	...update.description,
];
