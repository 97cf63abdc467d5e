import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as getReportingEvents from './getReportingEvents.operation';
import * as removeParticipants from './removeParticipants.operation';
import * as addParticipants from './addParticipants.operation';
import * as getParticipants from './getParticipants.operation';
import * as sendTranscript from './sendTranscript.operation';
import * as markUnread from './markUnread.operation';
import * as unmute from './unmute.operation';
import * as mute from './mute.operation';
import * as getMeta from './getMeta.operation';
import * as update from './update.operation';
import * as filter from './filter.operation';
import * as addLabels from './addLabels.operation';
import * as assign from './assign.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getChatHistory from './getChatHistory.operation';
import * as getLabels from './getLabels.operation';
import * as handoff from './handoff.operation';
import * as removeLabels from './removeLabels.operation';
import * as setCustomAttributes from './setCustomAttributes.operation';
import * as setPriority from './setPriority.operation';
import * as setStatus from './setStatus.operation';
import * as toggleTyping from './toggleTyping.operation';

export const operations: Record<string, OperationModule> = {
	filter,
	update,
	getMeta,
	mute,
	unmute,
	markUnread,
	sendTranscript,
	getParticipants,
	addParticipants,
	removeParticipants,
	getReportingEvents,
	addLabels,
	assign,
	create,
	get,
	getAll,
	getChatHistory,
	getLabels,
	handoff,
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
				name: 'Add Participants',
				value: 'addParticipants',
				description: "Add agents as participants of a conversation; existing participants stay",
				action: 'Add participants to a conversation',
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
				name: 'Filter',
				value: 'filter',
				description: "Find conversations matching conditions (status, assignee, inbox, team, labels, dates, custom attributes), like Chatwoot's conversation filters",
				action: 'Filter conversations',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a conversation by the number shown in Chatwoot',
				action: 'Get a conversation',
			},
			{
				name: 'Get Chat History',
				value: 'getChatHistory',
				description:
					'Get the conversation so far as a chat transcript for an AI: oldest first, role "user" for the customer and "assistant" for agents and bots, with times and attachment links. Use it before answering so the reply fits what was already said. Needs a user token, not an agent-bot token.',
				action: 'Get the chat history of a conversation',
			},
			{
				name: 'Get Counts',
				value: 'getMeta',
				description: "Count conversations per tab (mine, unassigned, assigned, all) for a status, inbox, team or labels; Chatwoot allows 30 per minute",
				action: 'Get conversation counts',
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
				name: 'Get Participants',
				value: 'getParticipants',
				description: "List the agents participating in (following) a conversation",
				action: 'Get participants of a conversation',
			},
			{
				name: 'Get Reporting Events',
				value: 'getReportingEvents',
				description: "Get first-response, resolution and reply-time events of a conversation (enterprise edition only)",
				action: 'Get reporting events of a conversation',
			},
			{
				name: 'Hand Off to Human',
				value: 'handoff',
				description:
					'Hand a conversation from the bot to human agents: opens it (Chatwoot\'s bot handoff), optionally assigns a team or agent and leaves a private note such as a summary. Use it when the customer asks for a person or the bot cannot help. Safe to repeat.',
				action: 'Hand off a conversation to a human',
			},
			{
				name: 'Mark Unread',
				value: 'markUnread',
				description: "Mark a conversation as unread for agents (as if its last incoming message was not seen yet)",
				action: 'Mark a conversation as unread',
			},
			{
				name: 'Mute',
				value: 'mute',
				description: "Mute a conversation: Chatwoot resolves it and blocks the contact, so their new messages no longer reopen it or notify agents",
				action: 'Mute a conversation',
			},
			{
				name: 'Remove Labels',
				value: 'removeLabels',
				description: 'Remove labels from a conversation, keeping its other labels',
				action: 'Remove labels from a conversation',
			},
			{
				name: 'Remove Participants',
				value: 'removeParticipants',
				description: "Remove agents from the participants of a conversation; the others stay",
				action: 'Remove participants from a conversation',
			},
			{
				name: 'Send Transcript',
				value: 'sendTranscript',
				description: "Email the transcript of a conversation to an address (needs a plan with email transcripts)",
				action: 'Send a conversation transcript',
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
			{
				name: 'Unmute',
				value: 'unmute',
				description: "Unmute a conversation: Chatwoot unblocks the contact so their new messages reach agents again",
				action: 'Unmute a conversation',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a conversation's priority, SLA policy (enterprise) or custom attributes (merged with the existing ones)",
				action: 'Update a conversation',
			},
		],
		default: 'get',
	},
	...addLabels.description,
	...assign.description,
	...create.description,
	...get.description,
	...getAll.description,
	...getChatHistory.description,
	...getLabels.description,
	...handoff.description,
	...removeLabels.description,
	...setCustomAttributes.description,
	...setPriority.description,
	...setStatus.description,
	...toggleTyping.description,
	...filter.description,
	...update.description,
	...getMeta.description,
	...mute.description,
	...unmute.description,
	...markUnread.description,
	...sendTranscript.description,
	...getParticipants.description,
	...addParticipants.description,
	...removeParticipants.description,
	...getReportingEvents.description,
];
