import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { chatwootApiRequest, getApiCredential } from '../../../shared/transport';

export const articlePath = (slug: string, id?: number) => `/portals/${encodeURIComponent(slug)}/articles${id === undefined ? '' : `/${id}`}`;

export const subject = (id?: number) => ({ resource: 'article', id });

/** Article#status enum; the spec sends the integer. */
export const STATUS_VALUES: Record<string, number> = { draft: 0, published: 1, archived: 2 };

export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Draft', value: 'draft', description: 'Only agents see it' },
		{ name: 'Published', value: 'published', description: 'Public on the help center (needs content)' },
		{ name: 'Archived', value: 'archived', description: 'Hidden, kept for reference' },
	],
	default: 'draft',
};

/** Article settings shared by create (additionalFields) and update (updateFields). Sorted by display name. */
export const articleFields: INodeProperties[] = [
	{ displayName: 'Author ID', name: 'authorId', type: 'number', default: 0, description: 'The agent shown as author; empty on create: the token user' },
	{ displayName: 'Category ID', name: 'categoryId', type: 'number', default: 0, description: 'The category it belongs to (its locale becomes the article locale)' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Short summary shown in lists' },
	{ displayName: 'Locale', name: 'locale', type: 'string', default: '', placeholder: 'e.g. en', description: "Used without a category; empty: the portal's default" },
	{ displayName: 'SEO Description', name: 'metaDescription', type: 'string', default: '' },
	{ displayName: 'SEO Tags', name: 'metaTags', type: 'string', default: '', placeholder: 'e.g. billing, invoices', description: 'Comma-separated' },
	{ displayName: 'SEO Title', name: 'metaTitle', type: 'string', default: '' },
	{ displayName: 'Slug', name: 'slug', type: 'string', default: '', description: 'Name in the article URL; empty on create: made from the title' },
	statusField,
];

/** The SEO fields the user set, over the current `meta` (Chatwoot replaces the whole object). */
export function metaChange(fields: IDataObject, current: IDataObject = {}): IDataObject | undefined {
	const meta: IDataObject = { ...current };
	let changed = false;
	if (typeof fields.metaTitle === 'string' && fields.metaTitle !== '') {
		meta.title = fields.metaTitle;
		changed = true;
	}
	if (typeof fields.metaDescription === 'string' && fields.metaDescription !== '') {
		meta.description = fields.metaDescription;
		changed = true;
	}
	if (typeof fields.metaTags === 'string' && fields.metaTags.trim() !== '') {
		meta.tags = fields.metaTags.split(',').map((t) => t.trim()).filter((t) => t !== '');
		changed = true;
	}
	return changed ? meta : undefined;
}

export function articleBody(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const key of ['title', 'content', 'description', 'slug', 'locale'] as const) {
		if (typeof fields[key] === 'string' && (fields[key] as string).trim() !== '') body[key] = key === 'content' ? fields[key] : (fields[key] as string).trim();
	}
	if (fields.status !== undefined) {
		const status = STATUS_VALUES[String(fields.status)];
		if (status === undefined) {
			throw new NodeOperationError(context.getNode(), `"${String(fields.status)}" is not an article status`, {
				itemIndex,
				description: 'Use draft, published or archived.',
			});
		}
		body.status = status;
	}
	if (Number(fields.categoryId) > 0) body.category_id = Number(fields.categoryId);
	if (Number(fields.authorId) > 0) body.author_id = Number(fields.authorId);
	return body;
}

/** The token user's ID (GET /api/v1/profile): Chatwoot requires an author. */
export async function tokenUserId(context: IExecuteFunctions): Promise<number> {
	const profile = (await chatwootApiRequest(context, { method: 'GET', path: '/api/v1/profile', scope: 'root', subject: { resource: 'profile' } })) as IDataObject;
	return Number(profile.id);
}

/** Simplified article: no content, author and category reduced, plus the public URL. */
export async function simplifier(context: IExecuteFunctions, portal: string): Promise<(record: IDataObject) => IDataObject> {
	const { baseUrl } = await getApiCredential(context);
	return (record) => {
		const category = (record.category ?? {}) as IDataObject;
		const author = record.author as IDataObject | undefined;
		return {
			id: record.id,
			title: record.title,
			slug: record.slug,
			description: record.description ?? null,
			status: record.status,
			category: category.id ? { id: category.id, name: category.name, slug: category.slug, locale: category.locale } : null,
			author: author ? { id: author.id, name: author.name } : null,
			views: record.views,
			updated_at: record.updated_at,
			// routes.rb: get 'hc/:slug/articles/:article_slug' (served for published articles)
			public_url: `${baseUrl}/hc/${encodeURIComponent(portal)}/articles/${encodeURIComponent(String(record.slug ?? ''))}`,
		};
	};
}
