import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { simplifyConversation } from '../../../shared/helpers/simplify';
import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';

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

/** Lock keys: items about one conversation run in input order even when the node runs items concurrently. */
export const conversationLock = (id: number) => `conversation:${id}`;
export const customAttributesLock = (id: number) => `conversation-custom-attributes:${id}`;
