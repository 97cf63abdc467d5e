import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { simplifyConversation } from '../../../shared/helpers/simplify';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { contactLocator, simplifyField } from '../../../shared/descriptions';

const properties: INodeProperties[] = [contactLocator('The contact whose conversations to get'), simplifyField];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['getConversations'] } },
	properties,
);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	// Chatwoot returns all of the contact's conversations at once ({payload: [...]}).
	const conversations = unwrapList(
		await chatwootApiRequest(this, {
			method: 'GET',
			path: `/contacts/${contactId}/conversations`,
			subject: { resource: 'contact', id: contactId },
		}),
	);
	return toItems(simplify ? conversations.map(simplifyConversation) : conversations);
}
