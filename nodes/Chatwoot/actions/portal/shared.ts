import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { notFoundOnServerError } from '../../helpers/failures';

/** The slug in a Portal locator value: `help`, ` help ` or an address with `/portals/help/…`, whatever the mode. */
export function parsePortalSlug(raw: unknown): string {
	const value = raw !== null && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
	const text = String(value ?? '').trim();
	return /\/portals\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? text;
}

/** The portal slug from the Portal locator (portals are addressed by slug in Chatwoot's routes). */
export function readPortalSlug(context: IExecuteFunctions, itemIndex: number): string {
	// Raw, not extractValue: n8n's URL-mode extraction would reject a plain slug left in "By URL".
	const slug = parsePortalSlug(context.getNodeParameter('portalSlug', itemIndex, undefined));
	if (!/^[A-Za-z0-9_-]+$/.test(slug)) {
		throw new NodeOperationError(context.getNode(), `"${slug}" is not a portal slug`, {
			itemIndex,
			description: 'Pick the portal from the list, or give its slug (the name in its help-center URL, e.g. "help").',
		});
	}
	return slug;
}

export async function listPortals(context: IExecuteFunctions): Promise<IDataObject[]> {
	// PortalsController#index: every portal of the account at once ({payload, meta}).
	return unwrapList(await chatwootApiRequest(context, { method: 'GET', path: '/portals' }));
}

/** A call about one portal; an unknown slug makes Chatwoot fail with HTTP 500 (find_by → nil), mapped to "not found". */
export async function portalCall(
	context: IExecuteFunctions,
	itemIndex: number,
	slug: string,
	request: { method: 'GET' | 'PATCH' | 'DELETE'; qs?: IDataObject; body?: IDataObject },
): Promise<unknown> {
	return await notFoundOnServerError(
		context,
		itemIndex,
		`Portal "${slug}"`,
		async () => (await listPortals(context)).some((p) => p.slug === slug),
		async () =>
			await chatwootApiRequest(context, {
				method: request.method,
				path: `/portals/${encodeURIComponent(slug)}`,
				qs: request.qs,
				body: request.body,
				subject: { resource: 'portal', id: slug },
			}),
	);
}

/** Portal settings shared by create (additionalFields) and update (updateFields). Sorted by display name. */
export const portalFields: INodeProperties[] = [
	{
		displayName: 'Allowed Locales',
		name: 'allowedLocales',
		type: 'string',
		default: '',
		placeholder: 'e.g. en, de, pt_BR',
		description: 'Languages the help center publishes, comma-separated; replaces the current list',
	},
	{ displayName: 'Color', name: 'color', type: 'color', default: '', description: 'Header color of the help center' },
	{
		displayName: 'Custom Domain',
		name: 'customDomain',
		type: 'string',
		default: '',
		placeholder: 'e.g. help.example.com',
		description: 'Your own domain for the help center (a CNAME to Chatwoot is needed)',
	},
	{ displayName: 'Default Locale', name: 'defaultLocale', type: 'string', default: '', placeholder: 'e.g. en' },
	{ displayName: 'Header Text', name: 'headerText', type: 'string', default: '' },
	{ displayName: 'Homepage Link', name: 'homepageLink', type: 'string', default: '', placeholder: 'e.g. https://example.com' },
	{ displayName: 'Page Title', name: 'pageTitle', type: 'string', default: '' },
];

export function portalBody(fields: IDataObject): IDataObject {
	const body = compact({
		name: typeof fields.name === 'string' ? fields.name.trim() : undefined,
		slug: typeof fields.slug === 'string' ? fields.slug.trim() : undefined,
		color: fields.color,
		custom_domain: fields.customDomain,
		header_text: fields.headerText,
		homepage_link: fields.homepageLink,
		page_title: fields.pageTitle,
	});
	if (typeof fields.archived === 'boolean') body.archived = fields.archived;
	// Chatwoot merges the given config keys into the stored config (Portal#normalize_config), so only set keys are sent.
	const config: IDataObject = {};
	const locales = String(fields.allowedLocales ?? '')
		.split(',')
		.map((l) => l.trim())
		.filter((l) => l !== '');
	if (locales.length) config.allowed_locales = locales;
	if (typeof fields.defaultLocale === 'string' && fields.defaultLocale.trim() !== '') config.default_locale = fields.defaultLocale.trim();
	if (Object.keys(config).length) body.config = config;
	return body;
}
