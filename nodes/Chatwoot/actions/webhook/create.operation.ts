import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapList, unwrapRecord } from '../../../shared/transport';
import { includeSecretField, readSubscriptions, subscriptionsField, webhookOutput, webhookSubject } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/chatwoot-events',
		description: 'Where Chatwoot posts the events (http or https); unique in the account',
	},
	subscriptionsField(true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			includeSecretField,
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name shown in Settings → Integrations → Webhooks' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['create'] } }, properties);

/**
 * POST /webhooks (app/controllers/api/v1/accounts/webhooks_controller.rb, answer
 * `{payload: {webhook}}`). For a workflow that should start on these events, use the Chatwoot
 * Trigger: it registers and removes its own webhook.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const url = String(this.getNodeParameter('url', itemIndex)).trim();
	const subscriptions = readSubscriptions(this.getNodeParameter('subscriptions', itemIndex, []));
	if (subscriptions.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No events chosen', { itemIndex, description: 'Pick at least one event the webhook should receive.' });
	}
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = compact({ url, subscriptions, name: extra.name });
	const created = await chatwootApiRequest(this, {
		method: 'POST',
		path: '/webhooks',
		body,
		subject: webhookSubject(),
		// URLs are unique per account: a first attempt that landed is found by URL.
		reconcile: async () => unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/webhooks' })).find((w) => w.url === url),
	});
	return toItems(webhookOutput(unwrapRecord(created), extra.includeSecret === true));
}

export const concurrent = true;
