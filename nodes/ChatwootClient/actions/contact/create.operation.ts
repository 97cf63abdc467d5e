import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { clientRequest, contactPath } from '../../helpers/client';
import { contactBody } from '../../helpers/contact';
import { contactFields } from '../descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...contactFields,
			{
				displayName: 'Source ID',
				name: 'sourceId',
				type: 'string',
				default: '',
				description:
					'Your own session ID to use as the contact identifier in this inbox (unique per inbox). Empty: Chatwoot generates one.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = await contactBody(this, fields, itemIndex);
	const sourceId = typeof body.source_id === 'string' ? body.source_id : undefined;
	// Chatwoot checks the HMAC on GET too (500 without it on inboxes that enforce identity validation)
	const identity = body.identifier_hash ? { identifier: body.identifier, identifier_hash: body.identifier_hash } : undefined;
	const response = await clientRequest(
		this,
		{
			method: 'POST',
			path: '/contacts',
			body,
			// With a known source ID, a create whose answer got lost can be looked up instead of repeated.
			reconcile: sourceId
				? async () => {
						try {
							return await clientRequest(this, { method: 'GET', path: contactPath(sourceId), qs: identity });
						} catch {
							return undefined;
						}
					}
				: undefined,
		},
		{ identity: { identifier: body.identifier as string | undefined }, itemIndex },
	);
	const record = unwrapRecord(response);
	if (identity && typeof record.source_id === 'string') {
		// A create never marks the contact verified: Chatwoot's HMAC check runs before the contact inbox exists
		// (Inboxes::ContactsController#process_hmac, `@contact_inbox.update(hmac_verified: true) if @contact_inbox.present?`)
		// and ContactInboxWithContactBuilder is not given hmac_verified. A GET with the hash does it.
		await clientRequest(
			this,
			{ method: 'GET', path: contactPath(record.source_id), qs: identity },
			{ contactIdentifier: record.source_id, identity: { identifier: body.identifier as string | undefined }, itemIndex },
		);
	}
	return toItems(record);
}
