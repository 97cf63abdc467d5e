import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../../../shared/transport';

/**
 * GET /canned_responses (app/controllers/api/v1/accounts/canned_responses_controller.rb#index):
 * every canned response at once; with `search`, those whose short code or content contains it,
 * best matches first (short code starting with it, then containing it, then content).
 */
export async function listCannedResponses(context: IExecuteFunctions, search?: string): Promise<IDataObject[]> {
	const qs = search ? { search } : undefined;
	return unwrapList(await chatwootApiRequest(context, { method: 'GET', path: '/canned_responses', qs }));
}

export const cannedSubject = (id?: number) => ({ resource: 'canned response', id });
