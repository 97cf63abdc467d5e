import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { description as contact } from './actions/contact/Contact.resource';
import { description as conversation } from './actions/conversation/Conversation.resource';
import { description as inbox } from './actions/inbox/Inbox.resource';
import { description as message } from './actions/message/Message.resource';
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
		description: 'Manage Chatwoot contacts, conversations, messages and inboxes',
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
					{ name: 'Contact', value: 'contact' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Inbox', value: 'inbox' },
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
			...batchingFields(),
		],
	};

	methods = { listSearch, loadOptions, credentialTest: { chatwootApiCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
