import type { INodeProperties } from 'n8n-workflow';

export const hookSubject = (id?: number | string) => ({ resource: 'integration hook', id });

export const appIdField = (description: string): INodeProperties => ({
	displayName: 'App Name or ID',
	name: 'appId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getIntegrationApps' },
	required: true,
	default: '',
	description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

export const hookStatusField: INodeProperties = {
	displayName: 'Enabled',
	name: 'enabled',
	type: 'boolean',
	default: true,
	description: 'Whether the integration is active',
};

export const settingsField: INodeProperties = {
	displayName: 'Settings (JSON)',
	name: 'settingsJson',
	type: 'json',
	default: '{}',
	description:
		'The app\'s settings as a JSON object, e.g. {"project_id": "...", "credentials": {...}} for Dialogflow; Chatwoot checks them against the app\'s settings schema',
};
