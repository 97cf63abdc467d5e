import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { description as contact } from './actions/contact/Contact.resource';
import { description as conversation } from './actions/conversation/Conversation.resource';
import { description as inbox } from './actions/inbox/Inbox.resource';
import { description as message } from './actions/message/Message.resource';
import { description as account } from './actions/account/Account.resource';
import { description as profile } from './actions/profile/Profile.resource';
import { description as agent } from './actions/agent/Agent.resource';
import { description as team } from './actions/team/Team.resource';
import { description as label } from './actions/label/Label.resource';
import { description as cannedResponse } from './actions/cannedResponse/CannedResponse.resource';
import { description as customAttribute } from './actions/customAttribute/CustomAttribute.resource';
import { description as webhook } from './actions/webhook/Webhook.resource';
import { description as contactNote } from './actions/contactNote/ContactNote.resource';
import { description as customFilter } from './actions/customFilter/CustomFilter.resource';
import { description as integration } from './actions/integration/Integration.resource';
import { description as search } from './actions/search/Search.resource';
import { description as agentBot } from './actions/agentBot/AgentBot.resource';
import { batchingFields } from './actions/batching';
import { resources } from './actions/resources';
import { router } from './actions/router';
import { chatwootApiCredentialTest } from '../shared/methods/credentialTest';
import { listSearch, loadOptions } from './methods';

export class Chatwoot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chatwoot',
		name: 'chatwoot',
		icon: { light: 'file:../../icons/chatwoot.svg', dark: 'file:../../icons/chatwoot.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Chatwoot: contacts, conversations, messages, inboxes, agents, teams, labels and account settings',
		defaults: { name: 'Chatwoot' },
		// The editor's Docs link: this package's README (n8n otherwise links an npm page).
		documentationUrl: 'https://github.com/n8n-nodes-chatwoot-suite/n8n-nodes-chatwoot-suite#operations',
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chatwootSuiteApi', required: true, testedBy: 'chatwootApiCredentialTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Agent', value: 'agent' },
					{ name: 'Agent Bot', value: 'agentBot' },
					{ name: 'Canned Response', value: 'cannedResponse' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Contact Note', value: 'contactNote' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Custom Attribute', value: 'customAttribute' },
					{ name: 'Inbox', value: 'inbox' },
					{ name: 'Integration', value: 'integration' },
					{ name: 'Label', value: 'label' },
					{ name: 'Message', value: 'message' },
					// automation, reports and help center (issue 14, part B)
					{ name: 'Article', value: 'article' },
					{ name: 'Audit Log', value: 'auditLog' },
					{ name: 'Automation Rule', value: 'automationRule' },
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Category', value: 'category' },
					{ name: 'CSAT Survey Response', value: 'csat' },
					{ name: 'Macro', value: 'macro' },
					{ name: 'Portal', value: 'portal' },
					{ name: 'Report', value: 'report' },
					// account administration, settings, search (issue 14, part A)
					{ name: 'Profile', value: 'profile' },
					{ name: 'Saved Filter', value: 'customFilter' },
					{ name: 'Search', value: 'search' },
					{ name: 'Team', value: 'team' },
					{ name: 'Webhook', value: 'webhook' },
				].sort((a, b) => a.name.localeCompare(b.name)),
				default: 'message',
			},
			...contact,
			...conversation,
			...message,
			...inbox,
			...['automationRule', 'macro', 'campaign', 'report', 'csat', 'auditLog', 'portal', 'category', 'article'].flatMap(
				(name) => resources[name].description,
			),
			...account,
			...profile,
			...agent,
			...team,
			...label,
			...contactNote,
			...webhook,
			...customAttribute,
			...cannedResponse,
			...search,
			...integration,
			...customFilter,
			...agentBot,
			...batchingFields(),
		],
	};

	methods = { listSearch, loadOptions, credentialTest: { chatwootApiCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
