import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';

export interface Explanation {
	message: string;
	description: string;
}

/** The same error as n8n's own kind (the constructors hand an error of their kind back unchanged). */
export function asNodeError(context: IExecuteFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return new NodeApiError(context.getNode(), error as unknown as JsonObject);
	return new NodeOperationError(context.getNode(), error as Error);
}

/** HTTP status of a failed Chatwoot call (as NodeApiError keeps it), or undefined for other errors. */
export function failureStatus(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const status = Number(error.httpCode);
	return Number.isFinite(status) ? status : undefined;
}

/**
 * Runs `task`; when Chatwoot answers with a status `explain` knows (an enterprise-only route, a
 * feature flag, a plan limit), the user gets that explanation instead of the generic one.
 */
export async function explainFailure<T>(
	context: IExecuteFunctions,
	task: () => Promise<T>,
	explain: (status: number) => Explanation | undefined,
): Promise<T> {
	try {
		return await task();
	} catch (error) {
		const status = failureStatus(error);
		const explanation = status === undefined ? undefined : explain(status);
		if (!explanation) throw asNodeError(context, error);
		const httpCode = String(status);
		throw new NodeApiError(context.getNode(), { ...explanation, httpCode } as JsonObject, { ...explanation, httpCode });
	}
}

/**
 * Some Chatwoot controllers look records up with `find_by` and then call a method on the nil they
 * get for an unknown ID (automation rules, macros, campaigns, portals): Chatwoot answers HTTP 500,
 * not 404. On a 500, `exists` checks the list; a missing record becomes a plain "not found".
 */
export async function notFoundOnServerError<T>(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	exists: () => Promise<boolean>,
	task: () => Promise<T>,
): Promise<T> {
	try {
		return await task();
	} catch (error) {
		if (failureStatus(error) !== 500) throw asNodeError(context, error);
		let found = true;
		try {
			found = await exists();
		} catch {
			throw asNodeError(context, error);
		}
		if (found) throw asNodeError(context, error);
		throw new NodeOperationError(context.getNode(), `${label} was not found in Chatwoot`, {
			itemIndex,
			description: `Chatwoot answers a server error for an unknown ID here. Pick the record from the list, or check the ID and the account in the credential.`,
		});
	}
}
