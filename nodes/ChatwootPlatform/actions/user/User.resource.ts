import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getLoginUrl from './getLoginUrl.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { create, delete: del, get, getLoginUrl, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a Chatwoot user (confirmed, no email sent), or get the existing user with that email',
				action: 'Create a user',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a user from the installation', action: 'Delete a user' },
			{ name: 'Get', value: 'get', description: 'Get a user by ID, with their accounts and access token', action: 'Get a user' },
			{
				name: 'Get Login URL',
				value: 'getLoginUrl',
				description: 'Get a single sign-on link that signs the user in to Chatwoot without a password',
				action: 'Get a login URL for a user',
			},
			{ name: 'Update', value: 'update', description: "Change a user's name, email, password or custom attributes", action: 'Update a user' },
		],
		default: 'create',
	},
	...create.description,
	...del.description,
	...get.description,
	...getLoginUrl.description,
	...update.description,
];
