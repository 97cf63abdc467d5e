'use strict';
// Application API: contacts (API-NOTES §1.1)
const { ERR, HttpError, present, isBlank, toBool, toInt } = require('./util');
const { compileFilter, CONTACT_ATTRS } = require('./filters');
const { reply, EMPTY } = require('./server');
const { visibleInboxIds } = require('./auth');

const PER_PAGE = 15;
const SORTS = {
	name: (c) => c.name,
	email: (c) => c.email,
	phone_number: (c) => c.phone_number,
	last_activity_at: (c) => c.last_activity_at,
	created_at: (c) => c.created_at,
	company_name: (c) => c.additional_attributes.company_name,
	city: (c) => c.additional_attributes.city,
	country: (c) => c.additional_attributes.country,
};

function sortContacts(list, sort) {
	if (!sort) return list.sort((a, b) => a.id - b.id);
	const desc = sort.startsWith('-');
	const key = desc ? sort.slice(1) : sort;
	const get = SORTS[key];
	if (!get) return list.sort((a, b) => a.id - b.id);
	return list.sort((a, b) => {
		const va = get(a);
		const vb = get(b);
		const na = va === null || va === undefined || va === '';
		const nb = vb === null || vb === undefined || vb === '';
		if (na && nb) return a.id - b.id;
		if (na) return 1; // NULLS LAST
		if (nb) return -1;
		let cmp = typeof va === 'string' ? va.toLowerCase().localeCompare(String(vb).toLowerCase()) : va - vb;
		if (desc) cmp = -cmp;
		return cmp || a.id - b.id;
	});
}

function page(q) {
	const p = toInt(q.page);
	return p && p > 0 ? p : 1;
}

function register(router, env) {
	const { store, S, X } = env;
	const A = '/api/v1/accounts/:account_id';
	const withCI = (q) => toBool(q.include_contact_inboxes) !== false;
	const contactOf = (ctx) => {
		const c = store.inAccount('contacts', ctx.auth.accountId, ctx.params.id);
		if (!c) throw ERR.notFound();
		return c;
	};
	const accountContacts = (accountId) => store.db.contacts.filter((c) => c.account_id === accountId);
	const render = (list, q) => list.map((c) => S.contact(c, { withContactInboxes: withCI(q) }));

	router.add('GET', `${A}/contacts`, (ctx) => {
		const q = ctx.query;
		let list = accountContacts(ctx.auth.accountId).filter((c) => present(c.email) || present(c.phone_number) || present(c.identifier));
		const labels = [].concat(q.labels || []).filter(Boolean);
		if (labels.length) list = list.filter((c) => c.labels.some((l) => labels.includes(l)));
		sortContacts(list, q.sort);
		const p = page(q);
		return { meta: { count: list.length, current_page: p }, payload: render(list.slice((p - 1) * PER_PAGE, p * PER_PAGE), q) };
	});

	router.add('GET', `${A}/contacts/active`, (ctx) => ({ meta: { count: 0, current_page: page(ctx.query) }, payload: [] }));

	router.add('GET', `${A}/contacts/search`, (ctx) => {
		const q = ctx.query;
		if (isBlank(q.q)) throw ERR.unprocessable('Specify search string with parameter q');
		const term = String(q.q).trim();
		const lower = term.toLowerCase();
		// contacts_controller.rb#search: all contacts of the account (not only resolved ones), `name ILIKE OR email ILIKE
		// OR phone_number ILIKE OR identifier LIKE` '%q%' — no id, no company (fidelity review A17a)
		let list = accountContacts(ctx.auth.accountId).filter(
			(c) =>
				(c.name && c.name.toLowerCase().includes(lower)) ||
				(c.email && c.email.toLowerCase().includes(lower)) ||
				(c.phone_number && c.phone_number.toLowerCase().includes(lower)) ||
				(c.identifier && c.identifier.includes(term)),
		);
		sortContacts(list, q.sort);
		const p = page(q);
		const slice = list.slice((p - 1) * PER_PAGE, p * PER_PAGE);
		return { meta: { count: slice.length, current_page: p, has_more: list.length > p * PER_PAGE }, payload: render(slice, q) };
	});

	// contacts_controller.rb#filter → app/services/contacts/filter_service.rb (see filters.js); base relation
	// `resolved_contacts` (email, phone or identifier present); 15/page; meta.count = all matches; errors 422 {error}
	router.add('POST', `${A}/contacts/filter`, (ctx) => {
		const accountId = ctx.auth.accountId;
		const list = accountContacts(accountId).filter((c) => present(c.email) || present(c.phone_number) || present(c.identifier));
		const definition = (key) =>
			store.db.customAttributeDefinitions.find((d) => d.account_id === accountId && d.attribute_model === 'contact_attribute' && d.attribute_key === key) || null;
		const pred = compileFilter(ctx.body.payload, CONTACT_ATTRS, definition, store.now(), { contact: true });
		const matched = sortContacts(list.filter(pred), ctx.query.sort);
		const p = page({ ...ctx.body, ...ctx.query });
		return { meta: { count: matched.length, current_page: p }, payload: render(matched.slice((p - 1) * PER_PAGE, p * PER_PAGE), ctx.query) };
	});

	router.add('POST', `${A}/contacts`, (ctx) => {
		const b = ctx.body.contact && typeof ctx.body.contact === 'object' ? { ...ctx.body, ...ctx.body.contact } : ctx.body;
		const accountId = ctx.auth.accountId;
		let inbox = null;
		if (present(b.inbox_id)) {
			inbox = store.inAccount('inboxes', accountId, b.inbox_id);
			if (!inbox) throw ERR.notFound();
		}
		if (inbox && present(b.source_id) && store.contactInboxBySource(inbox.id, b.source_id)) throw ERR.invalid(['Source has already been taken'], ['source_id']);
		const c = X.createContact(accountId, b);
		let ci = null;
		if (inbox) ci = X.findOrCreateContactInbox(c, inbox, b.source_id);
		if (present(b.labels) && Array.isArray(b.labels)) c.labels = b.labels.map(String);
		return {
			payload: {
				contact: S.contact(c, { withContactInboxes: true }),
				contact_inbox: { inbox: ci ? S.inboxRaw(inbox) : null, source_id: ci ? ci.source_id : null },
			},
		};
	});

	router.add('GET', `${A}/contacts/:id`, (ctx) => ({ payload: S.contact(contactOf(ctx), { withContactInboxes: withCI(ctx.query) }) }));

	const update = (ctx) => {
		const c = contactOf(ctx);
		const b = ctx.body.contact && typeof ctx.body.contact === 'object' ? { ...ctx.body, ...ctx.body.contact } : ctx.body;
		X.updateContact(c, b);
		return { payload: S.contact(c, { withContactInboxes: true }) };
	};
	router.add(['PUT', 'PATCH'], `${A}/contacts/:id`, update);

	router.add('DELETE', `${A}/contacts/:id`, (ctx) => {
		const c = contactOf(ctx);
		// OnlineStatusTracker presence: set `contact.online = true` in a test to simulate a contact in the widget.
		if (c.online) {
			const name = String(c.name || '');
			return reply(422, { message: `${name.charAt(0).toUpperCase()}${name.slice(1).toLowerCase()} is Online, please try again later` });
		}
		X.deleteContact(c);
		return reply(200, EMPTY);
	}, { admin: true }); // app/policies/contact_policy.rb#destroy?: administrators only

	router.add('POST', `${A}/contacts/:id/destroy_custom_attributes`, (ctx) => {
		const c = contactOf(ctx);
		const keys = [].concat(ctx.body.custom_attributes || []);
		const next = { ...c.custom_attributes };
		for (const k of keys) delete next[k];
		const before = c.custom_attributes;
		c.custom_attributes = next;
		if (JSON.stringify(before) !== JSON.stringify(next)) c.updated_at = store.now();
		return { payload: S.contact(c, { withContactInboxes: true }) };
	});

	router.add('GET', `${A}/contacts/:id/conversations`, (ctx) => {
		const c = contactOf(ctx);
		const visible = visibleInboxIds(store, ctx.auth);
		// app/controllers/api/v1/accounts/contacts/conversations_controller.rb: permission filter,
		// `.order(last_activity_at: :desc).limit(20)` (fidelity review A8)
		const list = store.db.conversations.filter((v) => v.contact_id === c.id && (!visible || visible.has(v.inbox_id))).sort((a, b) => b.last_activity_at - a.last_activity_at || b.id - a.id);
		return { payload: list.slice(0, 20).map(S.conversation) };
	});

	router.add('GET', `${A}/contacts/:id/contactable_inboxes`, (ctx) => {
		const c = contactOf(ctx);
		const visible = visibleInboxIds(store, ctx.auth);
		const out = [];
		for (const inbox of store.db.inboxes) {
			if (inbox.account_id !== c.account_id || (visible && !visible.has(inbox.id))) continue;
			const existing = store.contactInboxFor(c.id, inbox.id);
			let sourceId = null;
			if (inbox.channel_type === 'Channel::Api') sourceId = existing ? existing.source_id : require('crypto').randomUUID();
			else if (inbox.channel_type === 'Channel::Email') sourceId = c.email || null;
			else if (inbox.channel_type === 'Channel::WebWidget') sourceId = existing ? existing.source_id : null;
			if (!sourceId) continue;
			out.push({ source_id: sourceId, inbox: S.inbox(inbox, { admin: ctx.auth.admin }) });
		}
		return { payload: out };
	});

	// app/controllers/api/v1/accounts/contacts/contact_inboxes_controller.rb + app/builders/contact_inbox_builder.rb
	// (fidelity review A17b/c): source_id generated per channel (API/WebWidget uuid, Email the contact's email → 422
	// ParameterMissing without one, others raise → 500); same contact+inbox+source_id → returned; a source_id of another
	// contact → RecordNotUnique, re-raised for API/WebWidget (→ 500), for Email the old one is renamed and this one created.
	router.add('POST', `${A}/contacts/:id/contact_inboxes`, (ctx) => {
		const c = contactOf(ctx);
		const inbox = store.inAccount('inboxes', c.account_id, ctx.body.inbox_id);
		if (!inbox) throw ERR.notFound();
		const visible = visibleInboxIds(store, ctx.auth);
		if (visible && !visible.has(inbox.id)) throw ERR.unauthorizedAction();
		let sourceId = present(ctx.body.source_id) ? String(ctx.body.source_id) : null;
		if (!sourceId) {
			if (inbox.channel_type === 'Channel::Api' || inbox.channel_type === 'Channel::WebWidget') sourceId = require('crypto').randomUUID();
			else if (inbox.channel_type === 'Channel::Email') {
				if (!c.email) throw ERR.unprocessable('param is missing or the value is empty: contact email');
				sourceId = c.email;
			} else throw new HttpError(500, { status: 500, error: 'Internal Server Error' });
		}
		const other = store.contactInboxBySource(inbox.id, sourceId);
		if (other && other.contact_id === c.id) return S.contactInbox(other);
		if (other) {
			if (inbox.channel_type !== 'Channel::Email') throw new HttpError(500, { status: 500, error: 'Internal Server Error' });
			store.renameContactInboxSource(other, `${Math.floor(Math.random() * 10)}${sourceId}`);
		}
		const ci = store.createContactInbox({ contactId: c.id, inboxId: inbox.id, sourceId, hmacVerified: toBool(ctx.body.hmac_verified) === true });
		return S.contactInbox(ci);
	});

	router.add('GET', `${A}/contacts/:id/labels`, (ctx) => ({ payload: contactOf(ctx).labels }));
	router.add('POST', `${A}/contacts/:id/labels`, (ctx) => {
		const c = contactOf(ctx);
		const labels = [...new Set([].concat(ctx.body.labels || []).map((l) => String(l).trim()).filter(Boolean))];
		c.labels = labels;
		c.updated_at = store.now();
		return { payload: c.labels };
	});

	router.add('POST', `${A}/actions/contact_merge`, (ctx) => {
		const base = store.inAccount('contacts', ctx.auth.accountId, ctx.body.base_contact_id);
		const mergee = store.inAccount('contacts', ctx.auth.accountId, ctx.body.mergee_contact_id);
		if (!base || !mergee) throw ERR.notFound();
		X.mergeContacts(base, mergee);
		return S.contact(base);
	});
}

module.exports = { register, sortContacts };
