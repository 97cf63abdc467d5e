import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { inboxLocator } from '../../../shared/descriptions';
import { campaignBody, campaignFields, triggerRules } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '', placeholder: 'e.g. Pricing page help' },
	inboxLocator('The inbox that sends it: a website inbox (ongoing campaign) or an SMS or WhatsApp inbox (one-off campaign)'),
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'What the visitor or contact receives',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: campaignFields,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const title = String(this.getNodeParameter('title', itemIndex)).trim();
	const message = String(this.getNodeParameter('message', itemIndex)).trim();
	if (!title || !message) {
		throw new NodeOperationError(this.getNode(), 'A campaign needs a title and a message', { itemIndex, description: 'Fill in "Title" and "Message".' });
	}
	const body: IDataObject = {
		title,
		message,
		inbox_id: getId(this, 'inboxId', itemIndex, 'inbox ID'),
		...campaignBody(this, fields, itemIndex),
		// Chatwoot's Campaign#validate_url reads trigger_rules['url'] without a nil check: a campaign
		// created without trigger_rules fails with a server error, so an empty object is always sent.
		trigger_rules: triggerRules(fields) ?? {},
	};
	const campaign = await chatwootApiRequest(this, { method: 'POST', path: '/campaigns', body, subject: { resource: 'campaign' } });
	return toItems(unwrapRecord(campaign));
}
