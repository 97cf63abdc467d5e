import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as getAll from './getAll.operation';
import * as updateStatus from './updateStatus.operation';

export const operations: Record<string, OperationModule> = { create, delete: del, getAll, updateStatus };

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
				description:
					'Send a message in a conversation: a reply to the contact, a private note visible only to agents, or (in API inboxes) a message from the contact',
				// What people look for (n8n's Slack and Telegram nodes say "Send a message"); the value stays `create`.
				action: 'Send a message',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a message from a conversation (Chatwoot replaces its content with "This message was deleted")',
				action: 'Delete a message',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the messages of a conversation, oldest first, optionally with their attachments',
				action: 'Get many messages',
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				description: 'Set the delivery status (sent, delivered, read, failed) of a message in an API-channel inbox',
				action: 'Update the status of a message',
			},
		],
		default: 'create',
	},
	...create.description,
	...del.description,
	...getAll.description,
	...updateStatus.description,
];
