import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { clientRequest, contactPath, getContactIdentifier } from '../../helpers/client';
import { contactIdentifierField } from '../descriptions';

const properties: INodeProperties[] = [contactIdentifierField];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	const response = await clientRequest(
		this,
		{ method: 'GET', path: contactPath(contactIdentifier) },
		{ contactIdentifier, itemIndex },
	);
	return toItems(unwrapRecord(response));
}
