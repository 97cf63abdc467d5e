import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as resolve from './resolve.operation';
import * as toggleTyping from './toggleTyping.operation';
import * as updateLastSeen from './updateLastSeen.operation';

export const operations: Record<string, OperationModule> = { create, get, getAll, resolve, toggleTyping, updateLastSeen };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Start a new conversation for the contact in the inbox',
				action: 'Create a conversation',
			},
			{ name: 'Get', value: 'get', description: "Get one of the contact's conversations", action: 'Get a conversation' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the conversations of the contact in the inbox',
				action: 'Get many conversations',
			},
			{
				name: 'Mark as Seen',
				value: 'updateLastSeen',
				description: 'Record that the contact has read the conversation up to now',
				action: 'Mark a conversation as seen by the contact',
			},
			{
				name: 'Resolve',
				value: 'resolve',
				description: 'Resolve (close) the conversation on behalf of the contact',
				action: 'Resolve a conversation',
			},
			{
				name: 'Set Typing Status',
				value: 'toggleTyping',
				description: 'Show or hide the "contact is typing" indicator for agents',
				action: 'Set the typing status of a contact',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...resolve.description,
	...toggleTyping.description,
	...updateLastSeen.description,
];
