import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { contactLocator } from '../../../shared/descriptions';
import { getContact, nodeError } from './lookup';

const properties: INodeProperties[] = [
	contactLocator('The contact to delete'),
	{
		displayName: 'Deleting a contact also deletes all of its conversations and messages in Chatwoot. This cannot be undone.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['delete'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	try {
		await chatwootApiRequest(this, {
			method: 'DELETE',
			path: `/contacts/${contactId}`,
			subject: { resource: 'contact', id: contactId },
			// A repeated DELETE after a lost answer would report 404 for a contact this run deleted:
			// check first whether the contact is gone, and repeat only when it is still there.
			idempotent: false,
			reconcile: async () => {
				try {
					await getContact(this, contactId);
					return undefined;
				} catch (lookupError) {
					if (lookupError instanceof NodeApiError && lookupError.httpCode === '404') return { deleted: true };
					throw nodeError(this, lookupError);
				}
			},
		});
	} catch (error) {
		// Chatwoot: 422 {message: "<Name> is Online, please try again later"} (OnlineStatusTracker).
		const online =
			error instanceof NodeApiError && error.httpCode === '422' && /online/i.test(`${error.message} ${error.description ?? ''}`);
		if (online) {
			throw new NodeOperationError(this.getNode(), `Contact ${contactId} is online, and Chatwoot does not delete online contacts`, {
				itemIndex,
				description: 'Try again once the contact has left the chat (they show as offline in Chatwoot).',
			});
		}
		throw nodeError(this, error);
	}
	return toItems({ deleted: true, id: contactId });
}
