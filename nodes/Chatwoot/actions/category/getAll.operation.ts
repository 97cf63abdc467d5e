import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { getAllUntilShortPage } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { portalLocator } from '../../helpers/locators';
import { readPortalSlug } from '../portal/shared';
import { categoryPath, subject } from './shared';

const properties: INodeProperties[] = [
	portalLocator('The portal whose categories to list'),
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [{ displayName: 'Locale', name: 'locale', type: 'string', default: '', placeholder: 'e.g. en', description: 'Only categories of this locale' }],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['category'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const portal = readPortalSlug(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const qs: IDataObject = {};
	if (typeof filters.locale === 'string' && filters.locale.trim() !== '') qs.locale = filters.locale.trim();
	// Category.search pages by Kaminari's default 25; meta.categories_count is the page's size, not a total.
	const categories = await getAllUntilShortPage(this, { path: categoryPath(portal), qs, subject: subject() }, { returnAll, limit }, 25);
	return toItems(categories);
}

export const concurrent = true;
