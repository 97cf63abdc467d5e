import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as addLabels from './addLabels.operation';
import * as assign from './assign.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getLabels from './getLabels.operation';
import * as removeLabels from './removeLabels.operation';
import * as setCustomAttributes from './setCustomAttributes.operation';
import * as setPriority from './setPriority.operation';
import * as setStatus from './setStatus.operation';
import * as toggleTyping from './toggleTyping.operation';

export const operations: Record<string, OperationModule> = {
	addLabels,
	assign,
	create,
	get,
	getAll,
	getLabels,
	removeLabels,
	setCustomAttributes,
	setPriority,
	setStatus,
	toggleTyping,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Add Labels',
				value: 'addLabels',
				description: 'Add labels to a conversation, keeping the labels it already has',
				action: 'Add labels to a conversation',
			},
			{
				name: 'Assign',
				value: 'assign',
				description: 'Assign a conversation to an agent, an agent bot or a team, or remove the assignment',
				action: 'Assign a conversation',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Start a conversation with a contact in an inbox, optionally with a first message',
				action: 'Create a conversation',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a conversation by the number shown in Chatwoot',
				action: 'Get a conversation',
			},
			{
				name: 'Get Labels',
				value: 'getLabels',
				description: 'List the labels of a conversation',
				action: 'Get labels of a conversation',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List conversations, filtered by status, assignee, inbox, team, labels or text',
				action: 'Get many conversations',
			},
			{
				name: 'Remove Labels',
				value: 'removeLabels',
				description: 'Remove labels from a conversation, keeping its other labels',
				action: 'Remove labels from a conversation',
			},
			{
				name: 'Set Custom Attributes',
				value: 'setCustomAttributes',
				description: "Set a conversation's custom attributes, merged with the existing ones or replacing them",
				action: 'Set custom attributes of a conversation',
			},
			{
				name: 'Set Priority',
				value: 'setPriority',
				description: 'Set or clear the priority of a conversation (urgent, high, medium, low)',
				action: 'Set the priority of a conversation',
			},
			{
				name: 'Set Status',
				value: 'setStatus',
				description: 'Open, resolve, snooze or mark a conversation as pending',
				action: 'Set the status of a conversation',
			},
			{
				name: 'Toggle Typing',
				value: 'toggleTyping',
				description: 'Show or hide the typing indicator in a conversation',
				action: 'Toggle typing in a conversation',
			},
		],
		default: 'get',
	},
	...addLabels.description,
	...assign.description,
	...create.description,
	...get.description,
	...getAll.description,
	...getLabels.description,
	...removeLabels.description,
	...setCustomAttributes.description,
	...setPriority.description,
	...setStatus.description,
	...toggleTyping.description,
];
