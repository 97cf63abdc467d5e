import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { clientRequest, contactPath, getContactIdentifier } from '../../helpers/client';
import { contactBody } from '../../helpers/contact';
import { contactFields, contactIdentifierField } from '../descriptions';

const properties: INodeProperties[] = [
	contactIdentifierField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactFields,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = await contactBody(this, fields, itemIndex);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: 'Add at least one field under Update Fields.',
		});
	}
	const response = await clientRequest(
		this,
		{ method: 'PATCH', path: contactPath(contactIdentifier), body },
		{ contactIdentifier, identity: { identifier: body.identifier as string | undefined }, itemIndex },
	);
	const record = unwrapRecord(response);
	// Chatwoot answers with the contact record, which has no source_id; keep it for the next node.
	if (record.source_id === undefined) record.source_id = contactIdentifier;
	return toItems(record);
}
