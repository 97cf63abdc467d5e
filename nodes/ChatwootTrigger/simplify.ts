import type { IDataObject } from 'n8n-workflow';

import {
	actorOf,
	conversationOf,
	inboxIdOf,
	isMessageEvent,
	isTypingEvent,
	messageTypeOf,
	senderTypeOf,
} from './filters';

/**
 * One flat shape for every webhook event, with stable types: IDs are numbers or null, times are
 * ISO 8601 strings (Chatwoot mixes Unix seconds, float seconds and ISO strings), lists are arrays.
 */

function obj(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

function id(value: unknown): number | null {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
	return null;
}

function str(value: unknown): string | null {
	return typeof value === 'string' ? value : value === undefined || value === null ? null : String(value);
}

/** Unix seconds (int or float), numeric strings or date strings → ISO 8601; anything else → null. */
export function toIso(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	let date: Date;
	if (typeof value === 'number') date = new Date(value * 1000);
	else if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) date = new Date(Number(value) * 1000);
	else if (typeof value === 'string') date = new Date(value);
	else return null;
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function person(source: IDataObject | undefined): IDataObject | null {
	if (!source) return null;
	return {
		id: id(source.id),
		name: str(source.name),
		email: str(source.email),
		phone_number: str(source.phone_number),
		identifier: str(source.identifier),
	};
}

/** `[{status: {previous_value, current_value}}, …]` → `{status: {previous_value, current_value}}`. */
function changedAttributes(value: unknown): IDataObject | null {
	if (Array.isArray(value)) {
		const out: IDataObject = {};
		for (const entry of value) Object.assign(out, obj(entry) ?? {});
		return out;
	}
	return obj(value) ?? null;
}

export function simplifyEvent(payload: IDataObject): IDataObject {
	const event = String(payload.event ?? '');
	const conversation = conversationOf(event, payload);
	const message = isMessageEvent(event) ? payload : undefined;
	const actor = actorOf(event, payload);
	const account = obj(payload.account) ?? obj(conversation?.account);
	const inbox = obj(payload.inbox);
	const inboxId = inboxIdOf(event, payload) ?? null;

	let contact: IDataObject | null = null;
	if (event === 'contact_created' || event === 'contact_updated') contact = person(payload);
	else if (actor && senderTypeOf(actor) === 'contact') contact = person(actor);
	else if (event === 'webwidget_triggered') contact = person(obj(payload.contact));
	else contact = person(obj(obj(conversation?.meta)?.sender));

	const attachments = Array.isArray(message?.attachments) ? (message.attachments as unknown[]) : [];
	let createdAt: string | null;
	if (message) createdAt = toIso(message.created_at);
	else if (conversation) createdAt = toIso(conversation.created_at);
	else createdAt = toIso(payload.created_at);

	const out: IDataObject = {
		event,
		account: account ? { id: id(account.id), name: str(account.name) } : null,
		inbox: inboxId !== null || inbox ? { id: inboxId ?? id(inbox?.id), name: str(inbox?.name) } : null,
		conversation_id: conversation ? id(conversation.id) : null,
		conversation_status: conversation ? str(conversation.status) : null,
		message_id: message ? id(message.id) : null,
		content: message ? str(message.content) : null,
		message_type: message ? (messageTypeOf(message) ?? null) : null,
		private: message ? message.private === true : isTypingEvent(event) ? payload.is_private === true : false,
		sender: actor ? { id: id(actor.id), name: str(actor.name), type: senderTypeOf(actor) ?? null } : null,
		contact,
		attachments: attachments.map((a) => {
			const attachment = obj(a) ?? {};
			return {
				id: id(attachment.id),
				file_type: str(attachment.file_type),
				content_type: str(attachment.content_type),
				extension: str(attachment.extension),
				data_url: str(attachment.data_url),
				thumb_url: str(attachment.thumb_url),
				file_size: typeof attachment.file_size === 'number' ? attachment.file_size : null,
			};
		}),
		labels: conversation && Array.isArray(conversation.labels) ? conversation.labels.map((l) => String(l)) : [],
		created_at: createdAt,
	};
	if (payload.changed_attributes !== undefined) out.changed_attributes = changedAttributes(payload.changed_attributes);
	return out;
}
