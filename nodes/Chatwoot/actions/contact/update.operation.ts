import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { contactLocator } from '../../../shared/descriptions';
import { contactBody, updateFieldsCollection } from './fields';

const properties: INodeProperties[] = [contactLocator('The contact to update'), updateFieldsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, properties);

export const concurrent = true;

/** PUT /contacts/{id}; Chatwoot merges custom and additional attributes into the existing ones. */
export async function updateContact(context: IExecuteFunctions, contactId: number, body: IDataObject): Promise<IDataObject> {
	const response = await chatwootApiRequest(context, {
		method: 'PUT',
		path: `/contacts/${contactId}`,
		body,
		subject: { resource: 'contact', id: contactId },
	});
	return unwrapRecord(response);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = contactBody(this, itemIndex, fields, fields);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: no update field is set', {
			itemIndex,
			description: 'Add at least one field under Update Fields.',
		});
	}
	return toItems(await updateContact(this, contactId, body));
}
