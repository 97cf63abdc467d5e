import type { INodeProperties } from 'n8n-workflow';

import { AVAILABILITY_OPTIONS } from '../profile/update.operation';

export const ROLE_OPTIONS = [
	{ name: 'Agent', value: 'agent' },
	{ name: 'Administrator', value: 'administrator' },
];

/** Role, availability and auto-offline: the account-membership fields of an agent. */
export function membershipFields(): INodeProperties[] {
	return [
		{
			displayName: 'Auto Offline',
			name: 'autoOffline',
			type: 'boolean',
			default: true,
			description: 'Whether Chatwoot sets the agent offline when they close the app',
		},
		{
			displayName: 'Availability',
			name: 'availability',
			type: 'options',
			options: AVAILABILITY_OPTIONS,
			default: 'online',
			description: 'The agent’s status in this account',
		},
	];
}
