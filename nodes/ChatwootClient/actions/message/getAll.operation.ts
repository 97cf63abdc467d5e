import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, simplifyField } from '../../../shared/descriptions';
import { getId, toItems } from '../../../shared/helpers/items';
import { simplifyMessage } from '../../../shared/helpers/simplify';
import { getAllByCursor } from '../../../shared/transport';
import { clientError, conversationPath, getContactIdentifier } from '../../helpers/client';
import { contactIdentifierField, conversationLocator } from '../descriptions';

const properties: INodeProperties[] = [
	contactIdentifierField,
	conversationLocator('The conversation whose messages to get'),
	...returnAllOrLimit(),
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const path = `${conversationPath(contactIdentifier, conversationId)}/messages`;
	// Chatwoot returns the latest 20 visible messages; `before=<id>` pages back. Output: oldest first.
	let messages: IDataObject[];
	try {
		messages = await getAllByCursor(this, { scope: 'public', path }, { returnAll, limit });
	} catch (error) {
		throw await clientError(this, error, { contactIdentifier, conversationId, itemIndex });
	}
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return toItems(simplify ? messages.map(simplifyMessage) : messages);
}
