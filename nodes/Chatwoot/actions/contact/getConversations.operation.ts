import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { simplifyConversation } from '../../../shared/helpers/simplify';
import { chatwootApiRequest, getAllUntilShortPage, unwrapList } from '../../../shared/transport';
import { contactLocator, simplifyField } from '../../../shared/descriptions';

const properties: INodeProperties[] = [contactLocator('The contact whose conversations to get'), simplifyField];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['getConversations'] } },
	properties,
);

export const concurrent = true;

const CONTACT_CONVERSATIONS_CAP = 20;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	// Chatwoot answers the contact's 20 most recent conversations ({payload: [...]}, contacts/conversations_controller.rb
	// `.order(last_activity_at: :desc).limit(20)`). With 20, there may be more: then the conversation filter on
	// contact_id (25 per page, same order, same permission filter) returns all of them.
	let conversations = unwrapList(
		await chatwootApiRequest(this, {
			method: 'GET',
			path: `/contacts/${contactId}/conversations`,
			subject: { resource: 'contact', id: contactId },
		}),
	);
	if (conversations.length >= CONTACT_CONVERSATIONS_CAP) {
		conversations = await getAllUntilShortPage(
			this,
			{
				method: 'POST',
				path: '/conversations/filter',
				body: { payload: [{ attribute_key: 'contact_id', filter_operator: 'equal_to', values: [String(contactId)], query_operator: null }] },
				subject: { resource: 'contact', id: contactId },
				// a filter writes nothing
				idempotent: true,
			},
			{ returnAll: true },
			25,
		);
	}
	return toItems(simplify ? conversations.map(simplifyConversation) : conversations);
}
