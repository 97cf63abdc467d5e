import type { INodeProperties } from 'n8n-workflow';

import { idValidationRegex } from '../../shared/helpers/ids';

/** "By ID": also `#42` or an address with the ID (getId reads both, shared/helpers/ids.ts). */
const idMode = (label: string, urlSegments: string[]) => ({
	displayName: 'By ID',
	name: 'id',
	type: 'string' as const,
	placeholder: 'e.g. 42',
	validation: [
		{ type: 'regex' as const, properties: { regex: idValidationRegex(urlSegments), errorMessage: `Not a valid ${label} ID (a number)` } },
	],
});

/** An account this Platform App created: from GET /platform/api/v1/accounts, or by ID. */
export const accountLocator = (description = 'The account'): INodeProperties => ({
	displayName: 'Account',
	name: 'accountId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: `${description}. The list shows the accounts this Platform App created; it can use no other.`,
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchAccounts', searchable: true } },
		idMode('account', ['accounts']),
	],
});

/** An agent bot this Platform App created: from GET /platform/api/v1/agent_bots, or by ID. */
export const agentBotLocator = (description = 'The agent bot'): INodeProperties => ({
	displayName: 'Agent Bot',
	name: 'agentBotId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: `${description}. The list shows the agent bots this Platform App created; it can use no other.`,
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchAgentBots', searchable: true } },
		idMode('agent bot', ['agent_bots']),
	],
});

/** Chatwoot's Platform API has no user list, so users are named by ID (the `id` of User → Create). */
export const userIdField = (description = 'The user'): INodeProperties => ({
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 12',
	description: `${description}: the ID from User → Create (Chatwoot's Platform API cannot list users). This Platform App must have created the user, or created it with the user's email.`,
});

export const customAttributesField = (description: string): INodeProperties => ({
	displayName: 'Custom Attributes',
	name: 'customAttributes',
	type: 'json',
	default: '{}',
	description,
});
