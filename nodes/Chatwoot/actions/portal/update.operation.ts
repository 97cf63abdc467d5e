import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { portalLocator } from '../../helpers/locators';
import { portalBody, portalCall, portalFields, readPortalSlug } from './shared';

const properties: INodeProperties[] = [
	portalLocator('The portal to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			...portalFields,
			{ displayName: 'Archived', name: 'archived', type: 'boolean', default: false, description: 'Whether the help center is archived (offline)' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Slug', name: 'slug', type: 'string', default: '', description: 'A new slug changes the help-center URL' },
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['portal'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const slug = readPortalSlug(this, itemIndex);
	const body = portalBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under "Update Fields".' });
	}
	return toItems(unwrapRecord(await portalCall(this, itemIndex, slug, { method: 'PATCH', body })));
}

export const concurrent = true;
