import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as addAgents from './addAgents.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAgentBot from './getAgentBot.operation';
import * as getAgents from './getAgents.operation';
import * as getAll from './getAll.operation';
import * as removeAgents from './removeAgents.operation';
import * as setAgentBot from './setAgentBot.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = {
	addAgents,
	create,
	get,
	getAgentBot,
	getAgents,
	getAll,
	removeAgents,
	setAgentBot,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inbox'] } },
		options: [
			{
				name: 'Add Agents',
				value: 'addAgents',
				description: 'Make agents members of an inbox so they see and get its conversations; existing members stay',
				action: 'Add agents to an inbox',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create an API-channel inbox, optionally with a callback URL that receives its events',
				action: 'Create an inbox',
			},
			{ name: 'Get', value: 'get', description: 'Get an inbox by ID', action: 'Get an inbox' },
			{
				name: 'Get Agent Bot',
				value: 'getAgentBot',
				description: 'Get the agent bot connected to an inbox (null when none)',
				action: 'Get the agent bot of an inbox',
			},
			{
				name: 'Get Agents',
				value: 'getAgents',
				description: 'List the agents who are members of an inbox',
				action: 'Get the agents of an inbox',
			},
			{ name: 'Get Many', value: 'getAll', description: 'List the inboxes of the account', action: 'Get many inboxes' },
			{
				name: 'Remove Agents',
				value: 'removeAgents',
				description: 'Remove agents from an inbox; the other members stay',
				action: 'Remove agents from an inbox',
			},
			{
				name: 'Set Agent Bot',
				value: 'setAgentBot',
				description: 'Connect an agent bot to an inbox (replacing its bot) or disconnect it (administrators)',
				action: 'Set the agent bot of an inbox',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change an inbox's name, callback URL or settings",
				action: 'Update an inbox',
			},
		],
		default: 'get',
	},
	...addAgents.description,
	...create.description,
	...get.description,
	...getAgentBot.description,
	...getAgents.description,
	...getAll.description,
	...removeAgents.description,
	...setAgentBot.description,
	...update.description,
];
