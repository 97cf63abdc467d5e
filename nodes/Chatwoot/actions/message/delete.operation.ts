import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { simplifyMessage } from '../../../shared/helpers/simplify';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { conversationLocator, simplifyField } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	conversationLocator('The conversation the message is in, by the number shown in Chatwoot (its display ID)'),
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1234',
		description: 'ID of the message to delete (from a message record or the Get Many operation)',
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const messageId = getId(this, 'messageId', itemIndex, 'message ID');
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	// Chatwoot deletes softly: the content becomes "This message was deleted" and attachments are removed.
	const body = await chatwootApiRequest(this, {
		method: 'DELETE',
		path: `/conversations/${conversationId}/messages/${messageId}`,
		subject: { resource: 'message', id: `${messageId} (conversation ${conversationId})` },
	});
	const message = unwrapRecord(body);
	return toItems(simplify ? simplifyMessage(message) : message);
}

export const concurrent = true;
