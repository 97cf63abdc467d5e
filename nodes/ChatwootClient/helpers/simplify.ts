import type { IDataObject } from 'n8n-workflow';

import { messageTypeName } from '../../shared/helpers/simplify';

/**
 * Client API conversations carry every visible message; the simplified shape keeps the
 * conversation's own fields, the message count and the last message.
 */
export function simplifyClientConversation(record: IDataObject): IDataObject {
	const messages = Array.isArray(record.messages) ? (record.messages as IDataObject[]) : [];
	const last = messages[messages.length - 1];
	const out: IDataObject = {
		id: record.id,
		uuid: record.uuid,
		inbox_id: record.inbox_id,
		status: record.status,
		contact: record.contact ?? null,
		message_count: messages.length,
		last_message: last
			? {
					id: last.id,
					content: last.content ?? null,
					message_type: messageTypeName(last.message_type),
					created_at: last.created_at,
				}
			: null,
		contact_last_seen_at: record.contact_last_seen_at,
		agent_last_seen_at: record.agent_last_seen_at,
	};
	for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
	return out;
}
