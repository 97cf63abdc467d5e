import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { agentLocator, conversationLocator, teamLocator } from '../../../shared/descriptions';
import { conversationLock, conversationSubject, fetchConversation } from './shared';

const properties: INodeProperties[] = [
	conversationLocator('The conversation to hand to a human, by the number shown in Chatwoot (its display ID)'),
	{
		displayName: 'Private Note',
		name: 'privateNote',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description:
			'Optional note only agents see, posted before the conversation opens, e.g. a summary of what the customer needs. Not posted again when the conversation already ends with the same note.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ ...agentLocator('assigneeId', 'The agent to give the conversation to'), required: false },
			{ ...teamLocator('teamId', 'The team to give the conversation to'), required: false },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['handoff'] } }, properties);

export const concurrent = true;

function idOf(value: unknown): number | null {
	const record = value !== null && typeof value === 'object' ? (value as IDataObject) : undefined;
	const id = Number(record?.id);
	return Number.isFinite(id) && id > 0 ? id : null;
}

function optionalId(context: IExecuteFunctions, fields: IDataObject, name: string, itemIndex: number, label: string): number | null {
	const raw = fields[name];
	if (raw === undefined) return null;
	const value = typeof raw === 'object' && raw !== null ? (raw as IDataObject).value : raw;
	if (value === undefined || value === null || String(value).trim() === '') return null;
	return getId(context, `additionalFields.${name}`, itemIndex, label);
}

/**
 * Hand Off to Human. Chatwoot's own handoff is a pending → open status change: with an agent-bot token
 * ConversationsController#toggle_status calls Conversation#bot_handoff! (waiting_since, the
 * `conversation_bot_handoff` reporting event); with a user token it is a plain open. Steps, each skipped when
 * already done, so running it again after a failure finishes the job without duplicates:
 * 1. the private note, unless the conversation's last non-activity message is that same note;
 * 2. open, unless already open; 3. team, unless already that team; 4. agent, unless already that agent.
 * All of them are on Chatwoot's bot allow-list. Output: the conversation after the handoff plus
 * `handoff: {previous_status, opened, note_posted, team_assigned, agent_assigned}`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const note = String(this.getNodeParameter('privateNote', itemIndex, '') ?? '').trim();
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const assigneeId = optionalId(this, fields, 'assigneeId', itemIndex, 'agent ID');
	const teamId = optionalId(this, fields, 'teamId', itemIndex, 'team ID');
	const subject = conversationSubject(conversationId);

	return await run.exclusive([conversationLock(conversationId)], async () => {
		const before = await fetchConversation(this, conversationId);
		const meta = (before.meta ?? {}) as IDataObject;
		const previousStatus = String(before.status ?? '');
		const lastMessage = (before.last_non_activity_message ?? null) as IDataObject | null;
		const handoff: IDataObject = { previous_status: previousStatus, opened: false, note_posted: false, team_assigned: false, agent_assigned: false };

		if (note !== '' && !(lastMessage && lastMessage.private === true && String(lastMessage.content ?? '').trim() === note)) {
			await chatwootApiRequest(this, {
				method: 'POST',
				path: `/conversations/${conversationId}/messages`,
				body: { content: note, message_type: 'outgoing', private: true },
				subject,
			});
			handoff.note_posted = true;
		}
		if (previousStatus !== 'open') {
			await chatwootApiRequest(this, {
				method: 'POST',
				path: `/conversations/${conversationId}/toggle_status`,
				body: { status: 'open' },
				subject,
				idempotent: true,
			});
			handoff.opened = true;
		}
		if (teamId !== null && idOf(meta.team) !== teamId) {
			await chatwootApiRequest(this, {
				method: 'POST',
				path: `/conversations/${conversationId}/assignments`,
				body: { team_id: teamId },
				subject,
				idempotent: true,
			});
			handoff.team_assigned = true;
		}
		// meta.assignee is the agent, or the bot (assignee_type "AgentBot", agent_bot_slim with bot_type) holding it.
		const assignee = (meta.assignee ?? null) as IDataObject | null;
		const heldByBot = meta.assignee_type === 'AgentBot' || (assignee !== null && assignee.bot_type !== undefined);
		const currentAssignee = heldByBot ? null : idOf(assignee);
		if (assigneeId !== null && currentAssignee !== assigneeId) {
			await chatwootApiRequest(this, {
				method: 'POST',
				path: `/conversations/${conversationId}/assignments`,
				body: { assignee_id: assigneeId },
				subject,
				idempotent: true,
			});
			handoff.agent_assigned = true;
		}
		const after = unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: `/conversations/${conversationId}`, subject }));
		return [{ json: { ...after, handoff } }];
	});
}
