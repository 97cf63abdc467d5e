import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as getAll from './getAll.operation';

export const operations: Record<string, OperationModule> = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['auditLog'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List who changed what in the account (sign-ins, settings, automation rules, macros…), newest first',
				action: 'Get many audit log entries',
			},
		],
		default: 'getAll',
	},
	{
		displayName:
			"Audit logs are a Chatwoot Enterprise feature and need an administrator's access token. When the account's audit_logs feature is off, Chatwoot returns an empty list.",
		name: 'auditLogNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['auditLog'] } },
	},
	...getAll.description,
];
