import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { chatwootApiCredentialTest } from '../shared/methods/credentialTest';
import { searchAgentBots, searchApiInboxes, searchInboxes } from '../shared/methods/listSearch';
import { getInboxes, getLabels } from '../shared/methods/loadOptions';
import { properties } from './descriptions';
import * as lifecycle from './lifecycle';
import { receive } from './receive';

export class ChatwootTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chatwoot Trigger',
		name: 'chatwootTrigger',
		icon: { light: 'file:../../icons/chatwoot.svg', dark: 'file:../../icons/chatwoot.dark.svg' },
		group: ['trigger'],
		version: 1,
		// The loop guard (Options → Ignore Messages From This Credential) is on by default: say so on the canvas.
		subtitle:
			'={{ $parameter["events"].join(", ") + (($parameter["options"] || {})["ignoreOwnMessages"] === false ? "" : " · own messages ignored") }}',
		documentationUrl: 'https://github.com/n8n-nodes-chatwoot-suite/n8n-nodes-chatwoot-suite#chatwoot-trigger',
		description: 'Starts the workflow when Chatwoot sends a signed webhook event',
		defaults: { name: 'Chatwoot Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chatwootSuiteApi', required: true, testedBy: 'chatwootApiCredentialTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties,
	};

	methods = {
		listSearch: { searchAgentBots, searchApiInboxes, searchInboxes },
		loadOptions: { getInboxes, getLabels },
		credentialTest: { chatwootApiCredentialTest },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await lifecycle.checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await lifecycle.create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await lifecycle.deleteWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}
}
