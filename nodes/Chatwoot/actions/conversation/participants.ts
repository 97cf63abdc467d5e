import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { conversationSubject } from './shared';

/** GET /conversations/{id}/participants (conversations/participants_controller.rb#show): agent records. */
export async function listParticipants(context: IExecuteFunctions, conversationId: number): Promise<IDataObject[]> {
	return unwrapList(await chatwootApiRequest(context, { method: 'GET', path: `/conversations/${conversationId}/participants`, subject: conversationSubject(conversationId) }));
}

/**
 * Adds with POST and removes with DELETE: both change only the given agents (the controller's
 * PATCH replaces the whole set and is never used). Chatwoot silently skips an agent without
 * access to the conversation's inbox (ConversationParticipant#ensure_inbox_access), so the
 * participants are read back and such agents reported in `not_added`.
 */
export async function changeParticipants(
	context: IExecuteFunctions,
	run: RunContext,
	conversationId: number,
	change: { add?: number[]; remove?: number[] },
): Promise<IDataObject> {
	return await run.exclusive([`participants:${conversationId}`], async () => {
		const before = (await listParticipants(context, conversationId)).map((a) => Number(a.id));
		const toAdd = (change.add ?? []).filter((id) => !before.includes(id));
		const toRemove = (change.remove ?? []).filter((id) => before.includes(id));
		const path = `/conversations/${conversationId}/participants`;
		// find_or_create_by: adding an agent twice is a no-op, so a retry is harmless.
		if (toAdd.length) await chatwootApiRequest(context, { method: 'POST', path, body: { user_ids: toAdd }, idempotent: true, subject: conversationSubject(conversationId) });
		if (toRemove.length) await chatwootApiRequest(context, { method: 'DELETE', path, body: { user_ids: toRemove }, subject: conversationSubject(conversationId) });
		const agents = await listParticipants(context, conversationId);
		const now = agents.map((a) => Number(a.id));
		return {
			id: conversationId,
			participant_ids: now,
			added: toAdd.filter((id) => now.includes(id)),
			removed: toRemove,
			...(change.add ? { not_added: toAdd.filter((id) => !now.includes(id)) } : {}),
			participants: agents,
		};
	});
}
