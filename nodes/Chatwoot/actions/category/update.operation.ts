import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { categoryLocator, portalLocator } from '../../helpers/locators';
import { readPortalSlug } from '../portal/shared';
import { categoryBody, categoryFields, categoryPath, subject } from './shared';

const properties: INodeProperties[] = [
	portalLocator('The portal of the category'),
	categoryLocator('The category to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			...categoryFields,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Slug', name: 'slug', type: 'string', default: '' },
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['category'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const portal = readPortalSlug(this, itemIndex);
	const id = getId(this, 'categoryId', itemIndex, 'category ID');
	const body = categoryBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under "Update Fields".' });
	}
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'PATCH', path: categoryPath(portal, id), body, subject: subject(id) })));
}

export const concurrent = true;
