import type { INodeProperties } from 'n8n-workflow';

export const roleField: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	options: [
		{ name: 'Administrator', value: 'administrator', description: 'Manages the account: inboxes, agents, settings' },
		{ name: 'Agent', value: 'agent', description: 'Works on the conversations of the inboxes they are a member of' },
	],
	default: 'agent',
	description: "The user's role in this account",
};
