import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { clientRequest, conversationPath, getContactIdentifier } from '../../helpers/client';
import { contactIdentifierField, conversationLocator } from '../descriptions';

const properties: INodeProperties[] = [contactIdentifierField, conversationLocator('The conversation the contact has read')];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['updateLastSeen'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	await clientRequest(
		this,
		{ method: 'POST', path: `${conversationPath(contactIdentifier, conversationId)}/update_last_seen`, idempotent: true },
		{ contactIdentifier, conversationId, itemIndex },
	);
	// Chatwoot answers with an empty 200.
	return toItems({ success: true, conversation_id: conversationId });
}
