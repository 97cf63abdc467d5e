import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { NORMALISED_BASE_URL } from './baseUrl';

export class ChatwootSuiteClientApi implements ICredentialType {
	name = 'chatwootSuiteClientApi';

	displayName = 'Chatwoot Client API';

	icon: Icon = { light: 'file:../icons/chatwoot.svg', dark: 'file:../icons/chatwoot.dark.svg' };

	// "Open docs" in the credential dialog: where to find the inbox identifier and HMAC token.
	documentationUrl = 'https://github.com/n8n-nodes-chatwoot-suite/n8n-nodes-chatwoot-suite#chatwoot-client-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.chatwoot.com',
			placeholder: 'https://chat.example.com',
			required: true,
			description: 'Address of your Chatwoot, starting with https:// (or http://).',
		},
		{
			displayName: 'Inbox Identifier',
			name: 'inboxIdentifier',
			type: 'string',
			default: '',
			required: true,
			description: 'Identifier of an API-channel inbox: Chatwoot → Settings → Inboxes → your API inbox → Configuration',
		},
		{
			displayName: 'HMAC Token',
			name: 'hmacToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Optional. The inbox's HMAC token (same Configuration page). When set, contacts created with an identifier are sent with its identifier_hash so Chatwoot marks them verified; required if the inbox enforces HMAC. The node signs any identifier it is given: pass only identifiers your system has authenticated.",
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: NORMALISED_BASE_URL,
			url: '=/public/api/v1/inboxes/{{encodeURIComponent(String($credentials.inboxIdentifier).trim())}}',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'Chatwoot has no API inbox with this inbox identifier. Copy it from Settings → Inboxes → your API inbox → Configuration.',
				},
			},
		],
	};
}
