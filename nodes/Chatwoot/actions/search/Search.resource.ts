import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as search from './search.operation';

export const operations: Record<string, OperationModule> = { search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['search'] } },
		options: [
			{
				name: 'Search',
				value: 'search',
				description: 'Search contacts, conversations, messages and help center articles at once, like the search box of Chatwoot',
				action: 'Search the account',
			},
		],
		default: 'search',
	},
	...search.description,
];
