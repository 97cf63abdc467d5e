import type { IDataObject } from 'n8n-workflow';

/**
 * "Simplify" output for the two large Chatwoot records. The simplified shape keeps what a
 * next node usually needs, flat and with stable names; timestamps stay as Chatwoot sends
 * them (Unix seconds in REST answers). Works on REST records and on webhook payloads.
 */

const MESSAGE_TYPES = ['incoming', 'outgoing', 'activity', 'template'];

function obj(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

function pick(source: IDataObject | undefined, keys: string[]): IDataObject | null {
	if (!source) return null;
	const out: IDataObject = {};
	for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
	return out;
}

/** Message type as a word (REST sends 0-3, webhooks send the word already). */
export function messageTypeName(value: unknown): string | undefined {
	if (typeof value === 'number') return MESSAGE_TYPES[value] ?? String(value);
	if (typeof value === 'string' && /^\d+$/.test(value)) return MESSAGE_TYPES[Number(value)] ?? value;
	return typeof value === 'string' ? value : undefined;
}

function senderOf(sender: IDataObject | undefined, fallbackType?: string): IDataObject | null {
	if (!sender) return null;
	const out = pick(sender, ['id', 'name', 'email', 'phone_number', 'identifier']) ?? {};
	const type = sender.type ?? fallbackType;
	if (type !== undefined) out.type = type;
	return out;
}

/** "AgentBot" → "agent_bot", "Contact" → "contact" (the `type` Chatwoot puts on senders). */
function senderTypeName(value: unknown): string | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	return value.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

export function simplifyConversation(record: IDataObject): IDataObject {
	const meta = obj(record.meta) ?? {};
	const sender = obj(meta.sender);
	const assignee = obj(meta.assignee);
	const team = obj(meta.team);
	const messages = Array.isArray(record.messages) ? (record.messages as IDataObject[]) : [];
	const last = obj(record.last_non_activity_message) ?? messages[messages.length - 1];
	const contactInbox = obj(record.contact_inbox);

	const out: IDataObject = {
		id: record.id,
		uuid: record.uuid,
		account_id: record.account_id ?? obj(record.account)?.id,
		inbox_id: record.inbox_id,
		status: record.status,
		priority: record.priority ?? null,
		snoozed_until: record.snoozed_until ?? null,
		contact: senderOf(sender, 'contact'),
		// REST answers say meta.assignee_type "User"/"AgentBot", webhook payloads put type "user"/"agent_bot" on the
		// assignee: one spelling in the output
		assignee: assignee
			? { ...pick(assignee, ['id', 'name', 'email']), type: senderTypeName(assignee.type ?? meta.assignee_type) ?? 'user' }
			: null,
		team: pick(team, ['id', 'name']),
		labels: Array.isArray(record.labels) ? record.labels : [],
		custom_attributes: record.custom_attributes ?? {},
		additional_attributes: record.additional_attributes ?? {},
		unread_count: record.unread_count,
		can_reply: record.can_reply,
		last_message: last
			? {
					id: last.id,
					content: last.content ?? null,
					message_type: messageTypeName(last.message_type),
					private: last.private,
					created_at: last.created_at,
				}
			: null,
		created_at: record.created_at,
		last_activity_at: record.last_activity_at,
		waiting_since: record.waiting_since ?? null,
	};
	if (contactInbox?.source_id !== undefined) out.source_id = contactInbox.source_id;
	for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
	return out;
}

export function simplifyMessage(record: IDataObject): IDataObject {
	const sender = obj(record.sender);
	const attachments = Array.isArray(record.attachments) ? (record.attachments as IDataObject[]) : [];
	const conversation = obj(record.conversation);
	const out: IDataObject = {
		id: record.id,
		conversation_id: record.conversation_id ?? conversation?.id ?? conversation?.display_id,
		inbox_id: record.inbox_id ?? obj(record.inbox)?.id,
		content: record.content ?? null,
		message_type: messageTypeName(record.message_type),
		content_type: record.content_type,
		private: record.private,
		status: record.status,
		sender: senderOf(sender, senderTypeName(record.sender_type)),
		attachments: attachments.map((a) => pick(a, ['id', 'file_type', 'extension', 'content_type', 'data_url', 'file_size'])),
		content_attributes: record.content_attributes ?? {},
		source_id: record.source_id ?? null,
		created_at: record.created_at,
	};
	for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
	return out;
}
