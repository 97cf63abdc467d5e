import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as create from './create.operation';
import * as deleteBot from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as resetAccessToken from './resetAccessToken.operation';
import * as resetSecret from './resetSecret.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = {
	create,
	delete: deleteBot,
	get,
	getAll,
	resetAccessToken,
	resetSecret,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agentBot'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an agent bot whose outgoing URL receives the events of the inboxes it is connected to (administrators)',
				action: 'Create an agent bot',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an agent bot; its inboxes and conversations are released (administrators)',
				action: 'Delete an agent bot',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an agent bot by ID: name, outgoing URL, type',
				action: 'Get an agent bot',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List the account's agent bots and the system bots it may use",
				action: 'Get many agent bots',
			},
			{
				name: 'Reset Access Token',
				value: 'resetAccessToken',
				description: "Replace the bot's API access token; the old one stops working (administrators)",
				action: 'Reset the access token of an agent bot',
			},
			{
				name: 'Reset Secret',
				value: 'resetSecret',
				description: 'Replace the secret Chatwoot signs the bot webhook deliveries with (administrators)',
				action: 'Reset the webhook secret of an agent bot',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change an agent bot's name, description, avatar or outgoing URL (administrators)",
				action: 'Update an agent bot',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...deleteBot.description,
	...get.description,
	...getAll.description,
	...resetAccessToken.description,
	...resetSecret.description,
	...update.description,
];
