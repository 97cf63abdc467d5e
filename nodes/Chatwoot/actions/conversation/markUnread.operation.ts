import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { conversationLocator, simplifyField } from '../../../shared/descriptions';
import { conversationItems, conversationSubject, fetchConversation } from './shared';

const properties: INodeProperties[] = [conversationLocator(), simplifyField];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['markUnread'] } }, properties);

/**
 * POST /conversations/{id}/unread (conversations_controller.rb#unread): moves the agents' "last
 * seen" to just before the last incoming message, so the conversation shows as unread again.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const body = await chatwootApiRequest(this, { method: 'POST', path: `/conversations/${conversationId}/unread`, idempotent: true, subject: conversationSubject(conversationId) });
	const record = unwrapRecord(body);
	const conversation = record.id !== undefined ? record : await fetchConversation(this, conversationId);
	return conversationItems(this, itemIndex, [conversation]);
}

export const concurrent = true;
