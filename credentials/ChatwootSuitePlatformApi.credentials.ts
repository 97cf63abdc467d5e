import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { NORMALISED_BASE_URL } from './baseUrl';

export class ChatwootSuitePlatformApi implements ICredentialType {
	name = 'chatwootSuitePlatformApi';

	displayName = 'Chatwoot Platform API';

	icon: Icon = { light: 'file:../icons/chatwoot.svg', dark: 'file:../icons/chatwoot.dark.svg' };

	// "Open docs" in the credential dialog: where to find the Platform App token.
	documentationUrl = 'https://github.com/n8n-nodes-chatwoot-suite/n8n-nodes-chatwoot-suite#chatwoot-platform-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://chat.example.com',
			required: true,
			description:
				'Address of your self-hosted Chatwoot, starting with https:// (or http://). Anything after it, such as /platform/api/v1, is ignored.',
		},
		{
			displayName: 'Platform App Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The access token of a Platform App: Chatwoot Super Admin (/super_admin) → Platform Apps → New, then copy its token. A user's or agent bot's access token does not work with the Platform API.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				api_access_token: '={{$credentials.accessToken}}',
			},
		},
	};

	/**
	 * GET /platform/api/v1/agent_bots answers 200 only for a Platform App's token: PlatformController
	 * (app/controllers/platform_controller.rb#set_platform_app) answers 401 "Invalid access_token" for a
	 * missing or unknown token and for any token whose owner is a user or an agent bot. The list is
	 * read-only and needs no record ID. Only status rules: an app without bots gets an empty array,
	 * which n8n's body rules cannot read.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: NORMALISED_BASE_URL,
			url: '/platform/api/v1/agent_bots',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						"Chatwoot did not accept this as a Platform App token. A user's or agent bot's access token is refused by the Platform API: copy the token of a Platform App (Super Admin → Platform Apps).",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'This address has no Chatwoot Platform API. Check the Base URL (the address of your Chatwoot, for example https://chat.example.com).',
				},
			},
		],
	};
}
