import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../../shared/transport';

/** List searches of the automation, report and help-center resources (picked records by ID or slug). */

function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return values.some((v) => v !== undefined && v !== null && String(v).toLowerCase().includes(needle));
}

async function listOf(context: ILoadOptionsFunctions, path: string, qs?: IDataObject): Promise<IDataObject[]> {
	return unwrapList(await chatwootApiRequest(context, { method: 'GET', path, qs }));
}

function portalSlug(context: ILoadOptionsFunctions): string {
	// The raw locator value: {mode: 'list'|'slug', value: 'help'} or {mode: 'url', value: '…/portals/help/…'}.
	const raw = context.getCurrentNodeParameter('portalSlug') as unknown;
	const locator = (raw && typeof raw === 'object' ? raw : { value: raw }) as IDataObject;
	const value = String(locator.value ?? '').trim();
	const slug = locator.mode === 'url' ? (/\/portals\/([A-Za-z0-9_-]+)/.exec(value)?.[1] ?? '') : value;
	if (!slug) {
		throw new NodeOperationError(context.getNode(), 'Pick a portal first', {
			description: 'Categories and articles belong to a help-center portal: choose the portal above.',
		});
	}
	return slug;
}

export async function searchAutomationRules(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const rules = await listOf(this, '/automation_rules');
	return {
		results: rules
			.filter((r) => matches(filter, r.name, r.id, r.event_name))
			.map((r) => ({ name: `${String(r.name)} (${String(r.event_name)}${r.active === false ? ', inactive' : ''})`, value: String(r.id) })),
	};
}

export async function searchMacros(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const macros = await listOf(this, '/macros');
	return {
		results: macros
			.filter((m) => matches(filter, m.name, m.id))
			.map((m) => ({ name: `${String(m.name)} (${String(m.visibility ?? 'personal')})`, value: String(m.id) })),
	};
}

export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const campaigns = await listOf(this, '/campaigns');
	return {
		results: campaigns
			.filter((c) => matches(filter, c.title, c.id))
			.map((c) => ({ name: `${String(c.title)} (${String((c.inbox as IDataObject | undefined)?.name ?? c.campaign_type ?? '')})`, value: String(c.id) })),
	};
}

export async function searchLabelIds(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const labels = await listOf(this, '/labels');
	return {
		results: labels.filter((l) => matches(filter, l.title, l.id)).map((l) => ({ name: String(l.title), value: String(l.id) })),
	};
}

export async function searchPortals(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const portals = await listOf(this, '/portals');
	return {
		results: portals
			.filter((p) => matches(filter, p.name, p.slug))
			.map((p) => ({ name: `${String(p.name)} (${String(p.slug)})`, value: String(p.slug) })),
	};
}

export async function searchCategories(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const categories = await listOf(this, `/portals/${encodeURIComponent(portalSlug(this))}/categories`, { page });
	return {
		results: categories
			.filter((c) => matches(filter, c.name, c.slug, c.id))
			.map((c) => ({ name: `${String(c.name)} (${String(c.locale)})`, value: String(c.id) })),
		paginationToken: categories.length === 25 ? String(page + 1) : undefined,
	};
}

export async function searchArticles(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const qs: IDataObject = { page };
	if (filter) qs.query = filter;
	const articles = await listOf(this, `/portals/${encodeURIComponent(portalSlug(this))}/articles`, qs);
	return {
		results: articles.map((a) => ({ name: `${String(a.title)} (${String(a.status)})`, value: String(a.id) })),
		paginationToken: articles.length === 25 ? String(page + 1) : undefined,
	};
}
