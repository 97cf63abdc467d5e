import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, simplifyField } from '../../../shared/descriptions';
import { toItems } from '../../../shared/helpers/items';
import { unwrapList } from '../../../shared/transport';
import { clientRequest, contactPath, getContactIdentifier } from '../../helpers/client';
import { simplifyClientConversation } from '../../helpers/simplify';
import { contactIdentifierField } from '../descriptions';

const properties: INodeProperties[] = [contactIdentifierField, ...returnAllOrLimit(), simplifyField];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	// The Client API returns all of the contact's conversations in one answer, without pages.
	const response = await clientRequest(
		this,
		{ method: 'GET', path: `${contactPath(contactIdentifier)}/conversations` },
		{ contactIdentifier, itemIndex },
	);
	let conversations = unwrapList(response);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (!returnAll) conversations = conversations.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return toItems(simplify ? conversations.map(simplifyClientConversation) : conversations);
}
