'use strict';
// Domain operations shared by the Application API, the Client API and the control API.
// They validate like Chatwoot's models, mutate the store, create activity messages and emit webhook events.
const { ERR, HttpError, present, isBlank, toIso, clone, deepEqual, uuid } = require('./util');

const EMAIL_RE = /^[^@\s]+@[^@\s]+$/;
const E164_RE = /^\+[1-9]\d{1,14}$/;
const STATUSES = ['open', 'resolved', 'pending', 'snoozed'];
const PRIORITIES = ['low', 'medium', 'high', 'urgent'];
const MESSAGE_TYPES = ['incoming', 'outgoing', 'activity', 'template'];
const CONTENT_TYPES = ['text', 'input_text', 'input_textarea', 'input_email', 'input_select', 'cards', 'form', 'article', 'incoming_email', 'input_csat', 'integrations', 'sticker', 'voice_call'];
const CONV_TRACKED = ['status', 'assignee_id', 'assignee_agent_bot_id', 'team_id', 'label_list', 'custom_attributes', 'priority', 'snoozed_until', 'additional_attributes', 'first_reply_created_at', 'waiting_since'];
const CONV_UPDATE_KEYS = new Set(['team_id', 'assignee_id', 'assignee_agent_bot_id', 'status', 'snoozed_until', 'custom_attributes', 'label_list', 'waiting_since', 'first_reply_created_at', 'priority']);

function actorName(actor) {
	if (!actor || !actor.record) return 'System';
	return actor.record.name || 'Someone';
}

function createServices(store, S, hooks) {
	const X = {};
	const emit = (event, accountId, payload, meta) => hooks.emit(event, accountId, payload, meta);

	// ---------------- contacts ----------------
	X.validateContact = (accountId, attrs, selfId) => {
		const msgs = [];
		const attributes = [];
		const add = (attr, msg) => {
			msgs.push(msg);
			if (!attributes.includes(attr)) attributes.push(attr);
		};
		const others = store.db.contacts.filter((c) => c.account_id === Number(accountId) && c.id !== selfId);
		// app/models/contact.rb `validates :name, length: { maximum: 255 }` (ApplicationRecord MAX_STRING_COLUMN_LENGTH)
		if (attrs.name != null && String(attrs.name).length > 255) add('name', 'Name is too long (maximum is 255 characters)');
		if (present(attrs.email)) {
			const e = String(attrs.email).toLowerCase();
			if (!EMAIL_RE.test(e)) add('email', 'Email Invalid email');
			else if (others.some((c) => c.email === e)) add('email', 'Email has already been taken');
		}
		if (present(attrs.phone_number)) {
			if (!E164_RE.test(String(attrs.phone_number))) add('phone_number', 'Phone number should be in e164 format');
			else if (others.some((c) => c.phone_number === attrs.phone_number)) add('phone_number', 'Phone number has already been taken');
		}
		if (present(attrs.identifier) && others.some((c) => c.identifier === String(attrs.identifier))) add('identifier', 'Identifier has already been taken');
		if (msgs.length) throw ERR.invalid(msgs, attributes);
	};

	const contactAttrsFrom = (p) => {
		const out = {};
		for (const k of ['name', 'email', 'phone_number', 'identifier']) if (p[k] !== undefined) out[k] = p[k] === null ? null : String(p[k]);
		if (p.blocked !== undefined) out.blocked = p.blocked === true || p.blocked === 'true';
		if (p.custom_attributes !== undefined && p.custom_attributes !== null && typeof p.custom_attributes === 'object') out.custom_attributes = p.custom_attributes;
		if (p.additional_attributes !== undefined && p.additional_attributes !== null && typeof p.additional_attributes === 'object') out.additional_attributes = p.additional_attributes;
		return out;
	};
	X.contactAttrsFrom = contactAttrsFrom;

	X.createContact = (accountId, params, { fireEvent = true } = {}) => {
		const attrs = contactAttrsFrom(params);
		for (const k of ['email', 'phone_number', 'identifier']) if (isBlank(attrs[k])) attrs[k] = null;
		X.validateContact(accountId, attrs);
		const c = store.createContact({ accountId, ...attrs, name: attrs.name ?? '' });
		if (fireEvent) emit('contact_created', c.account_id, S.contactWebhook(c), {});
		return c;
	};

	const CONTACT_TRACKED = ['name', 'email', 'phone_number', 'identifier', 'blocked', 'custom_attributes', 'additional_attributes'];
	X.updateContact = (c, params, { fireEvent = true } = {}) => {
		const attrs = contactAttrsFrom(params);
		for (const k of ['email', 'phone_number', 'identifier']) if (k in attrs && isBlank(attrs[k])) attrs[k] = null;
		X.validateContact(c.account_id, attrs, c.id);
		const before = {};
		for (const k of CONTACT_TRACKED) before[k] = clone(c[k]);
		const prevUpdated = c.updated_at;
		if (attrs.custom_attributes) attrs.custom_attributes = { ...c.custom_attributes, ...attrs.custom_attributes };
		if (attrs.additional_attributes) attrs.additional_attributes = { ...c.additional_attributes, ...attrs.additional_attributes };
		if (attrs.email) attrs.email = attrs.email.toLowerCase();
		Object.assign(c, attrs);
		const changed = [];
		for (const k of CONTACT_TRACKED) if (!deepEqual(before[k], c[k])) changed.push({ [k]: { previous_value: before[k], current_value: clone(c[k]) } });
		if (changed.length) {
			c.updated_at = store.now();
			changed.push({ updated_at: { previous_value: toIso(prevUpdated), current_value: toIso(c.updated_at) } });
			if (fireEvent) emit('contact_updated', c.account_id, { ...S.contactWebhook(c), changed_attributes: changed }, {});
		}
		return changed;
	};

	X.deleteContact = (c) => {
		for (const conv of store.db.conversations.filter((x) => x.contact_id === c.id)) store.removeConversation(conv);
		for (const ci of store.contactInboxesOf(c.id)) store.removeContactInbox(ci);
		store.remove('contacts', c);
	};

	// app/actions/contact_merge_action.rb: same contact → base unchanged; conversations, messages, contact inboxes (and
	// notes) move; attributes = mergee.compact_blank.deep_merge(base.compact_blank) (base wins); the mergee is destroyed
	// with its taggings — labels are NOT carried over (fidelity review A10); then `base.update!` (→ contact_updated).
	X.mergeContacts = (base, mergee) => {
		if (base.id === mergee.id) return base;
		for (const conv of store.db.conversations) if (conv.contact_id === mergee.id) conv.contact_id = base.id;
		for (const ci of store.contactInboxesOf(mergee.id)) store.moveContactInbox(ci, base.id);
		for (const m of store.db.messages) if (m.sender_type === 'Contact' && m.sender_id === mergee.id) m.sender_id = base.id;
		const merged = {};
		for (const k of ['name', 'email', 'phone_number', 'identifier']) if (isBlank(base[k]) && present(mergee[k])) merged[k] = mergee[k];
		const deep = (a, b) => {
			const out = { ...a };
			for (const [k, v] of Object.entries(b || {})) out[k] = v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' ? deep(out[k], v) : v;
			return out;
		};
		merged.custom_attributes = deep(mergee.custom_attributes, base.custom_attributes);
		merged.additional_attributes = deep(mergee.additional_attributes, base.additional_attributes);
		store.remove('contacts', mergee);
		// base.update!(merged) — validations pass: the mergee holding the same email/phone is gone
		X.updateContact(base, merged);
		return base;
	};

	X.findOrCreateContactInbox = (contact, inbox, sourceId, { hmacVerified = false } = {}) => {
		if (present(sourceId)) {
			const existing = store.contactInboxBySource(inbox.id, sourceId);
			if (existing) {
				if (existing.contact_id !== contact.id) throw ERR.unprocessable('source_id should be unique');
				return existing;
			}
		} else {
			const existing = store.contactInboxFor(contact.id, inbox.id);
			if (existing && inbox.channel_type !== 'Channel::Api') return existing;
		}
		let sid = sourceId;
		if (isBlank(sid)) sid = inbox.channel_type === 'Channel::Email' && contact.email ? contact.email : uuid();
		return store.createContactInbox({ contactId: contact.id, inboxId: inbox.id, sourceId: sid, hmacVerified });
	};

	// ---------------- messages ----------------
	X.activity = (conv, content) => {
		const m = store.insertMessage(conv, { content, message_type: 'activity', content_type: 'text', status: 'sent' });
		return m;
	};

	X.senderFor = (actor) => {
		if (!actor) return { sender_type: null, sender_id: null };
		if (actor.kind === 'user') return { sender_type: 'User', sender_id: actor.record.id };
		if (actor.kind === 'bot') return { sender_type: 'AgentBot', sender_id: actor.record.id };
		if (actor.kind === 'contact') return { sender_type: 'Contact', sender_id: actor.record.id };
		return { sender_type: null, sender_id: null };
	};

	/**
	 * params: content, message_type, private, content_type, content_attributes, template_params, echo_id, source_id, files:[{filename,contentType,data}]
	 * actor: { kind: 'user'|'bot'|'contact'|'system', record }
	 */
	X.createMessage = (conv, params, actor, { fireEvent = true } = {}) => {
		const inbox = store.inbox(conv.inbox_id);
		const messageType = params.message_type == null || params.message_type === '' ? 'outgoing' : String(params.message_type);
		if (!MESSAGE_TYPES.includes(messageType)) throw ERR.unprocessable(`'${messageType}' is not a valid message_type`);
		if (messageType === 'incoming' && actor && actor.kind !== 'contact' && inbox.channel_type !== 'Channel::Api')
			throw ERR.unprocessable('Incoming messages are only allowed in Api inboxes');
		const contentType = params.content_type ? String(params.content_type) : 'text';
		if (!CONTENT_TYPES.includes(contentType)) throw ERR.unprocessable(`'${contentType}' is not a valid content_type`);
		let contentAttributes = params.content_attributes;
		if (typeof contentAttributes === 'string') {
			try {
				contentAttributes = JSON.parse(contentAttributes);
			} catch {
				contentAttributes = {};
			}
		}
		if (!contentAttributes || typeof contentAttributes !== 'object') contentAttributes = {};
		const additional = {};
		if (params.template_params) additional.template_params = typeof params.template_params === 'string' ? JSON.parse(params.template_params) : params.template_params;
		let sender;
		if (messageType === 'incoming') {
			const contact = store.contact(conv.contact_id);
			sender = { sender_type: 'Contact', sender_id: contact ? contact.id : null };
		} else {
			sender = X.senderFor(actor);
			// MessageBuilder#message_sender: sender_type "AgentBot" + sender_id (account or global bot)
			if (params.sender_type === 'AgentBot' && present(params.sender_id)) {
				const bot = store.bot(params.sender_id);
				if (bot && (bot.account_id === null || bot.account_id === conv.account_id)) sender = { sender_type: 'AgentBot', sender_id: bot.id };
			}
		}
		const isPrivate = params.private === true || params.private === 'true';
		// message.rb `before_validation :prevent_message_flooding`: ≥ CONVERSATION_MESSAGE_PER_MINUTE_LIMIT (200) messages
		// in the conversation during the last minute → invalid; MessagesController#create answers 422 {error} (review A17l)
		const floodLimit = hooks.messageFloodLimit ? hooks.messageFloodLimit() : 200;
		if (floodLimit > 0 && actor && actor.kind !== 'system') {
			const since = store.now() - 60000;
			const recent = store.messagesOf(conv).filter((x) => x.created_at >= since).length;
			if (recent >= floodLimit) throw ERR.unprocessable('Validation failed: Too many messages');
		}
		const m = store.insertMessage(conv, {
			content: params.content == null ? null : String(params.content),
			message_type: messageType,
			content_type: contentType,
			content_attributes: contentAttributes,
			additional_attributes: additional,
			private: isPrivate,
			source_id: params.source_id ?? null,
			echo_id: params.echo_id ?? null,
			...sender,
		});
		for (const f of params.files || []) store.createAttachment(m, f);
		afterMessageCreated(conv, m, actor);
		if (fireEvent && messageType !== 'activity') emit('message_created', conv.account_id, S.messageWebhook(m), { inboxId: conv.inbox_id, messageId: m.id });
		// app/models/message.rb#update_contact_activity (last of execute_after_create_commit_callbacks):
		// `sender.update(last_activity_at: DateTime.now) if sender.is_a?(Contact)` → Contact#dispatch_update_event →
		// contact_updated with changed_attributes [{last_activity_at}, {updated_at}] on every contact message (review A6).
		if (m.sender_type === 'Contact') {
			const contact = store.contact(m.sender_id);
			if (contact) touchContactActivity(contact, m.created_at, fireEvent);
		}
		return m;
	};

	function touchContactActivity(contact, at, fireEvent) {
		const prevActivity = contact.last_activity_at;
		const prevUpdated = contact.updated_at;
		contact.last_activity_at = at;
		contact.updated_at = store.now();
		const changed = [
			{ last_activity_at: { previous_value: toIso(prevActivity), current_value: toIso(contact.last_activity_at) } },
			{ updated_at: { previous_value: toIso(prevUpdated), current_value: toIso(contact.updated_at) } },
		];
		if (fireEvent) emit('contact_updated', contact.account_id, { ...S.contactWebhook(contact), changed_attributes: changed }, {});
	}

	function afterMessageCreated(conv, m, actor) {
		if (m.message_type === 'activity') return;
		const now = m.created_at;
		const contact = store.contact(conv.contact_id);
		if (m.message_type === 'incoming') {
			void contact; // contact.last_activity_at: see touchContactActivity (after message_created)
			conv.last_activity_at = now;
			// message.rb#reopen_conversation: not when muted; the activity names Current.user (an API caller) or, for a
			// contact's own message, "System reopened the conversation due to a new incoming message."
			if (!(contact && contact.blocked) && (conv.status === 'resolved' || conv.status === 'snoozed')) {
				X.changeConversation(conv, actor && actor.kind !== 'system' ? actor : { kind: 'system' }, (c) => {
					c.status = 'open';
					c.snoozed_until = null;
				});
			}
			if (!conv.waiting_since) conv.waiting_since = now;
		} else if (!m.private) {
			conv.last_activity_at = now;
			if (m.message_type === 'outgoing' && actor && actor.kind === 'user') {
				if (!conv.first_reply_created_at) conv.first_reply_created_at = now;
				conv.waiting_since = null;
			}
		}
		conv.updated_at = now;
	}

	X.updateMessage = (m, patch, { fireEvent = true } = {}) => {
		Object.assign(m, patch);
		m.updated_at = store.now();
		if (fireEvent && m.message_type !== 'activity') emit('message_updated', m.account_id, S.messageWebhook(m), { inboxId: m.inbox_id, messageId: m.id });
		return m;
	};

	X.deleteMessage = (m) => {
		for (const aid of [...m.attachment_ids]) store.removeAttachment(store.get('attachments', aid));
		m.attachment_ids = [];
		return X.updateMessage(m, { content: 'This message was deleted', content_type: 'text', content_attributes: { deleted: true } });
	};

	// ---------------- conversations ----------------
	const snapshot = (conv) => {
		const s = {};
		for (const k of CONV_TRACKED) s[k] = clone(k === 'label_list' ? conv.labels : conv[k]);
		return s;
	};
	const asChangeValue = (k, v) => (k === 'snoozed_until' || k === 'first_reply_created_at' || k === 'waiting_since' ? toIso(v) : v);

	/** Applies fn(conv) and emits conversation_status_changed / conversation_updated + activity messages like Chatwoot. */
	X.changeConversation = (conv, actor, fn, { activity = true } = {}) => {
		const before = snapshot(conv);
		const prevUpdated = conv.updated_at;
		fn(conv);
		const after = snapshot(conv);
		const changed = [];
		const keys = [];
		for (const k of CONV_TRACKED) {
			if (!deepEqual(before[k], after[k])) {
				keys.push(k);
				changed.push({ [k]: { previous_value: asChangeValue(k, before[k]), current_value: asChangeValue(k, after[k]) } });
			}
		}
		if (!keys.length) return changed;
		conv.updated_at = store.now();
		changed.push({ updated_at: { previous_value: toIso(prevUpdated), current_value: toIso(conv.updated_at) } });
		if (activity) activityMessages(conv, actor, before, after, keys);
		const meta = { inboxId: conv.inbox_id, conversationId: conv.id };
		if (keys.includes('status')) {
			if (conv.status === 'resolved') emit('conversation_resolved', conv.account_id, S.conversationWebhook(conv), meta);
			if (conv.status === 'open') emit('conversation_opened', conv.account_id, S.conversationWebhook(conv), meta);
			// app/models/conversation.rb#notify_status_change dispatches `status_change` from after_update_commit, where
			// ActiveModel::Dirty has already cleared it → nil → WebhookListener#extract_changed_attributes → null
			// (fidelity review A5). The previous status is in the conversation_updated event that follows.
			emit('conversation_status_changed', conv.account_id, { ...S.conversationWebhook(conv), changed_attributes: null }, meta);
		}
		const allowed = keys.some((k) => CONV_UPDATE_KEYS.has(k)) || (keys.includes('additional_attributes') && 'conversation_language' in (after.additional_attributes || {}));
		if (allowed) emit('conversation_updated', conv.account_id, { ...S.conversationWebhook(conv), changed_attributes: changed }, meta);
		return changed;
	};

	// app/models/concerns/activity_message_handler.rb, assignee/team/priority/label handlers, config/locales/en.yml
	// conversations.activity.*: no user (and no contact) → no assignee/team activity; a team change reports only the team
	// (with the auto-assigned agent: "Assigned to A via T by U"); priority added/updated/removed.
	function activityMessages(conv, actor, before, after, keys) {
		const who = actorName(actor);
		const byActor = actor && actor.kind !== 'system';
		const byUser = byActor && actor.kind !== 'contact';
		if (keys.includes('status')) {
			const st = after.status;
			let text = null;
			if (byUser) {
				if (st === 'resolved') text = `Conversation was marked resolved by ${who}`;
				else if (st === 'open') text = `Conversation was reopened by ${who}`;
				else if (st === 'pending') text = `Conversation was marked as pending by ${who}`;
				else if (st === 'snoozed') text = `Conversation was snoozed by ${who}`;
			} else if (actor && actor.kind === 'contact') {
				const name = String(actor.record.name || '');
				if (st === 'resolved') text = `Conversation was resolved by ${name.charAt(0).toUpperCase()}${name.slice(1).toLowerCase()}`;
				else if (st === 'open') text = 'System reopened the conversation due to a new incoming message.';
			} else if (st === 'open') text = 'System reopened the conversation due to a new incoming message.';
			if (text) X.activity(conv, text);
		}
		if (byUser && keys.includes('team_id')) {
			const t = conv.team_id ? store.team(conv.team_id) : null;
			const prev = before.team_id ? store.team(before.team_id) : null;
			const u = conv.assignee_id ? store.user(conv.assignee_id) : null;
			if (t && keys.includes('assignee_id') && u) X.activity(conv, `Assigned to ${u.name} via ${t.name} by ${who}`);
			else if (t) X.activity(conv, `Assigned to ${t.name} by ${who}`);
			else X.activity(conv, `Unassigned from ${prev ? prev.name : ''} by ${who}`);
		} else if (byUser && (keys.includes('assignee_id') || keys.includes('assignee_agent_bot_id'))) {
			const u = conv.assignee_id ? store.user(conv.assignee_id) : null;
			const b = !u && conv.assignee_agent_bot_id ? store.bot(conv.assignee_agent_bot_id) : null;
			const name = u ? u.name : b ? b.name : null;
			if (keys.includes('assignee_id') || name) {
				if (!name) X.activity(conv, `Conversation unassigned by ${who}`);
				else if (actor.kind === 'user' && u && actor.record.id === u.id) X.activity(conv, `${who} self-assigned this conversation`);
				else X.activity(conv, `Assigned to ${name} by ${who}`);
			}
		}
		if (keys.includes('label_list')) {
			const added = after.label_list.filter((l) => !before.label_list.includes(l));
			const removed = before.label_list.filter((l) => !after.label_list.includes(l));
			if (added.length) X.activity(conv, `${who} added ${added.join(', ')}`);
			if (removed.length) X.activity(conv, `${who} removed ${removed.join(', ')}`);
		}
		if (keys.includes('priority')) {
			if (before.priority && after.priority) X.activity(conv, `${who} changed the priority from ${before.priority} to ${after.priority}`);
			else if (after.priority) X.activity(conv, `${who} set the priority to ${after.priority}`);
			else X.activity(conv, `${who} removed the priority`);
		}
	}

	/**
	 * app/models/concerns/assignment_handler.rb#ensure_assignee_is_from_team (before_save when team_id changes): an
	 * assignee who is not a member of the new team is removed; without an assignee and with `allow_auto_assign`, a team
	 * member who is a member of the inbox (and online: AutoAssignment::AgentAssignmentService) is picked. The simulator
	 * picks the lowest user id instead of Chatwoot's round robin.
	 */
	X.applyTeamAssignee = (c) => {
		const team = c.team_id ? store.team(c.team_id) : null;
		if (!team) return;
		if (c.assignee_id && !team.member_ids.includes(c.assignee_id)) c.assignee_id = null;
		if (c.assignee_id || !team.allow_auto_assign) return;
		const inboxMembers = new Set(store.inboxMemberIds(c.inbox_id));
		const pick = [...team.member_ids]
			.sort((a, b) => a - b)
			.map((id) => store.user(id))
			.find((u) => u && inboxMembers.has(u.id) && u.account_ids.includes(c.account_id) && (u.availability || 'online') === 'online');
		if (pick) {
			c.assignee_id = pick.id;
			c.assignee_agent_bot_id = null;
		}
	};

	/** ConversationBuilder: contact_inbox given; params may include status, assignee_id, team_id, custom/additional attrs, snoozed_until */
	X.createConversation = (ci, params, actor, { fireEvent = true } = {}) => {
		const inbox = store.inbox(ci.inbox_id);
		let status = params.status ? String(params.status) : 'open';
		if (!STATUSES.includes(status)) throw ERR.unprocessable(`'${status}' is not a valid status`);
		// app/models/conversation.rb `before_create :determine_conversation_status` overrides the requested status:
		// a blocked contact → resolved; an inbox with an active bot (agent bot; Dialogflow/Captain not modelled) →
		// pending, even when `status: "open"` was sent (fidelity review A11).
		const contactForStatus = store.contact(ci.contact_id);
		if (contactForStatus && contactForStatus.blocked) status = 'resolved';
		else if (inbox.agent_bot_id) status = 'pending';
		let assigneeId = null;
		if (present(params.assignee_id)) {
			const u = store.user(params.assignee_id);
			if (u && u.account_ids.includes(inbox.account_id)) assigneeId = u.id;
		}
		let teamId = null;
		if (present(params.team_id)) {
			const t = store.inAccount('teams', inbox.account_id, params.team_id);
			if (t) teamId = t.id;
		}
		if (teamId) {
			const draft = { team_id: teamId, assignee_id: assigneeId, inbox_id: inbox.id, account_id: inbox.account_id };
			X.applyTeamAssignee(draft);
			assigneeId = draft.assignee_id;
		}
		let snoozedUntil = null;
		if (status === 'snoozed' && present(params.snoozed_until)) snoozedUntil = Number(params.snoozed_until) * 1000;
		const conv = store.createConversation({
			accountId: inbox.account_id,
			inboxId: inbox.id,
			contactId: ci.contact_id,
			contactInboxId: ci.id,
			status,
			assigneeId,
			teamId,
			custom_attributes: params.custom_attributes && typeof params.custom_attributes === 'object' ? params.custom_attributes : {},
			additional_attributes: params.additional_attributes && typeof params.additional_attributes === 'object' ? params.additional_attributes : {},
			snoozedUntil,
		});
		if (fireEvent) emit('conversation_created', conv.account_id, S.conversationWebhook(conv), { inboxId: conv.inbox_id });
		return conv;
	};

	X.setStatus = (conv, status, snoozedUntilSec, actor) => {
		if (!STATUSES.includes(status)) throw ERR.unprocessable(`'${status}' is not a valid status`);
		X.changeConversation(conv, actor, (c) => {
			c.status = status;
			c.snoozed_until = status === 'snoozed' && present(snoozedUntilSec) ? Number(snoozedUntilSec) * 1000 : null;
		});
		// ConversationsController#handle_human_open: an agent (role agent) opening a conversation becomes its assignee
		if (conv.status === 'open' && actor && actor.kind === 'user' && store.roleIn(actor.record, conv.account_id) === 'agent') {
			X.changeConversation(conv, actor, (c) => {
				c.assignee_id = actor.record.id;
				c.assignee_agent_bot_id = null;
			});
		}
	};

	/**
	 * Conversation#bot_handoff! (app/models/conversation.rb), reached from ConversationsController#toggle_status when
	 * an AgentBot token sets a pending conversation to open (#pending_to_open_by_bot?): waiting_since is set when blank,
	 * the conversation opens (status events, "reopened by <bot>" activity), and CONVERSATION_BOT_HANDOFF makes
	 * ReportingEventListener#conversation_bot_handoff record one `conversation_bot_handoff` reporting event per
	 * conversation (app/listeners/reporting_event_listener.rb). No auto-assignment: the actor is not a User.
	 */
	X.botHandoff = (conv, actor) => {
		X.changeConversation(conv, actor, (c) => {
			if (c.waiting_since == null) c.waiting_since = store.now();
			c.status = 'open';
			c.snoozed_until = null;
		});
		if (!store.db.reportingEvents.some((e) => e.conversation_id === conv.id && e.name === 'conversation_bot_handoff')) {
			const now = store.now();
			store.insert('reportingEvents', {
				name: 'conversation_bot_handoff',
				value: Math.floor(now / 1000) - Math.floor(conv.created_at / 1000),
				value_in_business_hours: Math.floor(now / 1000) - Math.floor(conv.created_at / 1000),
				account_id: conv.account_id,
				inbox_id: conv.inbox_id,
				user_id: conv.assignee_id,
				conversation_id: conv.id,
				event_start_time: conv.created_at,
				event_end_time: now,
				created_at: now,
				updated_at: now,
			});
		}
	};

	/**
	 * Webhooks::Trigger#update_conversation_status (lib/webhooks/trigger.rb): the bot's webhook failed for a message
	 * event; a still-pending conversation is opened by the system (no user → no status activity, see
	 * ActivityMessageHandler#user_status_change_activity_content) and gets the activity
	 * `conversations.activity.agent_bot.error_moved_to_open` (config/locales/en.yml), unless the account setting
	 * `keep_pending_on_bot_failure` is on (app/models/account.rb).
	 */
	X.botFailure = (messageId) => {
		const m = store.get('messages', messageId);
		const conv = m && store.get('conversations', m.conversation_id);
		if (!conv || conv.status !== 'pending') return;
		const account = store.get('accounts', conv.account_id);
		if (account && account.settings && account.settings.keep_pending_on_bot_failure) return;
		X.changeConversation(conv, { kind: 'system' }, (c) => {
			c.status = 'open';
		}, { activity: false });
		X.activity(conv, 'Conversation was marked open by system due to an error with the agent bot.');
	};

	X.setPriority = (conv, priority, actor) => {
		const p = isBlank(priority) ? null : String(priority);
		if (p !== null && !PRIORITIES.includes(p)) throw ERR.unprocessable(`'${p}' is not a valid priority`);
		X.changeConversation(conv, actor, (c) => {
			c.priority = p;
		});
	};

	X.setLabels = (conv, labels, actor) => {
		const list = [...new Set((labels || []).map((l) => String(l).trim()).filter(Boolean))];
		X.changeConversation(conv, actor, (c) => {
			c.labels = list;
		});
		return conv.labels;
	};

	X.typing = (conv, actor, on, isPrivate) => {
		let user = null;
		if (actor && actor.kind === 'user') user = S.userWebhook(actor.record);
		else if (actor && actor.kind === 'bot') user = S.botWebhook(actor.record);
		else if (actor && actor.kind === 'contact') user = S.contactWebhook(actor.record);
		emit(on ? 'conversation_typing_on' : 'conversation_typing_off', conv.account_id, { user, conversation: S.conversationWebhook(conv), is_private: !!isPrivate }, { inboxId: conv.inbox_id });
	};

	// ---------------- inboxes ----------------
	const INBOX_TRACKED = ['name', 'greeting_enabled', 'greeting_message', 'enable_auto_assignment', 'enable_email_collect', 'csat_survey_enabled', 'allow_messages_after_resolved', 'lock_to_single_conversation', 'timezone', 'working_hours_enabled', 'out_of_office_message', 'business_name'];
	X.createInbox = (accountId, params) => {
		const ch = params.channel || {};
		const type = ch.type;
		if (!['api', 'web_widget', 'email'].includes(type)) throw ERR.unprocessable('Invalid channel type');
		if (isBlank(params.name)) throw ERR.invalid(["Name can't be blank"], ['name']);
		const inbox = store.createInbox({
			accountId,
			name: String(params.name),
			channelType: type,
			webhookUrl: ch.webhook_url || null,
			hmacMandatory: ch.hmac_mandatory === true || ch.hmac_mandatory === 'true',
			websiteUrl: ch.website_url,
			email: ch.email,
			greetingEnabled: params.greeting_enabled === true,
			greetingMessage: params.greeting_message ?? null,
			enableAutoAssignment: params.enable_auto_assignment !== false,
		});
		// app/models/inbox.rb#dispatch_create_event: `return if ENV['ENABLE_INBOX_EVENTS'].blank?` (review A4)
		if (hooks.inboxEvents()) emit('inbox_created', inbox.account_id, S.inboxWebhook(inbox), {});
		return inbox;
	};

	X.updateInbox = (inbox, params) => {
		const prevUpdated = inbox.updated_at;
		const before = {};
		for (const k of INBOX_TRACKED) before[k] = inbox[k];
		for (const k of ['name', 'greeting_enabled', 'greeting_message', 'enable_auto_assignment', 'enable_email_collect', 'csat_survey_enabled', 'allow_messages_after_resolved', 'lock_to_single_conversation', 'timezone', 'working_hours_enabled', 'out_of_office_message', 'business_name'])
			if (params[k] !== undefined) inbox[k] = params[k];
		const ch = params.channel || {};
		if (inbox.channel_type === 'Channel::Api') {
			if (ch.webhook_url !== undefined) inbox.webhook_url = ch.webhook_url || null;
			if (ch.hmac_mandatory !== undefined) inbox.hmac_mandatory = ch.hmac_mandatory === true || ch.hmac_mandatory === 'true';
		} else if (inbox.channel_type === 'Channel::WebWidget') {
			if (ch.website_url !== undefined) inbox.website_url = ch.website_url;
			if (ch.widget_color !== undefined) inbox.widget_color = ch.widget_color;
			if (ch.hmac_mandatory !== undefined) inbox.hmac_mandatory = ch.hmac_mandatory === true || ch.hmac_mandatory === 'true';
		}
		const changed = [];
		for (const k of INBOX_TRACKED) if (!deepEqual(before[k], inbox[k])) changed.push({ [k]: { previous_value: before[k], current_value: inbox[k] } });
		if (changed.length) {
			inbox.updated_at = store.now();
			changed.push({ updated_at: { previous_value: toIso(prevUpdated), current_value: toIso(inbox.updated_at) } });
			// inbox.rb#dispatch_update_event (ENABLE_INBOX_EVENTS) with the INBOX's previous_changes: channel columns
			// (webhook_url, hmac_mandatory, …) live on the channel row and are not reported
			if (hooks.inboxEvents()) emit('inbox_updated', inbox.account_id, { ...S.inboxWebhook(inbox), changed_attributes: changed }, {});
		}
		return inbox;
	};

	X.HttpError = HttpError;
	return X;
}

module.exports = { createServices, STATUSES, PRIORITIES };
