import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { toItems } from '../../shared/helpers/items';
import { getApiCredential } from '../../shared/transport';

/** Output items of a list Chatwoot returns whole (no pages), cut to Limit unless Return All is on. */
export function limitedItems(context: IExecuteFunctions, itemIndex: number, records: IDataObject[]): INodeExecutionData[] {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return toItems(records);
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	return toItems(records.slice(0, limit));
}

/**
 * The record with `id` from a list Chatwoot only serves whole (agents, webhooks, canned
 * responses have no show route); a missing one gets the same words a 404 would.
 */
export async function pickById(
	context: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
	id: number,
	resource: string,
	hint: string,
): Promise<IDataObject> {
	const found = records.find((r) => Number(r.id) === id);
	if (found) return found;
	const { accountId } = await getApiCredential(context);
	throw new NodeOperationError(context.getNode(), `${resource.charAt(0).toUpperCase()}${resource.slice(1)} ${id} was not found in Chatwoot account ${accountId}`, {
		itemIndex,
		description: hint,
	});
}

/** Refuses an update that would send nothing, before any request. */
export function requireChanges(context: IExecuteFunctions, itemIndex: number, body: IDataObject, where = 'Update Fields'): void {
	if (Object.keys(body).length > 0) return;
	throw new NodeOperationError(context.getNode(), 'Nothing to update', {
		itemIndex,
		description: `Add at least one field under "${where}".`,
	});
}

/** Output of a delete: Chatwoot answers with an empty body, so say what was deleted. */
export function deleted(resource: string, id: number | string): INodeExecutionData[] {
	return toItems({ success: true, resource, id });
}

/** Parses a comma-separated list or array of numeric IDs, naming what is not a number. */
export function readIdList(context: IExecuteFunctions, itemIndex: number, name: string, label: string): number[] {
	const raw = context.getNodeParameter(name, itemIndex, []) as unknown;
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	const texts = list.map((v) => String(v).trim()).filter((v) => v !== '');
	const invalid = texts.filter((v) => !/^\d+$/.test(v));
	if (invalid.length) {
		throw new NodeOperationError(context.getNode(), `"${invalid.join('", "')}" is not a valid ${label} ID`, {
			itemIndex,
			description: `Pick from the list, or give numeric ${label} IDs (a list or comma-separated).`,
		});
	}
	if (texts.length === 0) {
		throw new NodeOperationError(context.getNode(), `No ${label}s given`, {
			itemIndex,
			description: `Pick at least one ${label}, or map their IDs from a previous node.`,
		});
	}
	return [...new Set(texts.map(Number))];
}

/** The error to rethrow after looking at one: n8n's own error types, keeping Chatwoot's explanation. */
export function asNodeError(context: IExecuteFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return new NodeApiError(context.getNode(), error as unknown as JsonObject);
	if (error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error);
}
