import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../../shared/transport';

/** List searches of the account-settings resources (the shared ones live in nodes/shared/methods). */

function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return values.some((v) => v !== undefined && v !== null && String(v).toLowerCase().includes(needle));
}

export async function searchLabels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const labels = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/labels' }));
	return { results: labels.filter((l) => matches(filter, l.title, l.description, l.id)).map((l) => ({ name: String(l.title), value: String(l.id) })) };
}

export async function searchCannedResponses(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const qs = filter ? { search: filter } : undefined;
	const responses = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/canned_responses', qs }));
	return {
		results: responses.map((c) => ({ name: `/${String(c.short_code)} · ${String(c.content ?? '').slice(0, 60)}`, value: String(c.id) })),
	};
}

export async function searchCustomAttributes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const models = ['contact_attribute', 'conversation_attribute'];
	const lists = await Promise.all(
		models.map(async (model) => unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/custom_attribute_definitions', qs: { attribute_model: model } }))),
	);
	return {
		results: lists
			.flat()
			.filter((d) => matches(filter, d.attribute_display_name, d.attribute_key, d.id))
			.map((d) => ({
				name: `${String(d.attribute_display_name)} (${String(d.attribute_model).replace('_attribute', '')}: ${String(d.attribute_key)})`,
				value: String(d.id),
			})),
	};
}

export async function searchCustomFilters(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const types = ['conversation', 'contact'];
	const lists = await Promise.all(
		types.map(async (type) => unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/custom_filters', qs: { filter_type: type } }))),
	);
	return {
		results: lists
			.flat()
			.filter((f) => matches(filter, f.name, f.id))
			.map((f) => ({ name: `${String(f.name)} (${String(f.filter_type)})`, value: String(f.id) })),
	};
}

export async function searchWebhooks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const hooks = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/webhooks' }));
	return {
		results: hooks
			.filter((w) => matches(filter, w.name, w.url, w.id))
			.map((w) => ({ name: w.name ? `${String(w.name)} (${String(w.url)})` : String(w.url), value: String(w.id) })),
	};
}

/** Notes of the contact picked above (the Contact field must be set first). */
export async function searchContactNotes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	// Read raw: the Contact locator may be in any mode (list, ID, URL) or not set yet.
	const raw = this.getCurrentNodeParameter('contactId') as { value?: unknown } | string | undefined;
	const value = String(raw && typeof raw === 'object' ? (raw.value ?? '') : (raw ?? '')).trim();
	const contact = /^\d+$/.test(value) ? value : /\/contacts\/(\d+)/.exec(value)?.[1];
	if (!contact) return { results: [] };
	const notes = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: `/contacts/${contact}/notes` }));
	return {
		results: notes
			.filter((n) => matches(filter, n.content, n.id))
			.map((n) => ({ name: String(n.content ?? '').slice(0, 80) || `Note ${String(n.id)}`, value: String(n.id) })),
	};
}

/** Hooks of every integration app (Chatwoot lists hooks only inside their app). */
export async function searchIntegrationHooks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const apps = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/integrations/apps' }));
	const hooks = apps.flatMap((app) =>
		((app.hooks ?? []) as IDataObject[]).map((hook) => {
			const inbox = hook.inbox as IDataObject | null | undefined;
			const where = inbox?.name ? ` · ${String(inbox.name)}` : '';
			return { name: `${String(app.name ?? app.id)}${where} (hook ${String(hook.id)})`, value: String(hook.id) };
		}),
	);
	return { results: hooks.filter((h) => matches(filter, h.name)) };
}

/** Integration apps for the app picker (IDs are names such as "dialogflow", not numbers). */
export async function getIntegrationApps(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const apps = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/integrations/apps' }));
	return apps
		.map((a) => ({ name: String(a.name ?? a.id), value: String(a.id), description: a.enabled ? 'enabled' : 'not enabled' }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
