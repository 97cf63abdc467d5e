import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { simplifyField } from '../../../shared/descriptions';
import { getId, toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { clientRequest, conversationPath, getContactIdentifier } from '../../helpers/client';
import { simplifyClientConversation } from '../../helpers/simplify';
import { contactIdentifierField, conversationLocator } from '../descriptions';

const properties: INodeProperties[] = [contactIdentifierField, conversationLocator('The conversation to get'), simplifyField];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const response = await clientRequest(
		this,
		{ method: 'GET', path: conversationPath(contactIdentifier, conversationId) },
		{ contactIdentifier, conversationId, itemIndex },
	);
	const record = unwrapRecord(response);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return toItems(simplify ? simplifyClientConversation(record) : record);
}
