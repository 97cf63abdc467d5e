import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { contactLocator, inboxLocator } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	contactLocator('The contact to connect to the inbox'),
	inboxLocator('The inbox the contact should be reachable in'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'HMAC Verified',
				name: 'hmacVerified',
				type: 'boolean',
				default: false,
				description: 'Whether the contact is marked as identity-verified in this inbox (they then see all their conversations in the widget)',
			},
			{
				displayName: 'Source ID',
				name: 'sourceId',
				type: 'string',
				default: '',
				placeholder: 'e.g. user-42',
				description:
					'Your ID for the contact in this inbox (the Client API contact identifier); Chatwoot generates one when empty. With a source ID a repeated request returns the same contact inbox.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['createContactInbox'] } }, properties);

/**
 * POST /contacts/{id}/contact_inboxes (contacts/contact_inboxes_controller.rb → ContactInboxBuilder):
 * answers the contact inbox `{source_id, inbox, …}`; use `source_id` with Conversation → Create.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	const inboxId = getId(this, 'inboxId', itemIndex, 'inbox ID');
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const sourceId = typeof extra.sourceId === 'string' ? extra.sourceId.trim() : '';
	const body = compact({ inbox_id: inboxId, source_id: sourceId, hmac_verified: extra.hmacVerified === true ? true : undefined });
	const contactInbox = await chatwootApiRequest(this, {
		method: 'POST',
		path: `/contacts/${contactId}/contact_inboxes`,
		body,
		subject: { resource: 'contact', id: contactId },
		// ContactInboxBuilder returns the existing contact inbox for a known source ID, so only
		// then may a request whose first attempt may have landed be repeated.
		idempotent: sourceId !== '',
	});
	return toItems(unwrapRecord(contactInbox));
}

export const concurrent = true;
