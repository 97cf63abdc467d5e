import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { clientRequest, conversationPath, getContactIdentifier } from '../../helpers/client';
import { contactIdentifierField, conversationLocator } from '../descriptions';

const properties: INodeProperties[] = [
	contactIdentifierField,
	conversationLocator('The conversation in which the contact is typing'),
	{
		displayName: 'Typing Status',
		name: 'typingStatus',
		type: 'options',
		options: [
			{ name: 'On', value: 'on', description: 'Show agents that the contact is typing' },
			{ name: 'Off', value: 'off', description: 'The contact stopped typing' },
		],
		default: 'on',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['toggleTyping'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const typingStatus = this.getNodeParameter('typingStatus', itemIndex) as string;
	await clientRequest(
		this,
		{
			method: 'POST',
			path: `${conversationPath(contactIdentifier, conversationId)}/toggle_typing`,
			body: { typing_status: typingStatus },
			idempotent: true,
		},
		{ contactIdentifier, conversationId, itemIndex },
	);
	// Chatwoot answers with an empty 200.
	return toItems({ success: true, conversation_id: conversationId, typing_status: typingStatus });
}
