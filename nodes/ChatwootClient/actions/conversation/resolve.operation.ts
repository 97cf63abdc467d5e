import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { clientRequest, conversationPath, getContactIdentifier } from '../../helpers/client';
import { contactIdentifierField, conversationLocator } from '../descriptions';

const properties: INodeProperties[] = [contactIdentifierField, conversationLocator('The conversation to resolve')];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['resolve'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	// Resolving twice leaves it resolved, so a retry is harmless.
	const response = await clientRequest(
		this,
		{ method: 'POST', path: `${conversationPath(contactIdentifier, conversationId)}/toggle_status`, idempotent: true },
		{ contactIdentifier, conversationId, itemIndex },
	);
	return toItems(unwrapRecord(response));
}
