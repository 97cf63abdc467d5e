import type { INodeProperties } from 'n8n-workflow';

import { idExtractRegex, idValidationRegex } from './helpers/ids';

interface LocatorSpec {
	name: string;
	displayName: string;
	/** listSearch method in methods/listSearch.ts */
	searchListMethod: string;
	/** Path segment of Chatwoot's web UI URL that holds the ID, e.g. "conversations". */
	urlSegment: string;
	/** Other path segments Chatwoot's UI puts the same ID after (e.g. `inbox` in `/inbox/3`). */
	extraUrlSegments?: string[];
	urlExample: string;
	description: string;
	required?: boolean;
}

/**
 * A resource locator with "From List" (searchable), "By ID" and, where Chatwoot's UI has one, "By URL".
 * Every mode takes a number, `#42` or a Chatwoot address (getId reads all of them), because n8n keeps the
 * value when the user switches mode.
 */
export function locator(spec: LocatorSpec): INodeProperties {
	const label = spec.displayName.toLowerCase();
	const accepted = idValidationRegex([spec.urlSegment, ...(spec.extraUrlSegments ?? [])]);
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required ?? true,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 42',
				validation: [{ type: 'regex', properties: { regex: accepted, errorMessage: `Not a valid ${label} ID (a number)` } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: spec.urlExample,
				extractValue: { type: 'regex', regex: idExtractRegex([spec.urlSegment, ...(spec.extraUrlSegments ?? [])]) },
				validation: [{ type: 'regex', properties: { regex: accepted, errorMessage: `Not a Chatwoot ${label} URL` } }],
			},
		],
	};
}

export const inboxLocator = (description = 'The inbox to use'): INodeProperties =>
	locator({
		name: 'inboxId',
		displayName: 'Inbox',
		searchListMethod: 'searchInboxes',
		urlSegment: 'inboxes',
		extraUrlSegments: ['inbox'],
		urlExample: 'https://app.chatwoot.com/app/accounts/1/settings/inboxes/3',
		description,
	});

export const contactLocator = (description = 'The contact to use'): INodeProperties =>
	locator({
		name: 'contactId',
		displayName: 'Contact',
		searchListMethod: 'searchContacts',
		urlSegment: 'contacts',
		urlExample: 'https://app.chatwoot.com/app/accounts/1/contacts/7',
		description,
	});

export const conversationLocator = (
	description = 'The conversation, by the number shown in Chatwoot (its display ID)',
): INodeProperties =>
	locator({
		name: 'conversationId',
		displayName: 'Conversation',
		searchListMethod: 'searchConversations',
		urlSegment: 'conversations',
		urlExample: 'https://app.chatwoot.com/app/accounts/1/conversations/42',
		description,
	});

export const agentLocator = (name = 'agentId', description = 'The agent (a Chatwoot user)'): INodeProperties => ({
	displayName: 'Agent',
	name,
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAgents', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 4',
			validation: [{ type: 'regex', properties: { regex: idValidationRegex([]), errorMessage: 'Not a valid agent ID (a number)' } }],
		},
	],
});

export const teamLocator = (name = 'teamId', description = 'The team'): INodeProperties =>
	locator({
		name,
		displayName: 'Team',
		searchListMethod: 'searchTeams',
		urlSegment: 'teams',
		extraUrlSegments: ['team'],
		urlExample: 'https://app.chatwoot.com/app/accounts/1/settings/teams/2/edit',
		description,
	});

/** "Return All" + "Limit" for a list operation. */
export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** Label titles picked from the account's labels (or typed / mapped as a comma-separated list). */
export function labelsField(description: string, required = true): INodeProperties {
	return {
		displayName: 'Label Names or IDs',
		name: 'labels',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLabels' },
		default: [],
		required,
		description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** An agent bot (Settings → Bots): picked from the account's bots or given by ID. */
export const agentBotLocator = (name = 'agentBotId', description = 'The agent bot (Chatwoot → Settings → Bots)'): INodeProperties => ({
	displayName: 'Agent Bot',
	name,
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAgentBots', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3',
			validation: [{ type: 'regex', properties: { regex: idValidationRegex(['agent_bots']), errorMessage: 'Not a valid agent bot ID (a number)' } }],
		},
	],
});
