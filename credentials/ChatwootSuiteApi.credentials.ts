import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { NORMALISED_BASE_URL } from './baseUrl';

export class ChatwootSuiteApi implements ICredentialType {
	name = 'chatwootSuiteApi';

	displayName = 'Chatwoot API';

	icon: Icon = { light: 'file:../icons/chatwoot.svg', dark: 'file:../icons/chatwoot.dark.svg' };

	documentationUrl = 'https://developers.chatwoot.com/api-reference/introduction';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.chatwoot.com',
			placeholder: 'https://chat.example.com',
			required: true,
			description:
				'Address of your Chatwoot, starting with https:// (or http://). Anything after it, such as /app/accounts/1/dashboard or /api/v1, is ignored.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"A user's token (Chatwoot → Profile settings → Access Token) or an agent bot's token (Settings → Bots). Agent bots may only work on conversations and messages.",
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'number',
			default: 1,
			required: true,
			description: "The number after /app/accounts/ in Chatwoot's address bar. Used by every operation unless it overrides the account.",
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
	 * Conversation 0 never exists, so Chatwoot answers 404 "Resource could not be found" only
	 * after it accepted the token and the account: this proves both for user AND agent-bot
	 * tokens (bots may not call /api/v1/profile). Every other answer names what is wrong.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: NORMALISED_BASE_URL,
			url: '=/api/v1/accounts/{{$credentials.accountId}}/conversations/0',
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'Invalid Access Token',
					message: 'Chatwoot rejected the access token. Copy it again from Profile settings → Access Token (or Settings → Bots for an agent bot).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'You are not authorized to access this account',
					message: "The token is valid, but it has no access to this Account ID. Use the number after /app/accounts/ in Chatwoot's address bar.",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'Account is suspended',
					message: 'This Chatwoot account is suspended.',
				},
			},
			{
				// Conversation show is open to agent bots, so only a token that is neither a user's nor a bot's gets
				// this here: a Platform App's (AccessTokenAuthHelper#validate_bot_access_token!).
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'Access to this endpoint is not authorized for bots',
					message:
						"This is a Platform App token: it works only with the Platform API (use it in a Chatwoot Platform API credential). Here, use a user's access token (Profile settings → Access Token) or an agent bot's token.",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errors[0]',
					value: 'You need to sign in or sign up before continuing.',
					message: 'Chatwoot received no access token. Enter the access token.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: undefined,
					message: 'This address did not answer like a Chatwoot server. Check the Base URL (for example https://app.chatwoot.com).',
				},
			},
		],
	};
}
