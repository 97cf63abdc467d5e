import type { IDataObject } from 'n8n-workflow';

/**
 * Chatwoot wraps responses differently per endpoint (see docs/chatwoot/API-NOTES.md §1 legend):
 * bare, `{payload}`, `{meta, payload}`, `{data: {meta, payload}}`, `{payload: {webhooks}}`,
 * `{payload: {webhook}}`. These helpers turn any of them into records.
 */
export function unwrapList(body: unknown): IDataObject[] {
	if (body === null || body === undefined || body === '') return [];
	if (Array.isArray(body)) return body as IDataObject[];
	if (typeof body !== 'object') return [];
	const obj = body as IDataObject;
	const data = obj.data as IDataObject | undefined;
	if (data && typeof data === 'object' && Array.isArray(data.payload)) return data.payload as IDataObject[];
	const payload = obj.payload;
	if (Array.isArray(payload)) return payload as IDataObject[];
	if (payload && typeof payload === 'object') {
		const p = payload as IDataObject;
		if (Array.isArray(p.webhooks)) return p.webhooks as IDataObject[];
		return [p];
	}
	return [obj];
}

export function unwrapRecord(body: unknown): IDataObject {
	if (body === null || body === undefined || body === '') return {};
	if (typeof body !== 'object' || Array.isArray(body)) return { value: body } as IDataObject;
	const obj = body as IDataObject;
	const payload = obj.payload;
	if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
		const p = payload as IDataObject;
		if (p.webhook && typeof p.webhook === 'object') return p.webhook as IDataObject;
		return p;
	}
	return obj;
}

/** Meta block of a list response (`meta` or `data.meta`), or an empty object. */
export function listMeta(body: unknown): IDataObject {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
	const obj = body as IDataObject;
	if (obj.meta && typeof obj.meta === 'object') return obj.meta as IDataObject;
	const data = obj.data as IDataObject | undefined;
	if (data && typeof data === 'object' && data.meta && typeof data.meta === 'object') {
		return data.meta as IDataObject;
	}
	return {};
}
