import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as createContactInbox from './createContactInbox.operation';
import * as getContactableInboxes from './getContactableInboxes.operation';
import * as addLabels from './addLabels.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as filter from './filter.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getConversations from './getConversations.operation';
import * as getLabels from './getLabels.operation';
import * as merge from './merge.operation';
import * as removeLabels from './removeLabels.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations: Record<string, OperationModule> = {
	getContactableInboxes,
	createContactInbox,
	addLabels,
	create,
	delete: del,
	filter,
	get,
	getAll,
	getConversations,
	getLabels,
	merge,
	removeLabels,
	search,
	update,
	upsert,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Add Labels',
				value: 'addLabels',
				description: "Add labels to a contact, keeping the labels it already has",
				action: 'Add labels to a contact',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a contact, optionally in an inbox; the output then holds that inbox\'s source ID under contact_inbox',
				action: 'Create a contact',
			},
			{
				name: 'Create Contact Inbox',
				value: 'createContactInbox',
				description: "Make a contact reachable in an inbox and get the source ID that Conversation → Create uses",
				action: 'Create a contact inbox',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a contact',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a contact together with its conversations',
				action: 'Delete a contact',
			},
			{
				name: 'Filter',
				value: 'filter',
				description: 'Find contacts matching conditions on their attributes, labels or custom attributes',
				action: 'Filter contacts',
			},
			{ name: 'Get', value: 'get', description: 'Get a contact by ID', action: 'Get a contact' },
			{
				name: 'Get Contactable Inboxes',
				value: 'getContactableInboxes',
				description: "List the inboxes a conversation with the contact can be started in, each with its source ID",
				action: 'Get contactable inboxes of a contact',
			},
			{
				name: 'Get Conversations',
				value: 'getConversations',
				description: 'List all conversations of a contact',
				action: 'Get conversations of a contact',
			},
			{ name: 'Get Labels', value: 'getLabels', description: 'Get the labels of a contact', action: 'Get labels of a contact' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the contacts of the account, optionally by label and sorted',
				action: 'Get many contacts',
			},
			{
				name: 'Merge',
				value: 'merge',
				description: 'Merge a duplicate contact into a base contact; the duplicate is deleted',
				action: 'Merge two contacts',
			},
			{
				name: 'Remove Labels',
				value: 'removeLabels',
				description: 'Remove labels from a contact, keeping its other labels',
				action: 'Remove labels from a contact',
			},
			{
				name: 'Search',
				value: 'search',
				description: 'Search contacts by name, email, phone number or identifier (partial match)',
				action: 'Search contacts',
			},
			{ name: 'Update', value: 'update', description: "Update a contact's details", action: 'Update a contact' },
		],
		default: 'create',
	},
	...create.description,
	...upsert.description,
	...get.description,
	...getAll.description,
	...search.description,
	...filter.description,
	...update.description,
	...del.description,
	...merge.description,
	...addLabels.description,
	...removeLabels.description,
	...getLabels.description,
	...getConversations.description,
	...getContactableInboxes.description,
	...createContactInbox.description,
];
