import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList, unwrapRecord } from '../../../shared/transport';
import { notFoundOnServerError } from '../../helpers/failures';

export const subject = (id: number) => ({ resource: 'automation rule', id });

export async function listRules(context: IExecuteFunctions): Promise<IDataObject[]> {
	// AutomationRulesController#index returns every rule at once ({payload: [...]}); `page` is ignored.
	return unwrapList(await chatwootApiRequest(context, { method: 'GET', path: '/automation_rules' }));
}

/** A call about one rule; an unknown ID (Chatwoot: HTTP 500, see failures.ts) becomes "not found". */
export async function ruleCall(
	context: IExecuteFunctions,
	itemIndex: number,
	id: number,
	request: { method: 'GET' | 'PATCH' | 'DELETE' | 'POST'; path?: string; body?: IDataObject },
): Promise<IDataObject> {
	const body = await notFoundOnServerError(
		context,
		itemIndex,
		`Automation rule ${id}`,
		async () => (await listRules(context)).some((r) => Number(r.id) === id),
		async () =>
			await chatwootApiRequest(context, {
				method: request.method,
				path: request.path ?? `/automation_rules/${id}`,
				body: request.body,
				subject: subject(id),
			}),
	);
	return unwrapRecord(body);
}
