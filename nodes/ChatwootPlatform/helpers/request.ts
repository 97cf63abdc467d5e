import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { chatwootApiRequest } from '../../shared/transport';
import type { ChatwootRequest } from '../../shared/transport';

/**
 * A Platform API call (`/platform/api/v1…`, the Platform App credential) through the shared
 * transport: same retries, limiter and token-free errors as the other nodes.
 */
export async function platformRequest(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	request: Omit<ChatwootRequest, 'scope' | 'accountId'>,
): Promise<unknown> {
	return await chatwootApiRequest(context, { ...request, scope: 'platform' });
}

/** Platform list endpoints answer a bare JSON array (jbuilder `json.array!`), without pages. */
export function asList(body: unknown): IDataObject[] {
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}

/** Platform record endpoints answer the bare record. */
export function asRecord(body: unknown): IDataObject {
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
}
