import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { conversationLocator, returnAllOrLimit } from '../../../shared/descriptions';
import { asNodeError, limitedItems } from '../../helpers/records';
import { conversationSubject, fetchConversation } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: "Needs Chatwoot's enterprise edition (Cloud or a paid self-hosted plan): the open-source edition has no reporting events",
		name: 'enterpriseNotice',
		type: 'notice',
		default: '',
	},
	conversationLocator(),
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['getReportingEvents'] } }, properties);

/**
 * GET /conversations/{id}/reporting_events: first response, resolution and reply times of one
 * conversation. config/routes.rb declares the route only `if ChatwootApp.enterprise?`, so the
 * open-source edition answers 404 for an existing conversation: that 404 is explained as such.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	try {
		const events = unwrapList(
			await chatwootApiRequest(this, { method: 'GET', path: `/conversations/${conversationId}/reporting_events`, subject: conversationSubject(conversationId) }),
		);
		return limitedItems(this, itemIndex, events);
	} catch (error) {
		if (!(error instanceof NodeApiError) || String(error.httpCode) !== '404') throw asNodeError(this, error);
		// A 404 for a conversation that exists means the route is missing: not the enterprise edition.
		await fetchConversation(this, conversationId);
		throw new NodeOperationError(this.getNode(), "This Chatwoot has no reporting events: they need Chatwoot's enterprise edition", {
			itemIndex,
			description:
				'Reporting events exist on Chatwoot Cloud and paid self-hosted plans. On the open-source edition, use the conversation fields first_reply_created_at and waiting_since (Conversation → Get) instead.',
		});
	}
}

export const concurrent = true;
