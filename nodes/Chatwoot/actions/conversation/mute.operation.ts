import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { conversationLocator } from '../../../shared/descriptions';
import { conversationSubject } from './shared';

const properties: INodeProperties[] = [conversationLocator()];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['mute'] } }, properties);

/** POST /conversations/{id}/mute (conversations_controller.rb#mute, 200 empty): resolves the conversation and blocks its contact (app/models/concerns/conversation_mute_helpers.rb). Output: `{id, muted}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	// Muting twice is harmless, so a timed-out request may be repeated.
	await chatwootApiRequest(this, { method: 'POST', path: `/conversations/${conversationId}/mute`, idempotent: true, subject: conversationSubject(conversationId) });
	return [{ json: { id: conversationId, muted: true } }];
}

export const concurrent = true;
