import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList, unwrapRecord } from '../../../shared/transport';

/** The values that identify a person in Chatwoot (each unique per account). */
export interface ContactKeys {
	identifier?: string;
	email?: string;
	phone_number?: string;
}

export type KeyName = keyof ContactKeys;

/** Lookup order: the caller's own ID is the strongest signal, then email, then phone. */
export const KEY_ORDER: KeyName[] = ['identifier', 'email', 'phone_number'];

export function keysOf(body: IDataObject): ContactKeys {
	const keys: ContactKeys = {};
	for (const key of KEY_ORDER) {
		const value = body[key];
		if (typeof value === 'string' && value.trim() !== '') keys[key] = value.trim();
	}
	return keys;
}

export function hasKeys(keys: ContactKeys): boolean {
	return KEY_ORDER.some((k) => keys[k] !== undefined);
}

/** Lock names for RunContext.exclusive: two items about the same person wait for each other. */
export function lockKeys(keys: ContactKeys): string[] {
	const out: string[] = [];
	if (keys.identifier) out.push(`contact:identifier:${keys.identifier}`);
	if (keys.email) out.push(`contact:email:${keys.email.toLowerCase()}`);
	if (keys.phone_number) out.push(`contact:phone:${normalisePhone(keys.phone_number)}`);
	return out;
}

export function normalisePhone(value: string): string {
	return value.replace(/[\s\-().]/g, '');
}

/** Exact comparison as Chatwoot's uniqueness rules see it (emails are stored lower-case). */
function sameValue(key: KeyName, a: unknown, b: string): boolean {
	if (typeof a !== 'string' || a === '') return false;
	if (key === 'email') return a.trim().toLowerCase() === b.toLowerCase();
	if (key === 'phone_number') return normalisePhone(a) === normalisePhone(b);
	return a === b;
}

function lookupValue(key: KeyName, value: string): string {
	// Chatwoot stores emails in lower case.
	return key === 'email' ? value.toLowerCase() : value;
}

/**
 * Finds the contact matching identifier, then email, then phone number, exactly (candidates are
 * verified here: the filter's equal_to is not trusted for case or formatting). One request:
 * POST /contacts/filter with the keys OR-ed, which is not throttled like search. Filtering writes
 * nothing, so the POST may be retried.
 */
export async function findContact(
	context: IExecuteFunctions,
	keys: ContactKeys,
): Promise<{ contact: IDataObject; matchedBy: KeyName } | undefined> {
	const present = KEY_ORDER.filter((key) => keys[key] !== undefined);
	if (present.length === 0) return undefined;
	const payload = present.map((key, index) => ({
		attribute_key: key,
		filter_operator: 'equal_to',
		values: [lookupValue(key, keys[key]!)],
		query_operator: index === present.length - 1 ? null : 'OR',
	}));
	const body = await chatwootApiRequest(context, {
		method: 'POST',
		path: '/contacts/filter',
		qs: { page: 1 },
		body: { payload },
		idempotent: true,
	});
	const candidates = unwrapList(body);
	for (const key of present) {
		const contact = candidates.find((candidate) => sameValue(key, candidate[key], keys[key]!));
		if (contact) return { contact, matchedBy: key };
	}
	return undefined;
}

/** The contact's label titles. */
/** GET /contacts/{id} as a record. */
export async function getContact(context: IExecuteFunctions, contactId: number): Promise<IDataObject> {
	const body = await chatwootApiRequest(context, {
		method: 'GET',
		path: `/contacts/${contactId}`,
		subject: { resource: 'contact', id: contactId },
	});
	return unwrapRecord(body);
}

/** Passes an error on unchanged (n8n's error classes hand back an instance of their own kind). */
export function nodeError(context: IExecuteFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return new NodeApiError(context.getNode(), error as unknown as JsonObject);
	return new NodeOperationError(context.getNode(), error as Error);
}
