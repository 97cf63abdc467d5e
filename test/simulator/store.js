'use strict';
// In-memory "database": plain arrays per table (exposed as sim.db) + id maps / secondary indexes.
// Records are stored in a Chatwoot-DB-like snake_case shape; timestamps are epoch MILLISECONDS.
const { randomToken, urlsafeToken, uuid } = require('./util');

const TABLES = [
	'accounts',
	'users',
	'agentBots',
	'inboxes',
	'inboxMembers',
	'contacts',
	'contactInboxes',
	'conversations',
	'messages',
	'labels',
	'teams',
	'webhooks',
	'attachments',
	'customAttributeDefinitions',
	// Platform API (routes-platform.js)
	'platformApps',
	'platformAppPermissibles',
	// automation, reports and help center (routes-automation.js, routes-reports.js, routes-helpcenter.js)
	'automationRules',
	'macros',
	'campaigns',
	'reportingEvents',
	'csatSurveyResponses',
	'auditLogs',
	'portals',
	'categories',
	'articles',
	// issue 14 (routes-settings.js)
	'cannedResponses',
	'notes',
	'customFilters',
	'integrationHooks',
	'conversationParticipants',
	'transcripts',
];

const CHANNEL_TYPES = {
	api: 'Channel::Api',
	web_widget: 'Channel::WebWidget',
	email: 'Channel::Email',
};

class Store {
	constructor(clock) {
		this.clock = clock;
		this.reset();
	}

	now() {
		return this.clock.now();
	}

	reset() {
		/** @type {Record<string, any[]>} */
		this.db = {};
		this.byId = {};
		this.nextId = {};
		for (const t of TABLES) {
			this.db[t] = [];
			this.byId[t] = new Map();
			this.nextId[t] = 1;
		}
		this.tokens = new Map(); // access token -> { kind: 'user'|'bot'|'platform_app', record }
		this.accountUserIds = new Map(); // `${accountId}:${userId}` -> account_users id (Platform API JSON)
		this.nextDisplayId = new Map(); // accountId -> next display id
		this.nextChannelId = new Map(); // channel type -> next channel id
		this.convByDisplay = new Map(); // `${accountId}:${displayId}` -> conversation
		this.messagesByConv = new Map(); // conversation db id -> message[] (ascending id)
		this.ciBySource = new Map(); // source_id -> contactInbox[]
		this.ciByContact = new Map(); // contact id -> contactInbox[]
		this.inboxByIdentifier = new Map(); // api inbox identifier -> inbox
		this.attachmentsByKey = new Map(); // blob key -> attachment
	}

	// ---------- generic ----------
	insert(table, rec) {
		if (rec.id == null) rec.id = this.nextId[table]++;
		else if (rec.id >= this.nextId[table]) this.nextId[table] = rec.id + 1;
		this.db[table].push(rec);
		this.byId[table].set(rec.id, rec);
		return rec;
	}

	remove(table, rec) {
		if (!rec || !this.byId[table].has(rec.id)) return;
		this.byId[table].delete(rec.id);
		const arr = this.db[table];
		const i = arr.indexOf(rec);
		if (i >= 0) arr.splice(i, 1);
	}

	get(table, id) {
		if (id === undefined || id === null || id === '') return undefined;
		return this.byId[table].get(Number(id));
	}

	// ---------- lookups ----------
	account(id) {
		return this.get('accounts', id);
	}
	user(id) {
		return this.get('users', id);
	}
	inbox(id) {
		return this.get('inboxes', id);
	}
	contact(id) {
		return this.get('contacts', id);
	}
	team(id) {
		return this.get('teams', id);
	}
	bot(id) {
		return this.get('agentBots', id);
	}
	inAccount(table, accountId, id) {
		const r = this.get(table, id);
		return r && r.account_id === Number(accountId) ? r : undefined;
	}
	conversationByDisplay(accountId, displayId) {
		return this.convByDisplay.get(`${Number(accountId)}:${Number(displayId)}`);
	}
	messagesOf(conv) {
		let arr = this.messagesByConv.get(conv.id);
		if (!arr) {
			arr = [];
			this.messagesByConv.set(conv.id, arr);
		}
		return arr;
	}
	accountUsers(accountId) {
		accountId = Number(accountId);
		return this.db.users.filter((u) => u.account_ids.includes(accountId));
	}
	roleIn(user, accountId) {
		return (user.roles && user.roles[Number(accountId)]) || user.role;
	}
	inboxMemberIds(inboxId) {
		const out = [];
		for (const m of this.db.inboxMembers) if (m.inbox_id === inboxId) out.push(m.user_id);
		return out;
	}
	isInboxMember(inboxId, userId) {
		return this.db.inboxMembers.some((m) => m.inbox_id === inboxId && m.user_id === userId);
	}
	contactInboxesOf(contactId) {
		return [...(this.ciByContact.get(contactId) || [])];
	}
	contactInboxBySource(inboxId, sourceId) {
		const list = this.ciBySource.get(String(sourceId));
		if (!list) return undefined;
		return inboxId == null ? list[0] : list.find((ci) => ci.inbox_id === Number(inboxId));
	}
	contactInboxFor(contactId, inboxId) {
		const list = this.ciByContact.get(contactId);
		return list ? list.find((ci) => ci.inbox_id === inboxId) : undefined;
	}
	moveContactInbox(ci, contactId) {
		this.unindexCiContact(ci);
		ci.contact_id = contactId;
		this.indexCiContact(ci);
	}
	indexCiContact(ci) {
		let list = this.ciByContact.get(ci.contact_id);
		if (!list) this.ciByContact.set(ci.contact_id, (list = []));
		list.push(ci);
	}
	unindexCiContact(ci) {
		const list = this.ciByContact.get(ci.contact_id);
		if (!list) return;
		const i = list.indexOf(ci);
		if (i >= 0) list.splice(i, 1);
		if (!list.length) this.ciByContact.delete(ci.contact_id);
	}

	// ---------- low level creators (used by seeding and by the API services) ----------
	createAccount({ name = 'Account', locale = 'en', status = 'active' } = {}) {
		const now = this.now();
		return this.insert('accounts', {
			name,
			locale,
			status,
			domain: null,
			support_email: null,
			custom_attributes: {},
			settings: {},
			features: {},
			created_at: now,
			updated_at: now,
		});
	}

	createUser({ name, email, role = 'administrator', accountIds = [], accessToken, availability = 'online', id } = {}) {
		const now = this.now();
		const n = this.nextId.users;
		const rec = this.insert('users', {
			id,
			name: name || `User ${n}`,
			display_name: null,
			email: (email || `user${n}@example.test`).toLowerCase(),
			role,
			roles: {},
			account_ids: accountIds.map(Number),
			access_token: accessToken || randomToken(24),
			pubsub_token: randomToken(24),
			availability,
			auto_offline: true,
			confirmed: true,
			created_at: now,
			updated_at: now,
		});
		for (const a of rec.account_ids) rec.roles[a] = role;
		this.tokens.set(rec.access_token, { kind: 'user', record: rec });
		return rec;
	}

	createAgentBot({ name, accountId = null, outgoingUrl = null, accessToken, description = null, secret } = {}) {
		const now = this.now();
		const rec = this.insert('agentBots', {
			name: name === undefined ? 'Bot' : name,
			description,
			outgoing_url: outgoingUrl,
			account_id: accountId == null ? null : Number(accountId),
			bot_type: 'webhook',
			bot_config: {},
			access_token: accessToken || randomToken(24),
			secret: secret || urlsafeToken(),
			created_at: now,
			updated_at: now,
		});
		this.tokens.set(rec.access_token, { kind: 'bot', record: rec });
		return rec;
	}

	createInbox({ accountId, name, channelType = 'api', webhookUrl = null, hmacMandatory = false, websiteUrl, email, greetingEnabled = false, greetingMessage = null, enableAutoAssignment = true, inboxIdentifier, hmacToken, secret } = {}) {
		const now = this.now();
		const type = CHANNEL_TYPES[channelType] || channelType;
		if (!Object.values(CHANNEL_TYPES).includes(type)) throw new Error(`unsupported channelType ${channelType}`);
		const channelId = this.nextChannelId.get(type) || 1;
		this.nextChannelId.set(type, channelId + 1);
		const rec = {
			account_id: Number(accountId),
			name: name || 'Inbox',
			channel_type: type,
			channel_id: channelId,
			greeting_enabled: greetingEnabled,
			greeting_message: greetingMessage,
			working_hours_enabled: false,
			enable_email_collect: true,
			csat_survey_enabled: false,
			enable_auto_assignment: enableAutoAssignment,
			auto_assignment_config: {},
			out_of_office_message: null,
			timezone: 'UTC',
			allow_messages_after_resolved: true,
			lock_to_single_conversation: false,
			sender_name_type: 'friendly',
			business_name: null,
			agent_bot_id: null,
			// channel columns
			webhook_url: null,
			hmac_mandatory: !!hmacMandatory,
			hmac_token: null,
			inbox_identifier: null,
			secret: null,
			website_url: null,
			website_token: null,
			widget_color: null,
			email: null,
			created_at: now,
			updated_at: now,
		};
		if (type === 'Channel::Api') {
			rec.webhook_url = webhookUrl || null;
			rec.hmac_token = hmacToken || randomToken(24);
			rec.inbox_identifier = inboxIdentifier || randomToken(24);
			rec.secret = secret || urlsafeToken();
		} else if (type === 'Channel::WebWidget') {
			rec.hmac_token = randomToken(24);
			rec.website_url = websiteUrl || 'https://example.test';
			rec.website_token = randomToken(24);
			rec.widget_color = '#1f93ff';
		} else if (type === 'Channel::Email') {
			rec.email = email || `support${channelId}@example.test`;
		}
		this.insert('inboxes', rec);
		if (rec.inbox_identifier) this.inboxByIdentifier.set(rec.inbox_identifier, rec);
		return rec;
	}

	addInboxMember(inboxId, userId) {
		inboxId = Number(inboxId);
		userId = Number(userId);
		const existing = this.db.inboxMembers.find((m) => m.inbox_id === inboxId && m.user_id === userId);
		if (existing) return existing;
		return this.insert('inboxMembers', { inbox_id: inboxId, user_id: userId, created_at: this.now() });
	}

	removeInboxMember(inboxId, userId) {
		const m = this.db.inboxMembers.find((x) => x.inbox_id === Number(inboxId) && x.user_id === Number(userId));
		this.remove('inboxMembers', m);
	}

	createContact(attrs) {
		const now = this.now();
		const rec = {
			account_id: Number(attrs.accountId ?? attrs.account_id),
			name: attrs.name ?? '',
			email: attrs.email ? String(attrs.email).toLowerCase() : null,
			phone_number: attrs.phone_number || null,
			identifier: attrs.identifier || null,
			blocked: !!attrs.blocked,
			custom_attributes: attrs.custom_attributes || {},
			additional_attributes: attrs.additional_attributes || {},
			labels: attrs.labels ? [...attrs.labels] : [],
			contact_type: attrs.email || attrs.phone_number || attrs.identifier ? 'lead' : 'visitor',
			last_activity_at: attrs.last_activity_at ?? null,
			created_at: attrs.created_at ?? now,
			updated_at: now,
		};
		return this.insert('contacts', rec);
	}

	createContactInbox({ contactId, inboxId, sourceId, hmacVerified = false }) {
		const now = this.now();
		const rec = this.insert('contactInboxes', {
			contact_id: Number(contactId),
			inbox_id: Number(inboxId),
			source_id: sourceId != null && sourceId !== '' ? String(sourceId) : uuid(),
			hmac_verified: !!hmacVerified,
			pubsub_token: randomToken(24),
			created_at: now,
			updated_at: now,
		});
		let list = this.ciBySource.get(rec.source_id);
		if (!list) this.ciBySource.set(rec.source_id, (list = []));
		list.push(rec);
		this.indexCiContact(rec);
		return rec;
	}

	/** ContactInboxBuilder#update_old_contact_inbox: a taken source_id is renamed (email/SMS channels) */
	renameContactInboxSource(ci, sourceId) {
		const list = this.ciBySource.get(ci.source_id);
		if (list) {
			const i = list.indexOf(ci);
			if (i >= 0) list.splice(i, 1);
			if (!list.length) this.ciBySource.delete(ci.source_id);
		}
		ci.source_id = String(sourceId);
		ci.updated_at = this.now();
		let next = this.ciBySource.get(ci.source_id);
		if (!next) this.ciBySource.set(ci.source_id, (next = []));
		next.push(ci);
	}

	removeContactInbox(ci) {
		this.remove('contactInboxes', ci);
		this.unindexCiContact(ci);
		const list = this.ciBySource.get(ci.source_id);
		if (list) {
			const i = list.indexOf(ci);
			if (i >= 0) list.splice(i, 1);
			if (!list.length) this.ciBySource.delete(ci.source_id);
		}
	}

	createConversation({ accountId, inboxId, contactId, contactInboxId, status = 'open', assigneeId = null, teamId = null, labels = [], priority = null, custom_attributes = {}, additional_attributes = {}, snoozedUntil = null }) {
		const now = this.now();
		accountId = Number(accountId);
		const displayId = this.nextDisplayId.get(accountId) || 1;
		this.nextDisplayId.set(accountId, displayId + 1);
		const rec = this.insert('conversations', {
			display_id: displayId,
			account_id: accountId,
			inbox_id: Number(inboxId),
			contact_id: Number(contactId),
			contact_inbox_id: contactInboxId == null ? null : Number(contactInboxId),
			uuid: uuid(),
			status,
			assignee_id: assigneeId == null ? null : Number(assigneeId),
			assignee_agent_bot_id: null,
			team_id: teamId == null ? null : Number(teamId),
			labels: [...labels],
			priority,
			custom_attributes: { ...custom_attributes },
			additional_attributes: { ...additional_attributes },
			snoozed_until: snoozedUntil,
			muted: false,
			agent_last_seen_at: null,
			assignee_last_seen_at: null,
			contact_last_seen_at: null,
			first_reply_created_at: null,
			waiting_since: now,
			last_activity_at: now,
			created_at: now,
			updated_at: now,
		});
		this.convByDisplay.set(`${accountId}:${displayId}`, rec);
		this.messagesByConv.set(rec.id, []);
		return rec;
	}

	removeConversation(conv) {
		for (const m of [...this.messagesOf(conv)]) this.removeMessage(m);
		this.messagesByConv.delete(conv.id);
		this.convByDisplay.delete(`${conv.account_id}:${conv.display_id}`);
		this.remove('conversations', conv);
	}

	insertMessage(conv, attrs) {
		const now = this.now();
		const rec = this.insert('messages', {
			account_id: conv.account_id,
			inbox_id: conv.inbox_id,
			conversation_id: conv.id,
			conversation_display_id: conv.display_id,
			content: attrs.content ?? null,
			message_type: attrs.message_type || 'outgoing',
			content_type: attrs.content_type || 'text',
			content_attributes: attrs.content_attributes || {},
			additional_attributes: attrs.additional_attributes || {},
			private: !!attrs.private,
			status: attrs.status || 'sent',
			source_id: attrs.source_id ?? null,
			echo_id: attrs.echo_id ?? null,
			sender_type: attrs.sender_type ?? null,
			sender_id: attrs.sender_id ?? null,
			external_error: null,
			attachment_ids: [],
			created_at: attrs.created_at ?? now,
			updated_at: now,
		});
		this.messagesOf(conv).push(rec);
		return rec;
	}

	removeMessage(m) {
		for (const aid of m.attachment_ids) this.removeAttachment(this.get('attachments', aid));
		const arr = this.messagesByConv.get(m.conversation_id);
		if (arr) {
			const i = arr.indexOf(m);
			if (i >= 0) arr.splice(i, 1);
		}
		this.remove('messages', m);
	}

	createAttachment(message, { filename, contentType, data, fileType: givenType, externalUrl }) {
		const ext = filename && filename.includes('.') ? filename.split('.').pop().toLowerCase() : null;
		const ct = contentType || 'application/octet-stream';
		let fileType = 'file';
		if (ct.startsWith('image/')) fileType = 'image';
		else if (ct.startsWith('audio/')) fileType = 'audio';
		else if (ct.startsWith('video/')) fileType = 'video';
		if (givenType) fileType = givenType;
		const rec = this.insert('attachments', {
			message_id: message.id,
			account_id: message.account_id,
			file_type: fileType,
			extension: ext,
			content_type: ct,
			filename: filename || 'file',
			file_size: data.length,
			// No stored file, only a URL the channel passed on (location, fallback, shares, Instagram).
			external_url: externalUrl || null,
			key: randomToken(28),
			data,
			created_at: this.now(),
		});
		this.attachmentsByKey.set(rec.key, rec);
		message.attachment_ids.push(rec.id);
		return rec;
	}

	removeAttachment(a) {
		if (!a) return;
		this.attachmentsByKey.delete(a.key);
		this.remove('attachments', a);
	}

	createLabel({ accountId, title, description = '', color = '#1f93ff', showOnSidebar = true }) {
		const now = this.now();
		return this.insert('labels', {
			account_id: Number(accountId),
			title: String(title).toLowerCase(),
			description,
			color,
			show_on_sidebar: showOnSidebar,
			created_at: now,
			updated_at: now,
		});
	}

	createTeam({ accountId, name, description = null, allowAutoAssign = true, memberIds = [] }) {
		const now = this.now();
		return this.insert('teams', {
			account_id: Number(accountId),
			name: String(name).toLowerCase(),
			description,
			allow_auto_assign: allowAutoAssign,
			member_ids: memberIds.map(Number),
			created_at: now,
			updated_at: now,
		});
	}

	createWebhook({ accountId, url, subscriptions, name = null, inboxId = null, secret }) {
		const now = this.now();
		return this.insert('webhooks', {
			account_id: Number(accountId),
			url,
			name,
			subscriptions: [...subscriptions],
			inbox_id: inboxId == null ? null : Number(inboxId),
			webhook_type: 'account_type',
			secret: secret || urlsafeToken(),
			created_at: now,
			updated_at: now,
		});
	}

	removeUserToken(rec) {
		this.tokens.delete(rec.access_token);
	}
}

module.exports = { Store, TABLES, CHANNEL_TYPES };
