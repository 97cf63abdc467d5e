import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList, unwrapRecord } from '../../../shared/transport';
import { notFoundOnServerError } from '../../helpers/failures';

export const subject = (id: number) => ({ resource: 'macro', id });

export const visibilityField = (defaultValue: string): INodeProperties => ({
	displayName: 'Visibility',
	name: 'visibility',
	type: 'options',
	options: [
		{ name: 'Personal', value: 'personal', description: 'Only its author sees and runs it' },
		{ name: 'Global', value: 'global', description: 'Every agent of the account sees and runs it (administrators only)' },
	],
	default: defaultValue,
	description: 'Who can see and run the macro. Agent tokens always create personal macros.',
});

/** MacrosController#index: global macros plus the token user's personal ones, all at once. */
export async function listMacros(context: IExecuteFunctions): Promise<IDataObject[]> {
	return unwrapList(await chatwootApiRequest(context, { method: 'GET', path: '/macros' }));
}

/** GET /macros/{id}: `head :not_found` for an unknown macro, 401 for someone else's personal macro. */
export async function getMacro(context: IExecuteFunctions, id: number): Promise<IDataObject> {
	return unwrapRecord(await chatwootApiRequest(context, { method: 'GET', path: `/macros/${id}`, subject: subject(id) }));
}

/** PATCH / DELETE of one macro: Chatwoot answers 500 for an unknown ID (nil record), mapped to "not found". */
export async function macroWrite(
	context: IExecuteFunctions,
	itemIndex: number,
	id: number,
	method: 'PATCH' | 'DELETE',
	body?: IDataObject,
): Promise<IDataObject> {
	const response = await notFoundOnServerError(
		context,
		itemIndex,
		`Macro ${id}`,
		async () => (await listMacros(context)).some((m) => Number(m.id) === id),
		async () => await chatwootApiRequest(context, { method, path: `/macros/${id}`, body, subject: subject(id) }),
	);
	return unwrapRecord(response);
}
