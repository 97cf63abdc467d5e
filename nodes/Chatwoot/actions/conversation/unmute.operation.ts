import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { conversationLocator } from '../../../shared/descriptions';
import { conversationSubject } from './shared';

const properties: INodeProperties[] = [conversationLocator()];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['unmute'] } }, properties);

/** POST /conversations/{id}/unmute (conversations_controller.rb#unmute, 200 empty): unblocks the contact of the conversation. Output: `{id, muted}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	// Muting twice is harmless, so a timed-out request may be repeated.
	await chatwootApiRequest(this, { method: 'POST', path: `/conversations/${conversationId}/unmute`, idempotent: true, subject: conversationSubject(conversationId) });
	return [{ json: { id: conversationId, muted: false } }];
}

export const concurrent = true;
