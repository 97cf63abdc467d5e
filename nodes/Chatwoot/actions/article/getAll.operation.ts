import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { getAllUntilShortPage } from '../../../shared/transport';
import { returnAllOrLimit, simplifyField } from '../../../shared/descriptions';
import { portalLocator } from '../../helpers/locators';
import { readPortalSlug } from '../portal/shared';
import { articlePath, simplifier, subject } from './shared';

const properties: INodeProperties[] = [
	portalLocator('The portal whose articles to list'),
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Author ID', name: 'authorId', type: 'number', default: 0, description: 'Only articles by this agent' },
			{ displayName: 'Category Slug', name: 'categorySlug', type: 'string', default: '', description: 'Only this category (then ordered by position)' },
			{ displayName: 'Locale', name: 'locale', type: 'string', default: '', placeholder: 'e.g. en' },
			{ displayName: 'Search', name: 'query', type: 'string', default: '', description: 'Words in the title, description or content (prefix match)' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Archived', value: 'archived' },
					{ name: 'Draft', value: 'draft' },
					{ name: 'Published', value: 'published' },
				],
				default: 'published',
			},
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['article'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const portal = readPortalSlug(this, itemIndex);
	const f = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const qs: IDataObject = {};
	if (typeof f.status === 'string' && f.status) qs.status = f.status;
	if (Number(f.authorId) > 0) qs.author_id = f.authorId;
	for (const [param, key] of [['locale', 'locale'], ['query', 'query'], ['categorySlug', 'category_slug']] as const) {
		if (typeof f[param] === 'string' && (f[param] as string).trim() !== '') qs[key] = (f[param] as string).trim();
	}
	// 25 per page; meta.articles_count ignores the status and author filters, so it can't serve as a total.
	const articles = await getAllUntilShortPage(this, { path: articlePath(portal), qs, subject: subject() }, { returnAll, limit }, 25);
	if (!this.getNodeParameter('simplify', itemIndex, true)) return toItems(articles);
	return toItems(articles.map(await simplifier(this, portal)));
}

export const concurrent = true;
