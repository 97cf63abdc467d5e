import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { contactLocator, returnAllOrLimit } from '../../../shared/descriptions';
import { limitedItems } from '../../helpers/records';

const properties: INodeProperties[] = [contactLocator('The contact to start a conversation with'), ...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getContactableInboxes'] } }, properties);

/**
 * GET /contacts/{id}/contactable_inboxes (contacts_controller.rb#contactable_inboxes →
 * Contacts::ContactableInboxesService): the inboxes a conversation with this contact can be
 * started in, each with the `source_id` to pass to Conversation → Create.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	const inboxes = unwrapList(
		await chatwootApiRequest(this, { method: 'GET', path: `/contacts/${contactId}/contactable_inboxes`, subject: { resource: 'contact', id: contactId } }),
	);
	return limitedItems(this, itemIndex, inboxes);
}

export const concurrent = true;
