'use strict';
// Client (public) API — /public/api/v1/inboxes/:inbox_identifier/... (API-NOTES §2). No token.
const crypto = require('crypto');
const { ERR, HttpError, present, isBlank, toInt } = require('./util');
const { reply, EMPTY } = require('./server');

// process_hmac raises StandardError('HMAC failed: Invalid Identifier Hash Provided'); PublicController installs no
// handle_with_exception, so Rails answers a bare 500. Production (show_exceptions) hides the message:
// public/500 → {"status":500,"error":"Internal Server Error"} (fidelity review A17d).
const HMAC_FAILED = () => new HttpError(500, { status: 500, error: 'Internal Server Error' });

// ContactInboxWithContactBuilder#contact_name: `contact_attributes[:name] || Haikunator.haikunate(1000)`
const ADJECTIVES = ['autumn', 'hidden', 'bitter', 'misty', 'silent', 'empty', 'dry', 'dark', 'summer', 'icy', 'delicate', 'quiet'];
const NOUNS = ['waterfall', 'river', 'breeze', 'moon', 'rain', 'wind', 'sea', 'morning', 'snow', 'lake', 'sunset', 'pine'];
const haikunate = () => `${ADJECTIVES[crypto.randomInt(ADJECTIVES.length)]}-${NOUNS[crypto.randomInt(NOUNS.length)]}-${crypto.randomInt(1000)}`;

function register(router, env) {
	const { store, S, X } = env;
	const P = '/public/api/v1/inboxes/:inbox_identifier';

	const inboxOf = (ctx) => {
		const i = store.inboxByIdentifier.get(ctx.params.inbox_identifier);
		if (!i) throw ERR.notFound();
		return i;
	};
	const contactInboxOf = (ctx) => {
		const inbox = inboxOf(ctx);
		const ci = store.contactInboxBySource(inbox.id, ctx.params.contact_identifier);
		if (!ci) throw ERR.notFound();
		return { inbox, ci, contact: store.contact(ci.contact_id) };
	};
	const conversationOf = (ctx) => {
		const r = contactInboxOf(ctx);
		const conv = store.conversationByDisplay(r.inbox.account_id, ctx.params.conversation_id);
		// hmac_verified contact_inboxes see all conversations of the contact, others only their own
		if (!conv || (r.ci.hmac_verified ? conv.contact_id !== r.ci.contact_id : conv.contact_inbox_id !== r.ci.id)) throw ERR.notFound();
		return { ...r, conv };
	};
	const validHmac = (inbox, identifier, hash) =>
		present(identifier) && present(hash) && crypto.createHmac('sha256', inbox.hmac_token).update(String(identifier)).digest('hex') === String(hash);
	const checkHmac = (inbox, ci, params) => {
		if (isBlank(params.identifier_hash) && !inbox.hmac_mandatory) return;
		if (!validHmac(inbox, params.identifier, params.identifier_hash)) throw HMAC_FAILED();
		if (ci) ci.hmac_verified = true;
	};
	// Inboxes::ContactsController#permitted_params: identifier, identifier_hash, email, name, avatar_url, phone_number,
	// custom_attributes (no additional_attributes)
	const contactParams = (b) => {
		const out = {};
		for (const k of ['name', 'email', 'phone_number', 'identifier', 'custom_attributes']) if (b[k] !== undefined) out[k] = b[k];
		return out;
	};
	const actorOf = (contact) => ({ kind: 'contact', record: contact });

	router.add('GET', P, (ctx) => S.publicInbox(inboxOf(ctx)));

	// app/controllers/public/api/v1/inboxes/contacts_controller.rb#create + app/builders/contact_inbox_with_contact_builder.rb
	// + create.json.jbuilder. process_hmac runs BEFORE the contact inbox exists, and the builder is not given
	// hmac_verified: a create never verifies the contact (fidelity review A3); an existing source_id returns that contact.
	router.add('POST', `${P}/contacts`, (ctx) => {
		const inbox = inboxOf(ctx);
		const b = ctx.body;
		checkHmac(inbox, null, b);
		const attrs = contactParams(b);
		const accountId = inbox.account_id;
		const sourceId = present(b.source_id) ? String(b.source_id) : crypto.randomUUID();
		const existing = store.contactInboxBySource(inbox.id, sourceId);
		if (existing) return S.publicContact(store.contact(existing.contact_id), existing);
		let contact = null;
		const inAccount = (pred) => store.db.contacts.find((c) => c.account_id === accountId && pred(c));
		if (present(attrs.identifier)) contact = inAccount((c) => c.identifier === String(attrs.identifier));
		if (!contact && present(attrs.email)) contact = inAccount((c) => c.email === String(attrs.email).toLowerCase());
		if (!contact && present(attrs.phone_number)) contact = inAccount((c) => c.phone_number === String(attrs.phone_number));
		if (!contact) contact = X.createContact(accountId, { ...attrs, name: present(attrs.name) ? attrs.name : haikunate() });
		const ci = store.createContactInbox({ contactId: contact.id, inboxId: inbox.id, sourceId, hmacVerified: false });
		return S.publicContact(contact, ci);
	});

	// contacts_controller.rb#show: `before_action :contact_inbox` (404 first), then `process_hmac` (no `only:`) — the
	// HMAC is checked on GET too, from the query string; a valid hash marks the contact inbox verified (review A1).
	router.add('GET', `${P}/contacts/:contact_identifier`, (ctx) => {
		const { inbox, contact, ci } = contactInboxOf(ctx);
		checkHmac(inbox, ci, ctx.query);
		return S.publicContact(contact, ci);
	});

	// contacts_controller.rb#update → app/actions/contact_identify_action.rb with params.except(:identifier): the identifier
	// only serves the HMAC check; merges into an existing contact with the same email, then phone (base = the existing
	// one); blank values are ignored; custom attributes deep-merged; renders the contact's as_json (review A14).
	router.add(['PATCH', 'PUT'], `${P}/contacts/:contact_identifier`, (ctx) => {
		const { inbox, ci, contact } = contactInboxOf(ctx);
		const b = ctx.body;
		checkHmac(inbox, ci, b);
		const attrs = contactParams(b);
		delete attrs.identifier;
		for (const k of ['name', 'email', 'phone_number']) if (isBlank(attrs[k])) delete attrs[k];
		if (attrs.custom_attributes && (typeof attrs.custom_attributes !== 'object' || !Object.keys(attrs.custom_attributes).length)) delete attrs.custom_attributes;
		let target = contact;
		const others = (pred) => store.db.contacts.find((c) => c.account_id === contact.account_id && c.id !== target.id && pred(c));
		const byEmail = present(attrs.email) && others((c) => c.email === String(attrs.email).toLowerCase());
		if (byEmail) {
			X.mergeContacts(byEmail, target);
			target = byEmail;
		}
		const byPhone = present(attrs.phone_number) && others((c) => c.phone_number === String(attrs.phone_number));
		// mergable_phone_contact?: not when that contact has another email than the one given
		if (byPhone && !(present(attrs.email) && present(byPhone.email) && byPhone.email !== String(attrs.email).toLowerCase())) {
			X.mergeContacts(byPhone, target);
			target = byPhone;
		} else if (byPhone) delete attrs.phone_number;
		X.updateContact(target, attrs);
		return S.contactRecord(target);
	});

	router.add('GET', `${P}/contacts/:contact_identifier/conversations`, (ctx) => {
		const { ci } = contactInboxOf(ctx);
		return store.db.conversations.filter((c) => (ci.hmac_verified ? c.contact_id === ci.contact_id : c.contact_inbox_id === ci.id)).map(S.publicConversation);
	});

	router.add('POST', `${P}/contacts/:contact_identifier/conversations`, (ctx) => {
		const { ci, contact } = contactInboxOf(ctx);
		const b = ctx.body;
		const conv = X.createConversation(ci, { custom_attributes: b.custom_attributes }, actorOf(contact));
		return S.publicConversation(conv);
	});

	router.add('GET', `${P}/contacts/:contact_identifier/conversations/:conversation_id`, (ctx) => S.publicConversation(conversationOf(ctx).conv));

	router.add('POST', `${P}/contacts/:contact_identifier/conversations/:conversation_id/toggle_status`, (ctx) => {
		const { conv, contact } = conversationOf(ctx);
		if (conv.status !== 'resolved') X.setStatus(conv, 'resolved', null, actorOf(contact));
		return S.publicConversation(conv);
	});

	router.add('POST', `${P}/contacts/:contact_identifier/conversations/:conversation_id/toggle_typing`, (ctx) => {
		const { conv, contact } = conversationOf(ctx);
		const st = String(ctx.body.typing_status || '');
		if (st === 'on' || st === 'off') X.typing(conv, actorOf(contact), st === 'on', false);
		return reply(200, EMPTY);
	});

	router.add('POST', `${P}/contacts/:contact_identifier/conversations/:conversation_id/update_last_seen`, (ctx) => {
		const { conv } = conversationOf(ctx);
		conv.contact_last_seen_at = store.now();
		return reply(200, EMPTY);
	});

	router.add('GET', `${P}/contacts/:contact_identifier/conversations/:conversation_id/messages`, (ctx) => {
		const { conv } = conversationOf(ctx);
		let list = store.messagesOf(conv).filter((m) => !m.private && m.message_type !== 'activity');
		const before = toInt(ctx.query.before);
		if (before) list = list.filter((m) => m.id < before);
		return list.slice(-20).map(S.publicMessage);
	});

	router.add('POST', `${P}/contacts/:contact_identifier/conversations/:conversation_id/messages`, (ctx) => {
		const { conv, contact } = conversationOf(ctx);
		const b = ctx.body.message && typeof ctx.body.message === 'object' ? { ...ctx.body, ...ctx.body.message } : ctx.body;
		const files = ctx.files.filter((f) => f.fieldName.startsWith('attachments'));
		const m = X.createMessage(conv, { content: b.content, echo_id: b.echo_id, message_type: 'incoming', files }, actorOf(contact));
		return S.publicMessage(m);
	});

	router.add(['PATCH', 'PUT'], `${P}/contacts/:contact_identifier/conversations/:conversation_id/messages/:message_id`, (ctx) => {
		const { conv } = conversationOf(ctx);
		const m = store.messagesOf(conv).find((x) => x.id === Number(ctx.params.message_id));
		if (!m) throw ERR.notFound();
		// messages_controller.rb#message_update_params: `submitted_values: [:name, :title, :value,
		// { csat_survey_response: [:feedback_message, :rating] }]` — any other key is dropped (fidelity review A17o)
		const permitOne = (v) => {
			if (!v || typeof v !== 'object') return null;
			const out = {};
			for (const k of ['name', 'title', 'value']) if (v[k] !== undefined && (v[k] === null || typeof v[k] !== 'object')) out[k] = v[k];
			const csat = v.csat_survey_response;
			if (csat && typeof csat === 'object') {
				out.csat_survey_response = {};
				for (const k of ['feedback_message', 'rating']) if (csat[k] !== undefined) out.csat_survey_response[k] = csat[k];
			}
			return out;
		};
		const sub = ctx.body.submitted_values;
		const ca = { ...m.content_attributes };
		if (sub !== undefined) ca.submitted_values = Array.isArray(sub) ? sub.map(permitOne).filter(Boolean) : permitOne(sub) || {};
		X.updateMessage(m, { content_attributes: ca });
		return S.publicMessage(m);
	});
}

module.exports = { register };
