import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class ChatwootSuiteApi implements ICredentialType {
	name = 'chatwootSuiteApi';

	displayName = 'Chatwoot API';

	icon: Icon = { light: 'file:../icons/chatwoot.svg', dark: 'file:../icons/chatwoot.dark.svg' };

	// "Open docs" in the credential dialog: where to find the token and the Account ID.
	documentationUrl = 'https://github.com/n8n-nodes-chatwoot-suite/n8n-nodes-chatwoot-suite#chatwoot-api-credential';

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
			description: "The number after /app/accounts/ in Chatwoot's address bar. Every operation works in this account.",
		},
		{
			displayName: 'Belongs to an Agent Bot',
			name: 'agentBot',
			type: 'boolean',
			default: false,
			description:
				"Whether the token is an agent bot's (Settings → Bots). Chatwoot lets agent bots only work on conversations, messages, assignments and labels; when this is on, other operations stop with an explanation before anything is sent.",
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

	// No declarative `test`: the "Test" button runs `chatwootApiCredentialTest` (nodes/shared/methods/credentialTest.ts),
	// which every node using this credential names with `testedBy` (one request cannot tell a wrong Account ID apart).
}
