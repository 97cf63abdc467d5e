import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { simplifyConversation } from '../../helpers/simplify';
import { toItems } from '../../helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../transport';

/** The `subject` every conversation request passes, so a 404 names the conversation. */
export const conversationSubject = (id: number | string) => ({ resource: 'conversation', id });

/** Reads one conversation by display ID (`GET /conversations/{id}`). */
export async function fetchConversation(context: IExecuteFunctions, conversationId: number): Promise<IDataObject> {
	const body = await chatwootApiRequest(context, {
		method: 'GET',
		path: `/conversations/${conversationId}`,
		subject: conversationSubject(conversationId),
	});
	return unwrapRecord(body);
}

/** Output items for conversation records, simplified when the `simplify` switch is on. */
export function conversationItems(
	context: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
): INodeExecutionData[] {
	const simplify = context.getNodeParameter('simplify', itemIndex, false) as boolean;
	return toItems(simplify ? records.map(simplifyConversation) : records);
}

/** Labels of a conversation (`GET /conversations/{id}/labels` → `{payload: [...]}`). */
export async function fetchLabels(context: IExecuteFunctions, conversationId: number): Promise<string[]> {
	const body = (await chatwootApiRequest(context, {
		method: 'GET',
		path: `/conversations/${conversationId}/labels`,
		subject: conversationSubject(conversationId),
	})) as IDataObject | undefined;
	return labelArray(body);
}

/**
 * Writes the FULL label set (`POST /conversations/{id}/labels` replaces it). Safe to repeat.
 * Returns the labels Chatwoot reports afterwards.
 */
export async function writeLabels(context: IExecuteFunctions, conversationId: number, labels: string[]): Promise<string[]> {
	const body = (await chatwootApiRequest(context, {
		method: 'POST',
		path: `/conversations/${conversationId}/labels`,
		body: { labels },
		subject: conversationSubject(conversationId),
		idempotent: true,
	})) as IDataObject | undefined;
	return labelArray(body, labels);
}

function labelArray(body: IDataObject | unknown[] | undefined, fallback: string[] = []): string[] {
	if (Array.isArray(body)) return body.map(String);
	const payload = (body as IDataObject | undefined)?.payload;
	return Array.isArray(payload) ? payload.map(String) : fallback;
}

/** Lock keys: items about one conversation run in input order even when the node runs items concurrently. */
export const conversationLock = (id: number) => `conversation:${id}`;
export const labelsLock = (id: number) => `conversation-labels:${id}`;
export const customAttributesLock = (id: number) => `conversation-custom-attributes:${id}`;

/** Turns an n8n date (ISO string, Date, Luxon DateTime) or Unix time into Unix seconds. */
export function toUnixSeconds(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') return value > 1e12 ? Math.floor(value / 1000) : Math.floor(value);
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return toUnixSeconds(Number(value.trim()));
	const candidate = value as { toMillis?: () => number; toISO?: () => string };
	const millis =
		typeof candidate.toMillis === 'function'
			? candidate.toMillis()
			: value instanceof Date
				? value.getTime()
				: Date.parse(String(value));
	return Number.isFinite(millis) ? Math.floor(millis / 1000) : undefined;
}
