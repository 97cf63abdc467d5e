'use strict';
// Turns store records into the JSON Chatwoot renders (jbuilder views / push_event_data / webhook_data).
const { toSec, toSecOr0, toFloat, toIso } = require('./util');

const MESSAGE_TYPE_INT = { incoming: 0, outgoing: 1, activity: 2, template: 3 };
const NO_AVATAR = '';

function createSerializers(store, opts) {
	// opts: { baseUrl(): string, signing(): boolean }
	const S = {};
	const accountRef = (accountId) => {
		const a = store.account(accountId);
		return { id: accountId, name: a ? a.name : null };
	};

	// ---------- account / users / bots ----------
	S.account = (a) => ({
		id: a.id,
		name: a.name,
		locale: a.locale,
		domain: a.domain,
		support_email: a.support_email,
		status: a.status,
		features: a.features,
		settings: a.settings,
		custom_attributes: a.custom_attributes,
		created_at: toIso(a.created_at),
		cache_keys: {},
		latest_chatwoot_version: '4.15.0',
		subscribed_features: [],
	});

	S.availabilityStatus = (u) => (u.availability === 'online' ? 'online' : u.availability || 'offline');

	S.agent = (u, accountId) => ({
		id: u.id,
		account_id: Number(accountId),
		availability_status: S.availabilityStatus(u),
		auto_offline: u.auto_offline,
		confirmed: u.confirmed,
		email: u.email,
		provider: 'email',
		available_name: u.display_name || u.name,
		name: u.name,
		role: store.roleIn(u, accountId),
		thumbnail: NO_AVATAR,
		custom_role_id: null,
	});

	S.profile = (u) => {
		const first = u.account_ids[0] ?? null;
		return {
			access_token: u.access_token,
			account_id: first,
			available_name: u.display_name || u.name,
			avatar_url: NO_AVATAR,
			confirmed: u.confirmed,
			display_name: u.display_name,
			message_signature: u.message_signature ?? null,
			email: u.email,
			hmac_identifier: '',
			id: u.id,
			inviter_id: null,
			name: u.name,
			provider: 'email',
			pubsub_token: u.pubsub_token,
			custom_attributes: {},
			role: first == null ? u.role : store.roleIn(u, first),
			ui_settings: {},
			uid: u.email,
			type: null,
			accounts: u.account_ids.map((aid) => {
				const a = store.account(aid);
				return {
					id: aid,
					name: a ? a.name : null,
					status: a ? a.status : 'active',
					active_at: null,
					role: store.roleIn(u, aid),
					permissions: [store.roleIn(u, aid)],
					availability: u.availability,
					availability_status: S.availabilityStatus(u),
					auto_offline: u.auto_offline,
					custom_role_id: null,
					custom_role: null,
				};
			}),
		};
	};

	S.userPush = (u) => ({
		id: u.id,
		name: u.name,
		available_name: u.display_name || u.name,
		avatar_url: NO_AVATAR,
		type: 'user',
		availability_status: S.availabilityStatus(u),
		thumbnail: NO_AVATAR,
	});
	S.userWebhook = (u) => ({ id: u.id, name: u.name, email: u.email, type: 'user' });

	S.botPush = (b) => ({ id: b.id, name: b.name, avatar_url: NO_AVATAR, type: 'agent_bot' });
	S.botWebhook = (b) => ({ id: b.id, name: b.name, type: 'agent_bot' });
	S.botSlim = (b) => ({
		id: b.id,
		name: b.name,
		description: b.description,
		thumbnail: NO_AVATAR,
		outgoing_url: b.outgoing_url,
		bot_type: b.bot_type,
		bot_config: b.bot_config,
		account_id: b.account_id,
	});
	S.agentBot = (b, { admin = true } = {}) => {
		const out = { ...S.botSlim(b), system_bot: b.account_id == null };
		if (admin) {
			out.access_token = b.access_token;
			if (opts.signing()) out.secret = b.secret;
		}
		return out;
	};

	S.team = (t, currentUser) => ({
		id: t.id,
		name: t.name,
		description: t.description,
		allow_auto_assign: t.allow_auto_assign,
		account_id: t.account_id,
		is_member: !!(currentUser && t.member_ids.includes(currentUser.id)),
	});

	// Team#as_json (`render json: @team` in the assignments controller)
	S.teamRaw = (t) => ({
		id: t.id,
		name: t.name,
		description: t.description,
		allow_auto_assign: t.allow_auto_assign,
		account_id: t.account_id,
		created_at: toIso(t.created_at ?? 0),
		updated_at: toIso(t.updated_at ?? t.created_at ?? 0),
	});

	S.label = (l) => ({ id: l.id, title: l.title, description: l.description, color: l.color, show_on_sidebar: l.show_on_sidebar });

	S.webhook = (w) => {
		const out = { id: w.id, name: w.name, url: w.url, account_id: w.account_id, subscriptions: w.subscriptions };
		if (opts.signing()) out.secret = w.secret;
		if (w.inbox_id) {
			const i = store.inbox(w.inbox_id);
			if (i) out.inbox = { id: i.id, name: i.name };
		}
		return out;
	};

	// ---------- inboxes ----------
	S.inboxSlim = (i) => ({
		id: i.id,
		avatar_url: NO_AVATAR,
		channel_id: i.channel_id,
		name: i.name,
		channel_type: i.channel_type,
		provider: null,
	});

	S.inbox = (i, { admin = true } = {}) => {
		const out = {
			id: i.id,
			avatar_url: NO_AVATAR,
			channel_id: i.channel_id,
			name: i.name,
			channel_type: i.channel_type,
			greeting_enabled: i.greeting_enabled,
			greeting_message: i.greeting_message,
			working_hours_enabled: i.working_hours_enabled,
			enable_email_collect: i.enable_email_collect,
			csat_survey_enabled: i.csat_survey_enabled,
			enable_auto_assignment: i.enable_auto_assignment,
			auto_assignment_config: i.auto_assignment_config,
			out_of_office_message: i.out_of_office_message,
			working_hours: [],
			timezone: i.timezone,
			callback_webhook_url: null,
			allow_messages_after_resolved: i.allow_messages_after_resolved,
			lock_to_single_conversation: i.lock_to_single_conversation,
			sender_name_type: i.sender_name_type,
			business_name: i.business_name,
			widget_color: i.widget_color,
			website_url: i.website_url,
			hmac_mandatory: i.hmac_mandatory,
			welcome_title: null,
			welcome_tagline: null,
			web_widget_script: null,
			website_token: i.website_token,
			selected_feature_flags: null,
			reply_time: null,
			messaging_service_sid: null,
			phone_number: null,
		};
		if (i.channel_type === 'Channel::WebWidget') {
			if (admin) out.hmac_token = i.hmac_token;
			out.pre_chat_form_enabled = false;
			out.pre_chat_form_options = {};
			out.continuity_via_email = true;
		}
		if (i.channel_type === 'Channel::Email') {
			out.forward_to_email = `${i.email.split('@')[0]}@forward.example.test`;
			out.email = i.email;
		}
		if (i.channel_type === 'Channel::Api') {
			if (admin) {
				out.hmac_token = i.hmac_token;
				if (opts.signing()) out.secret = i.secret;
			}
			out.webhook_url = i.webhook_url;
			out.inbox_identifier = i.inbox_identifier;
			out.additional_attributes = {};
		}
		out.provider = null;
		return out;
	};

	// raw model row (as_json) - used in contact create's contact_inbox.inbox
	S.inboxRaw = (i) => ({
		id: i.id,
		channel_id: i.channel_id,
		account_id: i.account_id,
		name: i.name,
		created_at: toIso(i.created_at),
		updated_at: toIso(i.updated_at),
		channel_type: i.channel_type,
		enable_auto_assignment: i.enable_auto_assignment,
		greeting_enabled: i.greeting_enabled,
		greeting_message: i.greeting_message,
		email_address: null,
		working_hours_enabled: i.working_hours_enabled,
		out_of_office_message: i.out_of_office_message,
		timezone: i.timezone,
		enable_email_collect: i.enable_email_collect,
		csat_survey_enabled: i.csat_survey_enabled,
		allow_messages_after_resolved: i.allow_messages_after_resolved,
		auto_assignment_config: i.auto_assignment_config,
		lock_to_single_conversation: i.lock_to_single_conversation,
		portal_id: null,
		sender_name_type: i.sender_name_type,
		business_name: i.business_name,
	});

	S.channelRaw = (i) => {
		const base = { id: i.channel_id, account_id: i.account_id, created_at: toIso(i.created_at), updated_at: toIso(i.updated_at) };
		if (i.channel_type === 'Channel::Api')
			return { ...base, webhook_url: i.webhook_url, identifier: i.inbox_identifier, hmac_token: i.hmac_token, hmac_mandatory: i.hmac_mandatory, additional_attributes: {}, secret: opts.signing() ? i.secret : undefined };
		if (i.channel_type === 'Channel::WebWidget')
			return { ...base, website_url: i.website_url, website_token: i.website_token, widget_color: i.widget_color, hmac_token: i.hmac_token, hmac_mandatory: i.hmac_mandatory };
		return { ...base, email: i.email };
	};

	S.inboxWebhook = (i) => ({
		allow_messages_after_resolved: i.allow_messages_after_resolved,
		lock_to_single_conversation: i.lock_to_single_conversation,
		auto_assignment_config: i.auto_assignment_config,
		enable_auto_assignment: i.enable_auto_assignment,
		enable_email_collect: i.enable_email_collect,
		greeting_enabled: i.greeting_enabled,
		greeting_message: i.greeting_message,
		csat_survey_enabled: i.csat_survey_enabled,
		business_name: i.business_name,
		sender_name_type: i.sender_name_type,
		timezone: i.timezone,
		out_of_office_message: i.out_of_office_message,
		working_hours_enabled: i.working_hours_enabled,
		working_hours: [],
		created_at: toIso(i.created_at),
		updated_at: toIso(i.updated_at),
		// app/presenters/inbox/event_data_presenter.rb#webhook_data: no inbox id, name or channel_type; `channel` is the
		// raw channel row (API channel: secret, hmac_token, webhook_url…) (fidelity review A4)
		channel: S.channelRaw(i),
		account: accountRef(i.account_id),
	});

	// ---------- contacts ----------
	S.contactInbox = (ci) => {
		const i = store.inbox(ci.inbox_id);
		return { source_id: ci.source_id, inbox: i ? S.inboxSlim(i) : null };
	};

	S.contact = (c, { withContactInboxes = false } = {}) => {
		const out = {
			additional_attributes: c.additional_attributes,
			availability_status: c.online ? 'online' : 'offline',
			email: c.email,
			id: c.id,
			name: c.name,
			phone_number: c.phone_number,
			blocked: c.blocked,
			identifier: c.identifier,
			thumbnail: NO_AVATAR,
			custom_attributes: c.custom_attributes,
			last_activity_at: toSec(c.last_activity_at),
			created_at: toSec(c.created_at),
		};
		if (withContactInboxes) out.contact_inboxes = store.contactInboxesOf(c.id).map(S.contactInbox);
		return out;
	};

	S.contactPush = (c) => ({
		additional_attributes: c.additional_attributes,
		custom_attributes: c.custom_attributes,
		email: c.email,
		id: c.id,
		identifier: c.identifier,
		name: c.name,
		phone_number: c.phone_number,
		thumbnail: NO_AVATAR,
		blocked: c.blocked,
		type: 'contact',
	});

	S.contactWebhook = (c) => ({
		account: accountRef(c.account_id),
		additional_attributes: c.additional_attributes,
		avatar: NO_AVATAR,
		custom_attributes: c.custom_attributes,
		email: c.email,
		id: c.id,
		identifier: c.identifier,
		name: c.name,
		phone_number: c.phone_number,
		thumbnail: NO_AVATAR,
		blocked: c.blocked,
	});

	// as_json of the Contact model (Client API PATCH)
	S.contactRecord = (c) => ({
		id: c.id,
		name: c.name,
		email: c.email,
		phone_number: c.phone_number,
		account_id: c.account_id,
		created_at: toIso(c.created_at),
		updated_at: toIso(c.updated_at),
		additional_attributes: c.additional_attributes,
		identifier: c.identifier,
		custom_attributes: c.custom_attributes,
		last_activity_at: toIso(c.last_activity_at),
		contact_type: c.contact_type,
		middle_name: '',
		last_name: '',
		location: '',
		country_code: '',
		blocked: c.blocked,
		company_id: null,
	});

	// ---------- attachments / messages ----------
	S.attachment = (a) => {
		const base = opts.baseUrl();
		// app/models/attachment.rb#metadata_for_file_type: without a stored file, data_url is the external_url
		// the channel passed on (location, fallback, embed, shares, Instagram) and thumb_url is empty.
		if (a.external_url) {
			return { id: a.id, message_id: a.message_id, file_type: a.file_type, account_id: a.account_id, data_url: a.external_url, thumb_url: '' };
		}
		const dataUrl = `${base}/rails/active_storage/blobs/redirect/${a.key}/${encodeURIComponent(a.filename)}`;
		return {
			id: a.id,
			message_id: a.message_id,
			file_type: a.file_type,
			account_id: a.account_id,
			extension: a.extension,
			data_url: dataUrl,
			thumb_url: a.file_type === 'image' ? `${base}/rails/active_storage/representations/redirect/${a.key}/${encodeURIComponent(a.filename)}` : '',
			file_size: a.file_size,
			width: null,
			height: null,
		};
	};

	const senderOf = (m) => {
		if (!m.sender_type) return null;
		if (m.sender_type === 'Contact') return { kind: 'contact', rec: store.contact(m.sender_id) };
		if (m.sender_type === 'User') return { kind: 'user', rec: store.user(m.sender_id) };
		if (m.sender_type === 'AgentBot') return { kind: 'bot', rec: store.bot(m.sender_id) };
		return null;
	};
	const senderPush = (m) => {
		const s = senderOf(m);
		if (!s || !s.rec) return undefined;
		if (s.kind === 'contact') return S.contactPush(s.rec);
		if (s.kind === 'user') return S.userPush(s.rec);
		return S.botPush(s.rec);
	};
	const senderWebhook = (m) => {
		const s = senderOf(m);
		if (!s || !s.rec) return undefined;
		if (s.kind === 'contact') {
			const w = S.contactWebhook(s.rec);
			return w;
		}
		if (s.kind === 'user') return S.userWebhook(s.rec);
		return S.botWebhook(s.rec);
	};
	const attachmentsOf = (m) => m.attachment_ids.map((id) => store.get('attachments', id)).filter(Boolean).map(S.attachment);

	// REST: app/views/api/v1/models/_message.json.jbuilder
	S.message = (m) => {
		const out = {
			id: m.id,
			content: m.content,
			inbox_id: m.inbox_id,
			conversation_id: m.conversation_display_id,
			message_type: MESSAGE_TYPE_INT[m.message_type],
			content_type: m.content_type,
			status: m.status,
			content_attributes: m.content_attributes,
			created_at: toSec(m.created_at),
			private: m.private,
			source_id: m.source_id,
		};
		if (m.echo_id != null) out.echo_id = m.echo_id;
		const sender = senderPush(m);
		if (sender) out.sender = sender;
		if (m.attachment_ids.length) out.attachments = attachmentsOf(m);
		return out;
	};

	// Message#push_event_data (used inside conversation JSON)
	S.messagePush = (m) => {
		const conv = store.get('conversations', m.conversation_id);
		const ci = conv && conv.contact_inbox_id ? store.get('contactInboxes', conv.contact_inbox_id) : null;
		const out = {
			id: m.id,
			content: m.content,
			account_id: m.account_id,
			inbox_id: m.inbox_id,
			conversation_id: m.conversation_display_id,
			message_type: MESSAGE_TYPE_INT[m.message_type],
			created_at: toSec(m.created_at),
			updated_at: toIso(m.updated_at),
			private: m.private,
			status: m.status,
			source_id: m.source_id,
			content_type: m.content_type,
			content_attributes: m.content_attributes,
			sender_type: m.sender_type,
			sender_id: m.sender_id,
			external_source_ids: {},
			additional_attributes: m.additional_attributes,
			processed_message_content: m.content,
			sentiment: {},
			conversation: conv
				? {
						assignee_id: conv.assignee_id,
						unread_count: S.unreadCount(conv),
						last_activity_at: toSec(conv.last_activity_at),
						contact_inbox: { source_id: ci ? ci.source_id : null },
					}
				: null,
		};
		if (m.attachment_ids.length) out.attachments = attachmentsOf(m);
		const sender = senderPush(m);
		if (sender) out.sender = sender;
		return out;
	};

	S.messageWebhook = (m) => {
		const conv = store.get('conversations', m.conversation_id);
		const inbox = store.inbox(m.inbox_id);
		const out = {
			account: accountRef(m.account_id),
			additional_attributes: m.additional_attributes,
			content_attributes: m.content_attributes,
			content_type: m.content_type,
			content: webhookContent(m.content),
			conversation: conv ? S.conversationWebhook(conv) : null,
			created_at: toIso(m.created_at),
			id: m.id,
			inbox: { id: inbox.id, name: inbox.name },
			message_type: m.message_type,
			private: m.private,
			sender: senderWebhook(m),
			source_id: m.source_id,
		};
		if (m.attachment_ids.length) out.attachments = attachmentsOf(m);
		return out;
	};

	// Client API message (public/api/v1/models/_message)
	S.publicMessage = (m) => {
		const out = {
			id: m.id,
			content: m.content,
			message_type: MESSAGE_TYPE_INT[m.message_type],
			content_type: m.content_type,
			content_attributes: m.content_attributes,
			created_at: toSec(m.created_at),
			conversation_id: m.conversation_display_id,
		};
		// public/api/v1/models/_message.json.jbuilder: attachments only when present, sender only when there is one
		if (m.attachment_ids.length) out.attachments = attachmentsOf(m);
		const sender = senderPush(m);
		if (sender) out.sender = sender;
		return out;
	};

	// ---------- conversations ----------
	S.unreadCount = (conv) => {
		const seen = conv.agent_last_seen_at || 0;
		let n = 0;
		for (const m of store.messagesOf(conv)) if (m.message_type === 'incoming' && m.created_at > seen) n++;
		return n;
	};
	const lastMessage = (conv) => {
		const arr = store.messagesOf(conv);
		return arr.length ? arr[arr.length - 1] : null;
	};
	const lastNonActivity = (conv) => {
		const arr = store.messagesOf(conv);
		for (let i = arr.length - 1; i >= 0; i--) if (arr[i].message_type !== 'activity') return arr[i];
		return null;
	};
	// Message.chat: not activity, not private (templates included) — Conversations::EventDataPresenter#webhook_push_messages
	const lastChat = (conv) => {
		const arr = store.messagesOf(conv);
		for (let i = arr.length - 1; i >= 0; i--) if (arr[i].message_type !== 'activity' && !arr[i].private) return arr[i];
		return null;
	};
	// Messages::WebhookContentNormalizer: CommonMark hard breaks (backslash + newline) → newline, trailing newlines dropped
	const webhookContent = (text) => (typeof text === 'string' && text !== '' ? text.replace(/\\\r?\n/g, '\n').replace(/(\r?\n)+$/, '') : text);
	S.webhookContent = webhookContent;

	S.conversation = (conv) => {
		const contact = store.contact(conv.contact_id);
		const inbox = store.inbox(conv.inbox_id);
		const ci = conv.contact_inbox_id ? store.get('contactInboxes', conv.contact_inbox_id) : null;
		const meta = {
			sender: contact ? S.contact(contact) : null,
			channel: inbox ? inbox.channel_type : null,
		};
		// api/v1/conversations/partials/_conversation.json.jbuilder: assigned_entity = bot || user, with assignee_type
		const assignee = conv.assignee_id ? store.user(conv.assignee_id) : null;
		const bot = conv.assignee_agent_bot_id ? store.bot(conv.assignee_agent_bot_id) : null;
		if (bot) {
			meta.assignee = S.botSlim(bot);
			meta.assignee_type = 'AgentBot';
		} else if (assignee) {
			meta.assignee = S.agent(assignee, conv.account_id);
			meta.assignee_type = 'User';
		}
		const team = conv.team_id ? store.team(conv.team_id) : null;
		if (team) meta.team = S.team(team);
		meta.hmac_verified = ci ? ci.hmac_verified : false;
		const last = lastMessage(conv);
		const lastNA = lastNonActivity(conv);
		return {
			meta,
			id: conv.display_id,
			messages: last ? [S.messagePush(last)] : [],
			account_id: conv.account_id,
			uuid: conv.uuid,
			additional_attributes: conv.additional_attributes,
			agent_last_seen_at: toSecOr0(conv.agent_last_seen_at),
			assignee_last_seen_at: toSecOr0(conv.assignee_last_seen_at),
			can_reply: S.canReply(conv),
			contact_last_seen_at: toSecOr0(conv.contact_last_seen_at),
			custom_attributes: conv.custom_attributes,
			inbox_id: conv.inbox_id,
			labels: conv.labels,
			muted: !!(contact && contact.blocked), // conversation_mute_helpers.rb#muted?
			snoozed_until: toIso(conv.snoozed_until),
			status: conv.status,
			created_at: toSec(conv.created_at),
			updated_at: toFloat(conv.updated_at),
			timestamp: toSec(conv.last_activity_at),
			first_reply_created_at: toSecOr0(conv.first_reply_created_at),
			unread_count: S.unreadCount(conv),
			last_non_activity_message: lastNA ? S.messagePush(lastNA) : null,
			last_activity_at: toSec(conv.last_activity_at),
			priority: conv.priority,
			waiting_since: toSecOr0(conv.waiting_since),
			sla_policy_id: conv.sla_policy_id ?? null,
		};
	};

	S.canReply = () => true;

	S.contactInboxRaw = (ci) =>
		ci
			? {
					id: ci.id,
					contact_id: ci.contact_id,
					inbox_id: ci.inbox_id,
					source_id: ci.source_id,
					created_at: toIso(ci.created_at),
					updated_at: toIso(ci.updated_at),
					hmac_verified: ci.hmac_verified,
					pubsub_token: ci.pubsub_token,
				}
			: null;

	// Conversations::EventDataPresenter#push_data (+ account)
	S.conversationWebhook = (conv) => {
		const contact = store.contact(conv.contact_id);
		const inbox = store.inbox(conv.inbox_id);
		const ci = conv.contact_inbox_id ? store.get('contactInboxes', conv.contact_inbox_id) : null;
		const chat = lastChat(conv);
		let assignee = null;
		let assigneeType = null;
		if (conv.assignee_id && store.user(conv.assignee_id)) {
			assignee = S.userPush(store.user(conv.assignee_id));
			assigneeType = 'User';
		} else if (conv.assignee_agent_bot_id && store.bot(conv.assignee_agent_bot_id)) {
			assignee = S.botPush(store.bot(conv.assignee_agent_bot_id));
			assigneeType = 'AgentBot';
		}
		const team = conv.team_id ? store.team(conv.team_id) : null;
		return {
			additional_attributes: conv.additional_attributes,
			can_reply: S.canReply(conv),
			channel: inbox ? inbox.channel_type : null,
			contact_inbox: S.contactInboxRaw(ci),
			id: conv.display_id,
			inbox_id: conv.inbox_id,
			messages: chat ? [{ ...S.messagePush(chat), content: webhookContent(chat.content), processed_message_content: webhookContent(chat.content) }] : [],
			labels: conv.labels,
			meta: {
				sender: contact ? S.contactPush(contact) : null,
				assignee,
				assignee_type: assigneeType,
				team: team ? { id: team.id, name: team.name } : null,
				hmac_verified: ci ? ci.hmac_verified : false,
			},
			status: conv.status,
			custom_attributes: conv.custom_attributes,
			snoozed_until: toIso(conv.snoozed_until),
			unread_count: S.unreadCount(conv),
			first_reply_created_at: toIso(conv.first_reply_created_at),
			priority: conv.priority,
			waiting_since: toSecOr0(conv.waiting_since),
			agent_last_seen_at: toSecOr0(conv.agent_last_seen_at),
			contact_last_seen_at: toSecOr0(conv.contact_last_seen_at),
			last_activity_at: toSec(conv.last_activity_at),
			timestamp: toSec(conv.last_activity_at),
			created_at: toSec(conv.created_at),
			updated_at: toFloat(conv.updated_at),
			account: accountRef(conv.account_id),
		};
	};

	// ---------- Client API ----------
	S.publicInbox = (i) => ({
		identifier: i.inbox_identifier,
		name: i.name,
		timezone: i.timezone,
		working_hours: [],
		working_hours_enabled: i.working_hours_enabled,
		csat_survey_enabled: i.csat_survey_enabled,
		greeting_enabled: i.greeting_enabled,
		identity_validation_enabled: i.hmac_mandatory,
	});

	S.publicContact = (c, ci) => ({
		id: c.id,
		source_id: ci.source_id,
		name: c.name,
		email: c.email,
		phone_number: c.phone_number,
		pubsub_token: ci.pubsub_token,
	});

	S.publicConversation = (conv) => {
		const c = store.contact(conv.contact_id);
		return {
			id: conv.display_id,
			uuid: conv.uuid,
			inbox_id: conv.inbox_id,
			contact_last_seen_at: toSecOr0(conv.contact_last_seen_at),
			status: conv.status,
			agent_last_seen_at: toSecOr0(conv.agent_last_seen_at),
			messages: store
				.messagesOf(conv)
				.filter((m) => !m.private && m.message_type !== 'activity')
				.map(S.publicMessage),
			// public/api/v1/models/_conversation.json.jbuilder: `json.contact resource.contact` — the whole contact row
			contact: c ? S.contactRecord(c) : null,
		};
	};

	return S;
}

module.exports = { createSerializers, MESSAGE_TYPE_INT };
