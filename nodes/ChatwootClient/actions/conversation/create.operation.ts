import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { parseJsonField, toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { clientRequest, contactPath, getContactIdentifier } from '../../helpers/client';
import { contactIdentifierField } from '../descriptions';

const properties: INodeProperties[] = [
	contactIdentifierField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Custom Attributes',
				name: 'customAttributes',
				type: 'json',
				default: '{}',
				description: 'Custom attributes of the conversation as a JSON object, keyed by the attribute key defined in Chatwoot',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const customAttributes = parseJsonField(this, fields.customAttributes, 'Custom Attributes', itemIndex);
	const body: IDataObject = {};
	if (Object.keys(customAttributes).length) body.custom_attributes = customAttributes;
	const response = await clientRequest(
		this,
		{ method: 'POST', path: `${contactPath(contactIdentifier)}/conversations`, body },
		{ contactIdentifier, itemIndex },
	);
	return toItems(unwrapRecord(response));
}
