import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { webhookLocator } from '../../helpers/settingsLocators';
import { requireChanges } from '../../helpers/records';
import { readSubscriptions, subscriptionsField, webhookOutput, webhookSubject } from './fields';

const properties: INodeProperties[] = [
	webhookLocator('The webhook to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ ...subscriptionsField(false), description: 'The complete new list of events (replaces the current one)' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '', description: 'New target URL (http or https)' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'webhookId', itemIndex, 'webhook ID');
	const f = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const subscriptions = f.subscriptions === undefined ? undefined : readSubscriptions(f.subscriptions);
	const body = compact({ url: typeof f.url === 'string' ? f.url.trim() : undefined, name: f.name, subscriptions: subscriptions?.length ? subscriptions : undefined });
	requireChanges(this, itemIndex, body);
	const updated = await chatwootApiRequest(this, { method: 'PATCH', path: `/webhooks/${id}`, body, subject: webhookSubject(id) });
	return toItems(webhookOutput(unwrapRecord(updated), false));
}

export const concurrent = true;
