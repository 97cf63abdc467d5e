import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, getId, toItems } from '../../../shared/helpers/items';
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
		description: 'ID of the message whose delivery status to set',
	},
	{
		displayName: 'Message Status',
		name: 'messageStatus',
		type: 'options',
		default: 'delivered',
		options: [
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Read', value: 'read' },
			{ name: 'Sent', value: 'sent' },
		],
		description: 'The delivery status reported by your channel (Chatwoot shows it next to the message)',
	},
	{
		displayName: 'Error Message',
		name: 'externalError',
		type: 'string',
		default: '',
		description: 'Why delivery failed, shown to agents in Chatwoot',
		displayOptions: { show: { messageStatus: ['failed'] } },
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['updateStatus'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const messageId = getId(this, 'messageId', itemIndex, 'message ID');
	const status = this.getNodeParameter('messageStatus', itemIndex, 'delivered') as string;
	const externalError = status === 'failed' ? (this.getNodeParameter('externalError', itemIndex, '') as string) : '';
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	// Only API-channel inboxes accept this; Chatwoot answers 403 with a clear text otherwise.
	const body = await chatwootApiRequest(this, {
		method: 'PATCH',
		path: `/conversations/${conversationId}/messages/${messageId}`,
		body: compact({ status, external_error: externalError }) as IDataObject,
		subject: { resource: 'message', id: `${messageId} (conversation ${conversationId})` },
	});
	const message = unwrapRecord(body);
	return toItems(simplify ? simplifyMessage(message) : message);
}

export const concurrent = true;
