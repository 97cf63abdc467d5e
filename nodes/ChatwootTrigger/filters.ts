import type { IDataObject } from 'n8n-workflow';

import { ALLOWED_WEBHOOK_EVENTS } from '../shared/webhookEvents';

/** Webhook event names exactly as Chatwoot sends them (Webhook::ALLOWED_WEBHOOK_EVENTS). */
export const ACCOUNT_EVENTS = ALLOWED_WEBHOOK_EVENTS;

/** What an API inbox's callback URL receives (no subscriptions; docs/chatwoot/API-NOTES.md §4.1). */
export const API_INBOX_EVENTS = [
	'conversation_created',
	'conversation_status_changed',
	'conversation_typing_off',
	'conversation_typing_on',
	'conversation_updated',
	'message_created',
	'message_updated',
] as const;

/**
 * What an agent bot's outgoing URL receives: AgentBotListener (app/listeners/agent_bot_listener.rb) handles these
 * events for the inbox's bot and the conversation's assigned bot; conversation_opened / conversation_resolved exist
 * only for bots. No subscriptions: Events filters what starts the workflow.
 */
export const AGENT_BOT_EVENTS = [
	'conversation_opened',
	'conversation_resolved',
	'conversation_status_changed',
	'conversation_updated',
	'message_created',
	'message_updated',
	'webwidget_triggered',
] as const;

export type SenderType = 'contact' | 'user' | 'agent_bot';

export interface FilterSettings {
	events: string[];
	/** Only events of this inbox; undefined = every inbox. */
	inboxId?: number;
	/** Empty = every type. */
	messageTypes: string[];
	includePrivate: boolean;
	/** Empty = every sender. */
	senderTypes: string[];
	/** Empty = every status. */
	conversationStatuses: string[];
	/** Any of these labels; empty = no label filter. */
	labels: string[];
	/** Drop messages (and typing) of the credential's own user. */
	ignoreOwnMessages: boolean;
	/** The credential's user ID, found at activation. */
	ownUserId?: number;
	/** Source "Agent Bot": the bot whose outgoing URL this is; its own messages are dropped like the user's. */
	ownBotId?: number;
	/** Source "Agent Bot": only events of these inboxes (the ones the bot was connected to). */
	inboxIds?: number[];
	/** Drop contact_updated events that only change last_activity_at / updated_at. */
	ignoreContactActivity: boolean;
}

export type FilterResult = { pass: true } | { pass: false; reason: string };

const MESSAGE_TYPE_NAMES = ['incoming', 'outgoing', 'activity', 'template'];

function obj(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

function num(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
	return undefined;
}

export function isMessageEvent(event: string): boolean {
	return event === 'message_created' || event === 'message_updated';
}

export function isTypingEvent(event: string): boolean {
	return event === 'conversation_typing_on' || event === 'conversation_typing_off';
}

export function isConversationEvent(event: string): boolean {
	return event.startsWith('conversation_') && !isTypingEvent(event);
}

/** The conversation an event is about (webhook_data), if any. */
export function conversationOf(event: string, payload: IDataObject): IDataObject | undefined {
	if (isConversationEvent(event)) return payload;
	if (isMessageEvent(event) || isTypingEvent(event)) return obj(payload.conversation);
	if (event === 'webwidget_triggered') return obj(payload.current_conversation);
	return undefined;
}

/** Inbox of an event: `inbox.id` on messages and widget events, `inbox_id` on conversations. */
export function inboxIdOf(event: string, payload: IDataObject): number | undefined {
	if (isMessageEvent(event) || event === 'webwidget_triggered') {
		return num(obj(payload.inbox)?.id) ?? num(conversationOf(event, payload)?.inbox_id);
	}
	const conversation = conversationOf(event, payload);
	return conversation ? num(conversation.inbox_id) : undefined;
}

/** `incoming` / `outgoing` / `template` (webhooks send words; integers are mapped defensively). */
export function messageTypeOf(payload: IDataObject): string | undefined {
	const value = payload.message_type;
	if (typeof value === 'number') return MESSAGE_TYPE_NAMES[value];
	if (typeof value === 'string') return /^\d+$/.test(value) ? MESSAGE_TYPE_NAMES[Number(value)] : value;
	return undefined;
}

/** A sender without `type` is a contact (Chatwoot's contact webhook_data has no type key). */
export function senderTypeOf(sender: IDataObject | undefined): SenderType | undefined {
	if (!sender) return undefined;
	const type = typeof sender.type === 'string' ? sender.type.toLowerCase() : undefined;
	if (type === undefined || type === '' || type === 'contact') return 'contact';
	if (type === 'user') return 'user';
	if (type === 'agent_bot' || type === 'agentbot') return 'agent_bot';
	return type as SenderType;
}

/** The actor of a message (sender) or typing event (user). */
export function actorOf(event: string, payload: IDataObject): IDataObject | undefined {
	if (isMessageEvent(event)) return obj(payload.sender);
	if (isTypingEvent(event)) return obj(payload.user);
	return undefined;
}

function labelsOf(conversation: IDataObject): string[] {
	return Array.isArray(conversation.labels) ? conversation.labels.map((l) => String(l)) : [];
}

/**
 * Chatwoot sends `contact_updated` after every message a contact sends: Message#update_contact_activity
 * (app/models/message.rb, run from execute_after_create_commit_callbacks) does
 * `sender.update(last_activity_at: DateTime.now)`, Contact#dispatch_update_event (app/models/contact.rb,
 * after_update_commit) dispatches `previous_changes`, and WebhookListener#contact_updated sends them as
 * `changed_attributes: [{last_activity_at: {...}}, {updated_at: {...}}]` (app/listeners/base_listener.rb
 * #extract_changed_attributes). An update that changed nothing else is activity, not an edit.
 */
const ACTIVITY_ONLY_KEYS = new Set(['last_activity_at', 'updated_at']);

/** Attribute names in `changed_attributes` (a list of one-key objects, or one object); undefined if unreadable. */
export function changedAttributeNames(payload: IDataObject): string[] | undefined {
	const changed = payload.changed_attributes;
	if (Array.isArray(changed)) {
		const names: string[] = [];
		for (const entry of changed) {
			const record = obj(entry);
			if (!record) return undefined;
			names.push(...Object.keys(record));
		}
		return names;
	}
	const record = obj(changed);
	return record ? Object.keys(record) : undefined;
}

export function isActivityOnlyContactUpdate(event: string, payload: IDataObject): boolean {
	if (event !== 'contact_updated') return false;
	const names = changedAttributeNames(payload);
	return names !== undefined && names.length > 0 && names.every((name) => ACTIVITY_ONLY_KEYS.has(name));
}

/**
 * Decides whether a delivery starts the workflow. Filters that do not apply to an event (e.g.
 * message types on a conversation event, inbox on a contact event) let it pass.
 */
export function applyFilters(event: string, payload: IDataObject, settings: FilterSettings): FilterResult {
	if (!settings.events.includes(event)) return { pass: false, reason: `event ${event} not selected` };
	if (settings.ignoreContactActivity && isActivityOnlyContactUpdate(event, payload)) {
		return { pass: false, reason: 'contact activity only (last_activity_at)' };
	}

	if (settings.inboxId !== undefined) {
		const inboxId = inboxIdOf(event, payload);
		const carriesInbox = isMessageEvent(event) || isTypingEvent(event) || isConversationEvent(event) || event === 'webwidget_triggered';
		if (carriesInbox && inboxId !== settings.inboxId) return { pass: false, reason: 'other inbox' };
	}

	if (settings.inboxIds !== undefined && settings.inboxIds.length) {
		// An agent bot also gets the events of conversations it is assigned to in other inboxes; those pass only
		// when their inbox was chosen.
		const inboxId = inboxIdOf(event, payload);
		if (inboxId !== undefined && !settings.inboxIds.includes(inboxId)) return { pass: false, reason: 'other inbox' };
	}

	const actor = actorOf(event, payload);
	if (isMessageEvent(event)) {
		const type = messageTypeOf(payload);
		if (settings.messageTypes.length && (type === undefined || !settings.messageTypes.includes(type))) {
			return { pass: false, reason: `message type ${String(type)} not selected` };
		}
		if (payload.private === true && !settings.includePrivate) return { pass: false, reason: 'private note' };
	}
	if (isTypingEvent(event) && payload.is_private === true && !settings.includePrivate) {
		return { pass: false, reason: 'private typing' };
	}

	if ((isMessageEvent(event) || isTypingEvent(event)) && settings.senderTypes.length) {
		const type = senderTypeOf(actor);
		if (type === undefined || !settings.senderTypes.includes(type)) {
			return { pass: false, reason: `sender type ${String(type)} not selected` };
		}
	}

	const conversation = conversationOf(event, payload);
	if (settings.conversationStatuses.length && conversation) {
		if (!settings.conversationStatuses.includes(String(conversation.status))) {
			return { pass: false, reason: `conversation status ${String(conversation.status)} not selected` };
		}
	}
	if (settings.labels.length && conversation) {
		const labels = labelsOf(conversation);
		if (!settings.labels.some((l) => labels.includes(l))) return { pass: false, reason: 'no matching label' };
	}

	if (settings.ignoreOwnMessages && settings.ownUserId !== undefined && actor) {
		if (senderTypeOf(actor) === 'user' && num(actor.id) === settings.ownUserId) {
			return { pass: false, reason: "sent through this trigger's credential" };
		}
	}
	if (settings.ignoreOwnMessages && settings.ownBotId !== undefined && actor) {
		if (senderTypeOf(actor) === 'agent_bot' && num(actor.id) === settings.ownBotId) {
			return { pass: false, reason: "sent by this trigger's agent bot" };
		}
	}
	return { pass: true };
}
