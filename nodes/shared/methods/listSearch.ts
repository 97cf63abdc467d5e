import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { chatwootApiRequest, getApiCredential, unwrapList } from '../transport';

async function webUrl(context: ILoadOptionsFunctions, path: string): Promise<string> {
	const credential = await getApiCredential(context);
	return `${credential.baseUrl}/app/accounts/${credential.accountId}${path}`;
}

function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return values.some((v) => v !== undefined && v !== null && String(v).toLowerCase().includes(needle));
}

async function listInboxes(context: ILoadOptionsFunctions, filter: string | undefined, onlyApi: boolean): Promise<INodeListSearchResult> {
	const inboxes = unwrapList(await chatwootApiRequest(context, { method: 'GET', path: '/inboxes' }));
	const base = await webUrl(context, '/settings/inboxes');
	return {
		results: inboxes
			.filter((i) => !onlyApi || i.channel_type === 'Channel::Api')
			.filter((i) => matches(filter, i.name, i.id, i.channel_type))
			.map((i) => ({
				name: `${String(i.name)} (${String(i.channel_type ?? '').replace('Channel::', '')})`,
				value: String(i.id),
				url: `${base}/${String(i.id)}`,
			})),
	};
}

export async function searchInboxes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listInboxes(this, filter, false);
}

/** Only API-channel inboxes (`Channel::Api`): the only ones with a callback URL (webhook_url). */
export async function searchApiInboxes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listInboxes(this, filter, true);
}

export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const body = filter
		? await chatwootApiRequest(this, { method: 'GET', path: '/contacts/search', qs: { q: filter, page }, bucket: 'contactSearch' })
		: await chatwootApiRequest(this, { method: 'GET', path: '/contacts', qs: { page, sort: 'name' } });
	const contacts = unwrapList(body);
	const base = await webUrl(this, '/contacts');
	const meta = ((body as IDataObject)?.meta ?? {}) as IDataObject;
	const more = filter ? meta.has_more === true : contacts.length === 15;
	return {
		results: contacts.map((c) => ({
			name: [c.name, c.email ?? c.phone_number ?? c.identifier].filter(Boolean).join(' · ') || `Contact ${String(c.id)}`,
			value: String(c.id),
			url: `${base}/${String(c.id)}`,
		})),
		paginationToken: more ? String(page + 1) : undefined,
	};
}

export async function searchConversations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const qs: IDataObject = { status: 'all', page };
	if (filter && !/^\d+$/.test(filter)) qs.q = filter;
	const conversations = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/conversations', qs }));
	const base = await webUrl(this, '/conversations');
	const results = conversations
		.filter((c) => !filter || !/^\d+$/.test(filter) || String(c.id).startsWith(filter))
		.map((c) => {
			const meta = (c.meta ?? {}) as IDataObject;
			const sender = (meta.sender ?? {}) as IDataObject;
			return {
				name: `#${String(c.id)} ${String(sender.name ?? '')} (${String(c.status ?? '')})`.trim(),
				value: String(c.id),
				url: `${base}/${String(c.id)}`,
			};
		});
	return { results, paginationToken: conversations.length === 25 ? String(page + 1) : undefined };
}

export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const agents = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/agents' }));
	return {
		results: agents
			.filter((a) => matches(filter, a.name, a.email, a.id))
			.map((a) => ({ name: `${String(a.name)} (${String(a.email ?? a.role ?? '')})`, value: String(a.id) })),
	};
}

export async function searchTeams(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const teams = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/teams' }));
	const base = await webUrl(this, '/settings/teams');
	return {
		results: teams
			.filter((t) => matches(filter, t.name, t.id))
			.map((t) => ({ name: String(t.name), value: String(t.id), url: `${base}/${String(t.id)}/edit` })),
	};
}

/** The account's agent bots and the system bots it may use (`AgentBot.accessible_to`, agent_bots_controller#index). */
export async function searchAgentBots(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const bots = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/agent_bots' }));
	return {
		results: bots
			.filter((b) => matches(filter, b.name, b.id, b.outgoing_url))
			.map((b) => ({
				name: `${String(b.name ?? `Bot ${String(b.id)}`)}${b.system_bot === true ? ' (system bot)' : ''}`,
				value: String(b.id),
			})),
	};
}
