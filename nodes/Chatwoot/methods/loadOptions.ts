import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../transport';

/** The account's labels; the value is the title, which is what Chatwoot's label arrays hold. */
export async function getLabels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const labels = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/labels' }));
	return labels
		.map((l) => ({ name: String(l.title), value: String(l.title), description: l.description ? String(l.description) : undefined }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
