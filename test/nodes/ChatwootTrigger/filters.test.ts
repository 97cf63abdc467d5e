import type { IDataObject } from 'n8n-workflow';

import { applyFilters } from '../../../nodes/ChatwootTrigger/filters';
import type { FilterSettings } from '../../../nodes/ChatwootTrigger/filters';
import { deliver, items, rl } from './setup';

/**
 * Payloads shaped like Chatwoot's webhook_data (API-NOTES §4.2): message senders are a contact
 * (no `type` key), a user (`type: "user"`) or an agent bot (`type: "agent_bot"`); conversations
 * carry `inbox_id`, messages `inbox.id`.
 */
const OWN_USER = 1;
const OTHER_AGENT = 2;
const INBOX = 3;
const OTHER_INBOX = 4;

const account = { id: 1, name: 'Acme' };
const contact = { id: 10, name: 'Jane', email: 'jane@example.com', phone_number: null, identifier: null, account, additional_attributes: {}, custom_attributes: {}, avatar: '', thumbnail: '', blocked: false };

function conversation(extra: IDataObject = {}): IDataObject {
	return {
		id: 5,
		inbox_id: INBOX,
		status: 'open',
		labels: ['vip'],
		channel: 'Channel::Api',
		account,
		meta: { sender: { ...contact, type: 'contact' }, assignee: null, team: null, hmac_verified: false },
		messages: [],
		created_at: 1795700000,
		updated_at: 1795700000.5,
		...extra,
	};
}

function message(extra: IDataObject = {}, convExtra: IDataObject = {}): IDataObject {
	return {
		event: 'message_created',
		id: 100,
		content: 'Hi',
		content_type: 'text',
		content_attributes: {},
		message_type: 'incoming',
		private: false,
		created_at: '2026-11-26T10:00:00.000Z',
		source_id: null,
		account,
		inbox: { id: INBOX, name: 'API' },
		sender: contact,
		conversation: conversation(convExtra),
		...extra,
	};
}

const userSender = (id: number) => ({ id, name: `Agent ${id}`, email: `a${id}@acme.test`, type: 'user' });
const botSender = { id: 7, name: 'Botty', type: 'agent_bot' };

const P = {
	incoming: message(),
	incomingOtherInbox: message({ inbox: { id: OTHER_INBOX, name: 'Other' } }, { inbox_id: OTHER_INBOX }),
	outgoingAgent: message({ message_type: 'outgoing', sender: userSender(OTHER_AGENT) }),
	outgoingOwn: message({ message_type: 'outgoing', sender: userSender(OWN_USER) }),
	outgoingBot: message({ message_type: 'outgoing', sender: botSender }),
	privateNote: message({ message_type: 'outgoing', private: true, sender: userSender(OTHER_AGENT) }),
	template: message({ message_type: 'template', sender: userSender(OTHER_AGENT) }),
	updatedIncoming: message({ event: 'message_updated' }),
	incomingResolved: message({}, { status: 'resolved' }),
	incomingNoLabels: message({}, { labels: [] }),
	convCreated: { event: 'conversation_created', ...conversation() },
	convCreatedOtherInbox: { event: 'conversation_created', ...conversation({ inbox_id: OTHER_INBOX }) },
	convStatus: {
		event: 'conversation_status_changed',
		...conversation({ status: 'resolved' }),
		changed_attributes: [{ status: { previous_value: 'open', current_value: 'resolved' } }],
	},
	convUpdatedLabels: {
		event: 'conversation_updated',
		...conversation({ labels: ['billing'] }),
		changed_attributes: [{ label_list: { previous_value: [], current_value: ['billing'] } }],
	},
	typingOwn: { event: 'conversation_typing_on', user: userSender(OWN_USER), conversation: conversation(), is_private: false },
	typingContact: { event: 'conversation_typing_on', user: contact, conversation: conversation(), is_private: false },
	typingPrivate: { event: 'conversation_typing_off', user: userSender(OTHER_AGENT), conversation: conversation(), is_private: true },
	contactCreated: { event: 'contact_created', ...contact },
	inboxUpdated: { event: 'inbox_updated', channel: { id: 9 }, account, changed_attributes: [{ name: { previous_value: 'a', current_value: 'b' } }] },
	widget: { event: 'webwidget_triggered', id: 10, contact, inbox: { id: INBOX, name: 'Widget' }, account, current_conversation: null, source_id: 's', event_info: {} },
	widgetOtherInbox: { event: 'webwidget_triggered', id: 10, contact, inbox: { id: OTHER_INBOX, name: 'Widget' }, account, current_conversation: null, source_id: 's', event_info: {} },
} satisfies Record<string, IDataObject>;

type Name = keyof typeof P;

interface Row {
	payload: Name;
	settings: Partial<FilterSettings>;
	pass: boolean;
}

const ALL_EVENTS = [
	'message_created',
	'message_updated',
	'conversation_created',
	'conversation_status_changed',
	'conversation_updated',
	'conversation_typing_on',
	'conversation_typing_off',
	'contact_created',
	'inbox_updated',
	'webwidget_triggered',
];

const T: Row[] = [
	// events
	{ payload: 'incoming', settings: {}, pass: true },
	{ payload: 'incoming', settings: { events: ['conversation_created'] }, pass: false },
	{ payload: 'updatedIncoming', settings: { events: ['message_created'] }, pass: false },
	{ payload: 'updatedIncoming', settings: { events: ['message_updated'] }, pass: true },
	{ payload: 'convCreated', settings: {}, pass: true },
	{ payload: 'convStatus', settings: { events: ['conversation_updated'] }, pass: false },
	{ payload: 'contactCreated', settings: {}, pass: true },
	{ payload: 'inboxUpdated', settings: {}, pass: true },
	{ payload: 'widget', settings: {}, pass: true },
	// inbox
	{ payload: 'incoming', settings: { inboxId: INBOX }, pass: true },
	{ payload: 'incomingOtherInbox', settings: { inboxId: INBOX }, pass: false },
	{ payload: 'convCreated', settings: { inboxId: INBOX }, pass: true },
	{ payload: 'convCreatedOtherInbox', settings: { inboxId: INBOX }, pass: false },
	{ payload: 'typingContact', settings: { inboxId: OTHER_INBOX }, pass: false },
	{ payload: 'typingContact', settings: { inboxId: INBOX }, pass: true },
	{ payload: 'widget', settings: { inboxId: INBOX }, pass: true },
	{ payload: 'widgetOtherInbox', settings: { inboxId: INBOX }, pass: false },
	{ payload: 'contactCreated', settings: { inboxId: INBOX }, pass: true },
	{ payload: 'inboxUpdated', settings: { inboxId: INBOX }, pass: true },
	// message types
	{ payload: 'incoming', settings: { messageTypes: ['incoming'] }, pass: true },
	{ payload: 'incoming', settings: { messageTypes: ['outgoing'] }, pass: false },
	{ payload: 'outgoingAgent', settings: { messageTypes: ['incoming'] }, pass: false },
	{ payload: 'outgoingAgent', settings: { messageTypes: ['incoming', 'outgoing'] }, pass: true },
	{ payload: 'template', settings: { messageTypes: ['template'] }, pass: true },
	{ payload: 'template', settings: { messageTypes: ['incoming', 'outgoing'] }, pass: false },
	{ payload: 'template', settings: {}, pass: true },
	{ payload: 'convCreated', settings: { messageTypes: ['incoming'] }, pass: true },
	// private notes
	{ payload: 'privateNote', settings: {}, pass: false },
	{ payload: 'privateNote', settings: { includePrivate: true }, pass: true },
	{ payload: 'privateNote', settings: { includePrivate: true, messageTypes: ['incoming'] }, pass: false },
	{ payload: 'typingPrivate', settings: {}, pass: false },
	{ payload: 'typingPrivate', settings: { includePrivate: true }, pass: true },
	// sender types
	{ payload: 'incoming', settings: { senderTypes: ['contact'] }, pass: true },
	{ payload: 'incoming', settings: { senderTypes: ['user'] }, pass: false },
	{ payload: 'outgoingAgent', settings: { senderTypes: ['user'] }, pass: true },
	{ payload: 'outgoingAgent', settings: { senderTypes: ['contact', 'agent_bot'] }, pass: false },
	{ payload: 'outgoingBot', settings: { senderTypes: ['agent_bot'] }, pass: true },
	{ payload: 'outgoingBot', settings: { senderTypes: ['contact'] }, pass: false },
	{ payload: 'typingContact', settings: { senderTypes: ['contact'] }, pass: true },
	{ payload: 'typingContact', settings: { senderTypes: ['user'] }, pass: false },
	{ payload: 'convCreated', settings: { senderTypes: ['user'] }, pass: true },
	// conversation status
	{ payload: 'incoming', settings: { conversationStatuses: ['open'] }, pass: true },
	{ payload: 'incomingResolved', settings: { conversationStatuses: ['open', 'pending'] }, pass: false },
	{ payload: 'convStatus', settings: { conversationStatuses: ['resolved'] }, pass: true },
	{ payload: 'convStatus', settings: { conversationStatuses: ['open'] }, pass: false },
	{ payload: 'contactCreated', settings: { conversationStatuses: ['open'] }, pass: true },
	// labels (any of)
	{ payload: 'incoming', settings: { labels: ['vip'] }, pass: true },
	{ payload: 'incoming', settings: { labels: ['billing', 'vip'] }, pass: true },
	{ payload: 'incoming', settings: { labels: ['billing'] }, pass: false },
	{ payload: 'incomingNoLabels', settings: { labels: ['vip'] }, pass: false },
	{ payload: 'convUpdatedLabels', settings: { labels: ['billing'] }, pass: true },
	{ payload: 'convUpdatedLabels', settings: { labels: ['vip'] }, pass: false },
	{ payload: 'typingContact', settings: { labels: ['vip'] }, pass: true },
	// loop guard (credential's own user)
	{ payload: 'outgoingOwn', settings: {}, pass: false },
	{ payload: 'outgoingOwn', settings: { ignoreOwnMessages: false }, pass: true },
	{ payload: 'outgoingOwn', settings: { ownUserId: undefined }, pass: true },
	{ payload: 'outgoingAgent', settings: {}, pass: true },
	{ payload: 'typingOwn', settings: {}, pass: false },
	{ payload: 'typingOwn', settings: { ignoreOwnMessages: false }, pass: true },
	{ payload: 'incoming', settings: { ownUserId: contact.id }, pass: true },
	{ payload: 'outgoingBot', settings: { ownUserId: botSender.id }, pass: true },
	// combinations
	{ payload: 'incoming', settings: { inboxId: INBOX, messageTypes: ['incoming'], senderTypes: ['contact'], conversationStatuses: ['open'], labels: ['vip'] }, pass: true },
	{ payload: 'incomingOtherInbox', settings: { messageTypes: ['incoming'], senderTypes: ['contact'] }, pass: true },
	{ payload: 'outgoingOwn', settings: { messageTypes: ['outgoing'], senderTypes: ['user'], includePrivate: true }, pass: false },
];

const DEFAULTS: FilterSettings = {
	events: ALL_EVENTS,
	messageTypes: [],
	includePrivate: false,
	senderTypes: [],
	conversationStatuses: [],
	labels: [],
	ignoreOwnMessages: true,
	ownUserId: OWN_USER,
};

function label(row: Row): string {
	return `${row.payload} × ${JSON.stringify(row.settings)} → ${row.pass ? 'pass' : 'skip'}`;
}

describe(`Chatwoot Trigger filters: ${T.length} payload × settings rows`, () => {
	it.each(T.map((row) => [label(row), row] as const))('applyFilters: %s', (_name, row) => {
		const settings = { ...DEFAULTS, ...row.settings };
		const payload = P[row.payload] as IDataObject;
		expect(applyFilters(String(payload.event), payload, settings).pass).toBe(row.pass);
	});

	it.each(T.map((row) => [label(row), row] as const))('webhook(): %s', async (_name, row) => {
		const settings = { ...DEFAULTS, ...row.settings };
		const options: IDataObject = {};
		if (row.settings.messageTypes) options.messageTypes = settings.messageTypes;
		if (row.settings.includePrivate !== undefined) options.includePrivate = settings.includePrivate;
		if (row.settings.senderTypes) options.senderTypes = settings.senderTypes;
		if (row.settings.conversationStatuses) options.conversationStatuses = settings.conversationStatuses;
		if (row.settings.labels) options.labels = settings.labels;
		if (row.settings.ignoreOwnMessages !== undefined) options.ignoreOwnMessages = settings.ignoreOwnMessages;
		const parameters: IDataObject = {
			source: 'accountWebhook',
			events: settings.events,
			inboxId: settings.inboxId === undefined ? rl('', 'list') : rl(settings.inboxId),
			options,
		};
		const staticData: IDataObject = { source: 'accountWebhook', webhookId: 1 };
		if (settings.ownUserId !== undefined) staticData.ownUserId = settings.ownUserId;
		const body = JSON.stringify(P[row.payload]);
		const result = await deliver(parameters, staticData, { headers: { 'content-type': 'application/json' }, body });
		expect(result.status).toBe(200);
		if (row.pass) {
			expect(items(result)).toEqual([JSON.parse(body)]);
		} else {
			expect(result.workflowData).toBeUndefined();
			expect(result.responseEnded).toBe(true);
			expect(result.responseBody).toBeUndefined();
		}
	});
});

describe('Chatwoot Trigger filters: API inbox source', () => {
	it('only offers and accepts the events an API inbox sends, and filters on the configured inbox', async () => {
		const parameters = { source: 'apiInbox', inboxId: rl(INBOX, 'list'), events: ['message_created', 'contact_created'] };
		const staticData = { source: 'apiInbox', inboxId: INBOX };
		const ok = await deliver(parameters, { ...staticData }, { headers: {}, body: JSON.stringify(P.incoming) });
		expect(items(ok)).toHaveLength(1);
		const contactEvent = await deliver(parameters, { ...staticData }, { headers: {}, body: JSON.stringify(P.contactCreated) });
		expect(contactEvent.workflowData).toBeUndefined();
		const other = await deliver(parameters, { ...staticData }, { headers: {}, body: JSON.stringify(P.incomingOtherInbox) });
		expect(other.workflowData).toBeUndefined();
	});
});

describe('Chatwoot Trigger: Simplify', () => {
	const simplify = async (payload: IDataObject) => {
		const result = await deliver(
			{ source: 'accountWebhook', events: ALL_EVENTS, options: { simplify: true, includePrivate: true, ignoreOwnMessages: false } },
			{ source: 'accountWebhook', webhookId: 1 },
			{ headers: {}, body: JSON.stringify(payload) },
		);
		return items(result)[0];
	};

	it('message: flat, typed, ISO time', async () => {
		const out = await simplify({
			...P.incoming,
			attachments: [{ id: 1, message_id: 100, file_type: 'image', account_id: 1, extension: 'png', content_type: 'image/png', data_url: 'https://x/a.png', thumb_url: 'https://x/t.png', file_size: 123, width: 1, height: 1 }],
		});
		expect(out).toEqual({
			event: 'message_created',
			account: { id: 1, name: 'Acme' },
			inbox: { id: INBOX, name: 'API' },
			conversation_id: 5,
			conversation_status: 'open',
			message_id: 100,
			content: 'Hi',
			message_type: 'incoming',
			private: false,
			sender: { id: 10, name: 'Jane', type: 'contact' },
			contact: { id: 10, name: 'Jane', email: 'jane@example.com', phone_number: null, identifier: null },
			attachments: [{ id: 1, file_type: 'image', content_type: 'image/png', extension: 'png', data_url: 'https://x/a.png', thumb_url: 'https://x/t.png', file_size: 123 }],
			labels: ['vip'],
			created_at: '2026-11-26T10:00:00.000Z',
		});
	});

	it('agent message: sender is the agent, contact comes from the conversation', async () => {
		const out = await simplify(P.outgoingAgent);
		expect(out.sender).toEqual({ id: OTHER_AGENT, name: 'Agent 2', type: 'user' });
		expect(out.contact).toMatchObject({ id: 10, name: 'Jane' });
		expect(out.message_type).toBe('outgoing');
	});

	it('conversation status change: Unix time → ISO, changed_attributes as an object', async () => {
		const out = await simplify(P.convStatus);
		expect(out).toMatchObject({
			event: 'conversation_status_changed',
			inbox: { id: INBOX, name: null },
			conversation_id: 5,
			conversation_status: 'resolved',
			message_id: null,
			content: null,
			message_type: null,
			private: false,
			sender: null,
			contact: { id: 10, name: 'Jane' },
			attachments: [],
			created_at: new Date(1795700000 * 1000).toISOString(),
			changed_attributes: { status: { previous_value: 'open', current_value: 'resolved' } },
		});
	});

	it('contact event and typing event', async () => {
		expect(await simplify(P.contactCreated)).toMatchObject({ event: 'contact_created', contact: { id: 10 }, conversation_id: null, inbox: null, labels: [] });
		expect(await simplify(P.typingPrivate)).toMatchObject({ event: 'conversation_typing_off', private: true, sender: { id: OTHER_AGENT, type: 'user' }, conversation_id: 5 });
	});
});
