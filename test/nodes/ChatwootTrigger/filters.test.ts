import type { IDataObject } from 'n8n-workflow';

import { applyFilters } from '../../../nodes/ChatwootTrigger/filters';
import type { FilterSettings } from '../../../nodes/ChatwootTrigger/filters';
import { deliver, items, primeSecret, rl, signedDelivery } from './setup';

const SECRET = 'filters-secret-7Hq2Lx9Pz';

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
	// Message#update_contact_activity → Contact#dispatch_update_event: only last_activity_at and updated_at change
	contactActivity: {
		event: 'contact_updated',
		...contact,
		changed_attributes: [
			{ last_activity_at: { previous_value: '2026-11-26T09:00:00.000Z', current_value: '2026-11-26T10:00:00.000Z' } },
			{ updated_at: { previous_value: '2026-11-26T09:00:00.000Z', current_value: '2026-11-26T10:00:00.000Z' } },
		],
	},
	contactEdited: {
		event: 'contact_updated',
		...contact,
		changed_attributes: [
			{ name: { previous_value: 'J', current_value: 'Jane' } },
			{ updated_at: { previous_value: '2026-11-26T09:00:00.000Z', current_value: '2026-11-26T10:00:00.000Z' } },
		],
	},
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
	'contact_updated',
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
	// contact activity (Chatwoot sends contact_updated after every incoming message)
	{ payload: 'contactActivity', settings: {}, pass: false },
	{ payload: 'contactActivity', settings: { ignoreContactActivity: false }, pass: true },
	{ payload: 'contactEdited', settings: {}, pass: true },
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
	ignoreContactActivity: true,
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
		if (row.settings.ignoreContactActivity !== undefined) options.ignoreContactActivity = settings.ignoreContactActivity;
		const parameters: IDataObject = {
			source: 'accountWebhook',
			events: settings.events,
			inboxId: settings.inboxId === undefined ? rl('', 'list') : rl(settings.inboxId),
			options,
		};
		const staticData: IDataObject = { source: 'accountWebhook', webhookId: 1 };
		if (settings.ownUserId !== undefined) staticData.ownUserId = settings.ownUserId;
		const body = JSON.stringify(P[row.payload]);
		primeSecret('webhook:1', SECRET);
		const result = await deliver(parameters, staticData, signedDelivery(body, SECRET));
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
		primeSecret(`inbox:${INBOX}`, SECRET);
		const ok = await deliver(parameters, { ...staticData }, signedDelivery(JSON.stringify(P.incoming), SECRET));
		expect(items(ok)).toHaveLength(1);
		const contactEvent = await deliver(parameters, { ...staticData }, signedDelivery(JSON.stringify(P.contactCreated), SECRET));
		expect(contactEvent.workflowData).toBeUndefined();
		const other = await deliver(parameters, { ...staticData }, signedDelivery(JSON.stringify(P.incomingOtherInbox), SECRET));
		expect(other.workflowData).toBeUndefined();
	});
});

describe('Chatwoot Trigger: Simplify', () => {
	const simplify = async (payload: IDataObject) => {
		primeSecret('webhook:1', SECRET);
		const result = await deliver(
			{ source: 'accountWebhook', events: ALL_EVENTS, options: { simplify: true, includePrivate: true, ignoreOwnMessages: false } },
			{ source: 'accountWebhook', webhookId: 1 },
			signedDelivery(JSON.stringify(payload), SECRET),
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

describe('Chatwoot Trigger: inbox events carry no channel credentials', () => {
	// Inbox::EventDataPresenter#push_data sends the raw channel row as `channel` (app/presenters/inbox/event_data_presenter.rb)
	const apiChannel = { id: 7, account_id: 1, webhook_url: 'https://crm.example.com/hook', identifier: 'inbox-ident', hmac_token: 'HMAC-abc', hmac_mandatory: false, secret: 'SIGNING-xyz', additional_attributes: {} };
	const emailChannel = { id: 8, email: 'help@acme.test', imap_login: 'help', imap_password: 'IMAP-pw', smtp_password: 'SMTP-pw', provider_config: { access_token: 'OAUTH-a', refresh_token: 'OAUTH-r', expires_on: '2027-01-01' } };
	const widgetChannel = { id: 9, website_url: 'https://acme.test', website_token: 'public-widget-token', hmac_token: 'WIDGET-HMAC' };

	it.each([
		['API', apiChannel, ['SIGNING-xyz', 'HMAC-abc'], { webhook_url: 'https://crm.example.com/hook', identifier: 'inbox-ident', hmac_mandatory: false }],
		['e-mail', emailChannel, ['IMAP-pw', 'SMTP-pw', 'OAUTH-a', 'OAUTH-r'], { imap_login: 'help', provider_config: { expires_on: '2027-01-01' } }],
		['web widget', widgetChannel, ['WIDGET-HMAC'], { website_token: 'public-widget-token' }],
	])('%s channel: secrets removed, the rest kept', async (_name, channel, secrets, kept) => {
		primeSecret('webhook:1', SECRET);
		for (const event of ['inbox_created', 'inbox_updated']) {
			const payload = { event, channel, account, greeting_enabled: false, changed_attributes: event === 'inbox_updated' ? [{ name: { previous_value: 'a', current_value: 'b' } }] : undefined };
			const result = await deliver(
				{ source: 'accountWebhook', events: ['inbox_created', 'inbox_updated'] },
				{ source: 'accountWebhook', webhookId: 1 },
				signedDelivery(JSON.stringify(payload), SECRET),
			);
			const [out] = items(result);
			expect(out).toMatchObject({ event, channel: kept });
			for (const secret of secrets) expect(JSON.stringify(out)).not.toContain(secret);
		}
	});
});
