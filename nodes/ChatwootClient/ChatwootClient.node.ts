import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { description as contact } from './actions/contact/Contact.resource';
import { description as conversation } from './actions/conversation/Conversation.resource';
import { description as message } from './actions/message/Message.resource';
import { router } from './actions/router';
import { listSearch } from './methods';

export class ChatwootClient implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chatwoot Client',
		name: 'chatwootClient',
		icon: { light: 'file:../../icons/chatwoot.svg', dark: 'file:../../icons/chatwoot.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			"Act as a customer through Chatwoot's Client API (API inboxes): create contacts, start conversations and send messages from your own chat interface",
		defaults: { name: 'Chatwoot Client' },
		// The editor's Docs link: this package's README (n8n otherwise links an npm page).
		documentationUrl: 'https://github.com/n8n-nodes-chatwoot-suite/n8n-nodes-chatwoot-suite#chatwoot-client-customer-side',
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chatwootSuiteClientApi', required: true }],
		properties: [
			{
				displayName:
					'This node talks to Chatwoot as the customer (contact) of an API inbox. To act as an agent, use the Chatwoot node.',
				name: 'clientNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Message', value: 'message' },
				],
				default: 'message',
			},
			...contact,
			...conversation,
			...message,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
