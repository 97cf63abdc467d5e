import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../shared/helpers/items';

export const categoryPath = (slug: string, id?: number) =>
	`/portals/${encodeURIComponent(slug)}/categories${id === undefined ? '' : `/${id}`}`;

export const subject = (id?: number) => ({ resource: 'category', id });

/** Category settings shared by create (additionalFields) and update (updateFields). Sorted by display name. */
export const categoryFields: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Icon', name: 'icon', type: 'string', default: '', placeholder: 'e.g. 📦', description: 'An emoji shown next to the category' },
	{
		displayName: 'Locale',
		name: 'locale',
		type: 'string',
		default: '',
		placeholder: 'e.g. en',
		description: "One of the portal's allowed locales; empty: the portal's default locale",
	},
	{ displayName: 'Parent Category ID', name: 'parentCategoryId', type: 'number', default: 0, description: 'Makes this a sub-category' },
	{ displayName: 'Position', name: 'position', type: 'number', default: 0, description: 'Order in the portal (lower first)' },
];

/** "Getting Started" → "getting-started" (the slug Chatwoot's UI suggests). */
export function slugify(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export function categoryBody(fields: IDataObject): IDataObject {
	return compact({
		name: typeof fields.name === 'string' ? fields.name.trim() : undefined,
		slug: typeof fields.slug === 'string' ? fields.slug.trim() : undefined,
		description: fields.description,
		icon: fields.icon,
		locale: typeof fields.locale === 'string' ? fields.locale.trim() : undefined,
		position: typeof fields.position === 'number' && fields.position > 0 ? fields.position : undefined,
		parent_category_id: typeof fields.parentCategoryId === 'number' && fields.parentCategoryId > 0 ? fields.parentCategoryId : undefined,
	});
}
