'use strict';
// Client (public) API — /public/api/v1/inboxes/:inbox_identifier/... (API-NOTES §2). No token.
const crypto = require('crypto');
const { ERR, HttpError, present, isBlank, toInt } = require('./util');
const { reply, EMPTY } = require('./server');

const HMAC_FAILED = () => new HttpError(500, { status: 500, error: 'HMAC failed: Invalid Identifier Hash Provided' });

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
	const contactParams = (b) => {
		const out = {};
		for (const k of ['name', 'email', 'phone_number', 'identifier', 'custom_attributes', 'additional_attributes']) if (b[k] !== undefined) out[k] = b[k];
		return out;
	};
	const actorOf = (contact) => ({ kind: 'contact', record: contact });

	router.add('GET', P, (ctx) => S.publicInbox(inboxOf(ctx)));

	router.add('POST', `${P}/contacts`, (ctx) => {
		const inbox = inboxOf(ctx);
		const b = ctx.body;
		checkHmac(inbox, null, b);
		const attrs = contactParams(b);
		const accountId = inbox.account_id;
		let contact = null;
		const inAccount = (pred) => store.db.contacts.find((c) => c.account_id === accountId && pred(c));
		if (present(attrs.identifier)) contact = inAccount((c) => c.identifier === String(attrs.identifier));
		if (!contact && present(attrs.email)) contact = inAccount((c) => c.email === String(attrs.email).toLowerCase());
		if (!contact && present(attrs.phone_number)) contact = inAccount((c) => c.phone_number === String(attrs.phone_number));
		if (!contact) contact = X.createContact(accountId, attrs);
		const sourceId = present(b.source_id) ? String(b.source_id) : crypto.randomUUID();
		if (store.contactInboxBySource(inbox.id, sourceId)) throw ERR.invalid(['Source has already been taken'], ['source_id']);
		const ci = store.createContactInbox({ contactId: contact.id, inboxId: inbox.id, sourceId, hmacVerified: present(b.identifier_hash) });
		return S.publicContact(contact, ci);
	});

	router.add('GET', `${P}/contacts/:contact_identifier`, (ctx) => {
		const { contact, ci } = contactInboxOf(ctx);
		return S.publicContact(contact, ci);
	});

	router.add(['PATCH', 'PUT'], `${P}/contacts/:contact_identifier`, (ctx) => {
		const { inbox, ci, contact } = contactInboxOf(ctx);
		const b = ctx.body;
		checkHmac(inbox, ci, b);
		const attrs = contactParams(b);
		// ContactIdentifyAction: an identifier/email that belongs to another contact merges this one into it
		let target = contact;
		const other =
			(present(attrs.identifier) && store.db.contacts.find((c) => c.account_id === contact.account_id && c.id !== contact.id && c.identifier === String(attrs.identifier))) ||
			(present(attrs.email) && store.db.contacts.find((c) => c.account_id === contact.account_id && c.id !== contact.id && c.email === String(attrs.email).toLowerCase()));
		if (other) {
			X.mergeContacts(other, contact);
			target = other;
			for (const k of ['identifier', 'email']) delete attrs[k];
		}
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
		const sub = ctx.body.submitted_values;
		const ca = { ...m.content_attributes };
		if (sub !== undefined) {
			if (m.content_type === 'input_email' && sub && sub.email) ca.submitted_email = sub.email;
			else ca.submitted_values = sub;
		}
		X.updateMessage(m, { content_attributes: ca });
		return S.publicMessage(m);
	});
}

module.exports = { register };
