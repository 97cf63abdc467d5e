import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { description as account } from './actions/account/Account.resource';
import { description as accountUser } from './actions/accountUser/AccountUser.resource';
import { description as agentBot } from './actions/agentBot/AgentBot.resource';
import { description as user } from './actions/user/User.resource';
import { router } from './actions/router';
import { listSearch } from './methods';

export class ChatwootPlatform implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chatwoot Platform',
		name: 'chatwootPlatform',
		icon: { light: 'file:../../icons/chatwoot.svg', dark: 'file:../../icons/chatwoot.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			"Provision a self-hosted Chatwoot through its Platform API: create accounts, users, memberships and agent bots for your customers",
		defaults: { name: 'Chatwoot Platform' },
		// The editor's Docs link: this package's README (n8n otherwise links an npm page).
		documentationUrl: 'https://github.com/n8n-nodes-chatwoot-suite/n8n-nodes-chatwoot-suite#chatwoot-platform-provisioning',
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chatwootSuitePlatformApi', required: true }],
		properties: [
			{
				displayName:
					'A Platform App sees only the accounts, users and agent bots it created itself. To work inside an account (inboxes, contacts, conversations), use the Chatwoot node with a user\'s access token.',
				name: 'platformNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Account User', value: 'accountUser', description: 'A user\'s membership and role in an account' },
					{ name: 'Agent Bot', value: 'agentBot' },
					{ name: 'User', value: 'user' },
				],
				default: 'account',
			},
			...account,
			...accountUser,
			...agentBot,
			...user,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
