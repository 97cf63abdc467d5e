import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { clientRequest, contactPath, getContactIdentifier } from '../../helpers/client';
import { identityQuery } from '../../helpers/contact';
import { contactGetIdentifierField, contactIdentifierField } from '../descriptions';

const properties: INodeProperties[] = [contactIdentifierField, contactGetIdentifierField];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	const identifier = this.getNodeParameter('identifier', itemIndex, '') as string;
	const qs = await identityQuery(this, identifier);
	const response = await clientRequest(
		this,
		{ method: 'GET', path: contactPath(contactIdentifier), qs },
		// identity: a failed/missing HMAC is answered with HTTP 500, explained like on create/update
		{ contactIdentifier, identity: { identifier: qs?.identifier as string | undefined }, itemIndex },
	);
	return toItems(unwrapRecord(response));
}
