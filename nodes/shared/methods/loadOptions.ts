import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../transport';

/** The account's labels; the value is the title, which is what Chatwoot's label arrays hold. */
export async function getLabels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const labels = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/labels' }));
	return labels
		.map((l) => ({ name: String(l.title), value: String(l.title), description: l.description ? String(l.description) : undefined }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The account's agents (users); the value is the user ID that inbox and team memberships hold. */
export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const agents = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/agents' }));
	return agents
		.map((a) => ({
			name: String(a.name ?? a.email ?? a.id),
			value: String(a.id),
			description: [a.email, a.role].filter((v) => v !== undefined && v !== null && v !== '').map(String).join(' · ') || undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The account's inboxes (every channel); the value is the inbox ID. */
export async function getInboxes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const inboxes = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/inboxes' }));
	return inboxes
		.map((i) => ({
			name: `${String(i.name ?? i.id)} (${String(i.channel_type ?? '').replace('Channel::', '')})`,
			value: String(i.id),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
