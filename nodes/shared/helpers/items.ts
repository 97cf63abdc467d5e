import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { parseChatwootId, urlSegmentsFor } from './ids';

export function toItems(data: IDataObject | IDataObject[] | null | undefined): INodeExecutionData[] {
	if (data === null || data === undefined) return [];
	const list = Array.isArray(data) ? data : [data];
	return list.map((json) => ({ json }));
}

/**
 * Reads a plain or resource-locator parameter holding a numeric Chatwoot ID. Whatever the locator's mode, it
 * accepts `42`, ` 42 `, `#42` and an address copied from Chatwoot (see ids.ts): n8n keeps the value when the
 * user switches mode, so a URL can arrive in "By ID" or "From List".
 */
export function getId(context: IExecuteFunctions, name: string, itemIndex: number, label: string): number {
	// Raw, not extractValue: n8n's URL-mode extraction would reject `42` typed into "By URL".
	const raw = context.getNodeParameter(name, itemIndex, undefined) as unknown;
	const id = parseChatwootId(raw, name);
	if (id === undefined) {
		const value = raw !== null && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
		const text = String(value ?? '').trim();
		const segments = urlSegmentsFor(name);
		const byUrl = segments.length ? `, paste its address from Chatwoot (…/${segments[0]}/42)` : '';
		throw new NodeOperationError(context.getNode(), `The ${label} "${text}" is not a valid ID`, {
			itemIndex,
			description: `Enter the numeric ${label}${byUrl}, pick one from the list, or map it from a previous node.`,
		});
	}
	return id;
}

/** Parses a JSON field a user typed, naming the field when it is malformed. */
export function parseJsonField(
	context: IExecuteFunctions,
	value: unknown,
	fieldLabel: string,
	itemIndex: number,
): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	try {
		const parsed = JSON.parse(String(value));
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
		return parsed as IDataObject;
	} catch {
		throw new NodeOperationError(context.getNode(), `The field "${fieldLabel}" is not a valid JSON object`, {
			itemIndex,
			description: 'Write a JSON object such as {"plan": "pro"}, or map an object from a previous node.',
		});
	}
}

/** Turns "a, b" / ["a","b"] into trimmed, de-duplicated labels. */
export function toLabelList(value: unknown): string[] {
	const raw = Array.isArray(value) ? value : String(value ?? '').split(',');
	return [...new Set(raw.map((v) => String(v).trim()).filter((v) => v !== ''))];
}

/** Copies only the fields the user actually set (safe defaults: nothing optional is sent). */
export function compact(fields: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null || value === '') continue;
		out[key] = value;
	}
	return out;
}
