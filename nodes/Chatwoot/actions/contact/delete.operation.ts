import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../helpers/items';
import { chatwootApiRequest } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { nodeError } from './lookup';

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
		});
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '422') {
			throw new NodeOperationError(this.getNode(), `Contact ${contactId} is online, and Chatwoot does not delete online contacts`, {
				itemIndex,
				description: 'Try again once the contact has left the chat (they show as offline in Chatwoot).',
			});
		}
		throw nodeError(this, error);
	}
	return toItems({ deleted: true, id: contactId });
}
