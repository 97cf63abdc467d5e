import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { customAttributeLocator } from '../../helpers/settingsLocators';
import { requireChanges } from '../../helpers/records';
import { definitionBody, definitionOptions, definitionSubject } from './fields';

const properties: INodeProperties[] = [
	customAttributeLocator('The custom attribute definition to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...definitionOptions(), { displayName: 'Display Name', name: 'displayName', type: 'string', default: '', description: 'New name agents see' }],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customAttribute'], operation: ['update'] } }, properties);

/** PATCH /custom_attribute_definitions/{id}. The key, model and type stay: values already stored use them. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'customAttributeId', itemIndex, 'custom attribute ID');
	const body = definitionBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	requireChanges(this, itemIndex, body);
	const updated = await chatwootApiRequest(this, {
		method: 'PATCH',
		path: `/custom_attribute_definitions/${id}`,
		body: { custom_attribute_definition: body },
		subject: definitionSubject(id),
	});
	return toItems(unwrapRecord(updated));
}

export const concurrent = true;
