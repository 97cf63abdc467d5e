'use strict';
// Synchronous seeding helpers (no webhooks fired). Each returns the stored record.
const { ALLOWED_WEBHOOK_EVENTS } = require('./webhooks');
const platform = require('./routes-platform');

function createSeeder(store, X) {
	const need = (cond, msg) => {
		if (!cond) throw new Error(`seed: ${msg}`);
	};
	const account = (accountId) => {
		const a = store.account(accountId);
		need(a, `account ${accountId} not found`);
		return a;
	};

	const seed = {
		account({ name = 'Acme', locale, status, apiAccess = true } = {}) {
			const a = store.createAccount({ name, locale, status });
			// Chatwoot Cloud (>= 4.16) plans without the `api_and_webhooks` feature
			if (apiAccess === false) a.features = { ...a.features, api_and_webhooks: false };
			return a;
		},
		user({ name, email, role = 'administrator', accountIds = [], accessToken } = {}) {
			for (const a of accountIds) account(a);
			need(!email || !store.db.users.some((u) => u.email === String(email).toLowerCase()), `user email ${email} already exists`);
			need(!accessToken || !store.tokens.has(accessToken), `access token already used`);
			need(role === 'administrator' || role === 'agent', `role must be administrator|agent`);
			return store.createUser({ name, email, role, accountIds, accessToken });
		},
		agentBot({ name, accountId = null, outgoingUrl = null, accessToken, description, inboxIds = [] } = {}) {
			if (accountId != null) account(accountId);
			need(!accessToken || !store.tokens.has(accessToken), `access token already used`);
			const b = store.createAgentBot({ name, accountId, outgoingUrl, accessToken, description });
			for (const id of inboxIds) {
				const i = store.inbox(id);
				need(i, `inbox ${id} not found`);
				i.agent_bot_id = b.id;
			}
			return b;
		},
		inbox({ accountId, name, channelType = 'api', webhookUrl = null, hmacMandatory = false, memberIds = [], agentBotId = null, websiteUrl, email, inboxIdentifier, hmacToken, secret } = {}) {
			account(accountId);
			need(!inboxIdentifier || !store.inboxByIdentifier.has(inboxIdentifier), `inbox identifier ${inboxIdentifier} already used`);
			const i = store.createInbox({ accountId, name: name || (channelType === 'api' ? 'API Inbox' : 'Inbox'), channelType, webhookUrl, hmacMandatory, websiteUrl, email, inboxIdentifier, hmacToken, secret });
			for (const uid of memberIds) store.addInboxMember(i.id, uid);
			if (agentBotId != null) i.agent_bot_id = Number(agentBotId);
			return i;
		},
		inboxMember({ inboxId, userId }) {
			need(store.inbox(inboxId), `inbox ${inboxId} not found`);
			need(store.user(userId), `user ${userId} not found`);
			return store.addInboxMember(inboxId, userId);
		},
		contact(args = {}) {
			const { accountId, inboxId, sourceId, labels } = args;
			account(accountId);
			const attrs = X.contactAttrsFrom(args);
			for (const k of ['email', 'phone_number', 'identifier']) if (attrs[k] === '') attrs[k] = null;
			X.validateContact(accountId, attrs);
			const c = store.createContact({ accountId, ...attrs, labels, blocked: args.blocked });
			if (inboxId != null) {
				const i = store.inbox(inboxId);
				need(i && i.account_id === c.account_id, `inbox ${inboxId} not found in account`);
				const ci = X.findOrCreateContactInbox(c, i, sourceId);
				Object.defineProperty(c, 'contact_inbox', { value: ci, enumerable: false, configurable: true, writable: true });
			}
			return c;
		},
		contactInbox({ contactId, inboxId, sourceId, hmacVerified = false }) {
			const c = store.contact(contactId);
			const i = store.inbox(inboxId);
			need(c && i, 'contact/inbox not found');
			const ci = X.findOrCreateContactInbox(c, i, sourceId);
			if (hmacVerified) ci.hmac_verified = true;
			return ci;
		},
		conversation({ accountId, inboxId, contactId, sourceId, status = 'open', assigneeId = null, teamId = null, labels = [], priority = null, custom_attributes = {}, additional_attributes = {} } = {}) {
			account(accountId);
			const inbox = store.inbox(inboxId);
			need(inbox && inbox.account_id === Number(accountId), `inbox ${inboxId} not found in account ${accountId}`);
			let contact = contactId != null ? store.contact(contactId) : null;
			need(contactId == null || contact, `contact ${contactId} not found`);
			if (!contact) contact = store.createContact({ accountId, name: `Visitor ${store.nextId.contacts}` });
			let ci = sourceId ? store.contactInboxBySource(inbox.id, sourceId) : store.contactInboxFor(contact.id, inbox.id);
			if (!ci) ci = store.createContactInbox({ contactId: contact.id, inboxId: inbox.id, sourceId });
			return store.createConversation({ accountId, inboxId: inbox.id, contactId: contact.id, contactInboxId: ci.id, status, assigneeId, teamId, labels, priority, custom_attributes, additional_attributes });
		},
		message({ accountId, conversationId, content, message_type = 'incoming', private: isPrivate = false, senderType, senderId, content_type = 'text', content_attributes = {}, attachments = [] } = {}) {
			const conv = store.conversationByDisplay(accountId, conversationId);
			need(conv, `conversation display_id ${conversationId} not found in account ${accountId}`);
			let sender_type = null;
			let sender_id = null;
			const st = senderType || (message_type === 'incoming' ? 'contact' : message_type === 'activity' ? null : 'user');
			if (st === 'contact') {
				sender_type = 'Contact';
				sender_id = senderId != null ? Number(senderId) : conv.contact_id;
			} else if (st === 'user') {
				sender_type = 'User';
				let uid = senderId != null ? Number(senderId) : conv.assignee_id;
				if (uid == null) {
					const admin = store.db.users.find((u) => u.account_ids.includes(conv.account_id) && store.roleIn(u, conv.account_id) === 'administrator');
					uid = admin ? admin.id : null;
				}
				if (uid == null) sender_type = null;
				sender_id = uid;
			} else if (st === 'agent_bot') {
				sender_type = 'AgentBot';
				sender_id = senderId != null ? Number(senderId) : null;
			}
			const m = store.insertMessage(conv, { content, message_type, private: isPrivate, content_type, content_attributes, sender_type, sender_id });
			for (const a of attachments) store.createAttachment(m, { filename: a.filename, contentType: a.contentType, data: Buffer.isBuffer(a.data) ? a.data : Buffer.from(a.data || ''), fileType: a.fileType, externalUrl: a.externalUrl });
			if (message_type !== 'activity') {
				if (!isPrivate || message_type === 'incoming') conv.last_activity_at = m.created_at;
				if (message_type === 'incoming') {
					const c = store.contact(conv.contact_id);
					if (c) c.last_activity_at = m.created_at;
				} else if (message_type === 'outgoing' && !isPrivate && sender_type === 'User' && !conv.first_reply_created_at) {
					conv.first_reply_created_at = m.created_at;
					conv.waiting_since = null;
				}
				conv.updated_at = m.created_at;
			}
			return m;
		},
		label({ accountId, title, description = '', color = '#1f93ff', showOnSidebar = true }) {
			account(accountId);
			need(title, 'label title required');
			need(!store.db.labels.some((l) => l.account_id === Number(accountId) && l.title === String(title).toLowerCase()), `label ${title} exists`);
			return store.createLabel({ accountId, title, description, color, showOnSidebar });
		},
		team({ accountId, name, description = null, memberIds = [], allowAutoAssign = true }) {
			account(accountId);
			return store.createTeam({ accountId, name, description, memberIds, allowAutoAssign });
		},
		webhook({ accountId, url, subscriptions = ALLOWED_WEBHOOK_EVENTS, name = null, inboxId = null, secret }) {
			account(accountId);
			need(url, 'webhook url required');
			return store.createWebhook({ accountId, url, subscriptions, name, inboxId, secret });
		},
		/** A Platform App (Super Admin → Platform Apps) and its token; `owns: [{ type: 'Account'|'User'|'AgentBot', id }]` */
		platformApp({ name = 'Platform App', accessToken, owns = [] } = {}) {
			need(!accessToken || !store.tokens.has(accessToken), `access token already used`);
			const app = platform.createPlatformApp(store, { name, accessToken });
			for (const { type, id } of owns) seed.platformAppPermissible({ platformAppId: app.id, type, id });
			return app;
		},
		/** Lets a Platform App use a record it did not create (a platform_app_permissibles row). */
		platformAppPermissible({ platformAppId, type, id }) {
			const app = store.get('platformApps', platformAppId);
			need(app, `platform app ${platformAppId} not found`);
			const table = { Account: 'accounts', User: 'users', AgentBot: 'agentBots' }[type];
			need(table && store.get(table, id), `${type} ${id} not found`);
			return platform.permit(store, app, type, id);
		},
		customAttribute({ accountId, attributeKey, attributeModel = 'contact_attribute', displayName, displayType = 'text' }) {
			account(accountId);
			const now = store.now();
			return store.insert('customAttributeDefinitions', {
				account_id: Number(accountId),
				attribute_display_name: displayName || attributeKey,
				attribute_key: attributeKey,
				attribute_display_type: displayType,
				attribute_model: attributeModel,
				attribute_values: [],
				attribute_description: null,
				default_value: null,
				regex_pattern: null,
				regex_cue: null,
				created_at: now,
				updated_at: now,
			});
		},
	};

	seed.many = {
		/** n contacts with unique email/phone; fn(i) may return overrides */
		contacts(accountId, n, fn) {
			account(accountId);
			const out = [];
			for (let i = 0; i < n; i++) {
				const id = store.nextId.contacts;
				const base = { accountId, name: `Contact ${id}`, email: `contact${id}@example.test`, phone_number: `+1555${String(id).padStart(7, '0')}` };
				const over = fn ? fn(i) || {} : {};
				out.push(store.createContact({ ...base, ...over, accountId }));
			}
			return out;
		},
		/** n conversations in inbox, each with a fresh contact + contact_inbox */
		conversations(accountId, inboxId, n, fn) {
			const inbox = store.inbox(inboxId);
			need(inbox && inbox.account_id === Number(accountId), `inbox ${inboxId} not found in account ${accountId}`);
			const out = [];
			for (let i = 0; i < n; i++) {
				const id = store.nextId.contacts;
				const c = store.createContact({ accountId, name: `Customer ${id}`, email: `customer${id}@example.test` });
				const ci = store.createContactInbox({ contactId: c.id, inboxId });
				const over = fn ? fn(i) || {} : {};
				out.push(store.createConversation({ accountId, inboxId, contactId: c.id, contactInboxId: ci.id, ...over }));
			}
			return out;
		},
		/** n messages alternating incoming/outgoing */
		messages(accountId, displayId, n, fn) {
			const out = [];
			for (let i = 0; i < n; i++) {
				const over = fn ? fn(i) || {} : {};
				out.push(seed.message({ accountId, conversationId: displayId, content: `Message ${i + 1}`, message_type: i % 2 === 0 ? 'incoming' : 'outgoing', ...over }));
			}
			return out;
		},
	};
	return seed;
}

module.exports = { createSeeder };
