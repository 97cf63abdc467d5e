'use strict';
// Application API, account settings and conversation extras added for issue 14: canned responses,
// custom attribute definitions (show/update/destroy), contact notes, custom filters, integrations,
// search, conversation unread/transcript/participants/reporting events. Each handler names the
// Chatwoot file (commit f66b551c) whose behaviour it models; FIDELITY rows in README.md.
const { ERR, HttpError, isBlank, present, toInt } = require('./util');
const { reply, EMPTY } = require('./server');
const { visibleInboxIds } = require('./auth');

/**
 * config/integration/apps.yml (ids, hook_type, allow_multiple_hooks, feature_flag; the simulator
 * lists every app as active and shows `visible` settings keys only).
 */
const APPS = [
	{ id: 'webhooks', name: 'Webhooks', description: 'Webhook events to external URLs', hook_type: 'account', multiple: true },
	{ id: 'dashboard_apps', name: 'Dashboard Apps', description: 'Dashboard apps in the conversation view', hook_type: 'account', multiple: true },
	{ id: 'openai', name: 'OpenAI', description: 'Reply suggestions, summaries', hook_type: 'account', visible: ['label_suggestion'] },
	{ id: 'dialogflow', name: 'Dialogflow', description: 'Build chatbots with Dialogflow', hook_type: 'inbox', multiple: true, visible: ['project_id'] },
	{ id: 'google_translate', name: 'Google Translate', description: 'Translate messages', hook_type: 'account', visible: ['project_id'] },
	{ id: 'leadsquared', name: 'LeadSquared', description: 'Sync contacts to LeadSquared', hook_type: 'account', feature_flag: 'crm_integration', visible: ['endpoint_url'] },
];

function register(router, env) {
	const { store, S } = env;
	const A = '/api/v1/accounts/:account_id';
	const ADMIN = { admin: true };
	const iso = (ms) => new Date(ms).toISOString();
	const nested = (ctx, key) => (ctx.body[key] && typeof ctx.body[key] === 'object' ? ctx.body[key] : ctx.body); // wrap_parameters

	// ---- canned responses: app/controllers/api/v1/accounts/canned_responses_controller.rb,
	// app/models/canned_response.rb (content + short_code present, short_code unique per account);
	// rendered with `render json:` (the model's columns).
	const canned = (c) => ({ id: c.id, account_id: c.account_id, short_code: c.short_code, content: c.content, created_at: iso(c.created_at), updated_at: iso(c.updated_at) });
	const validateCanned = (accountId, c) => {
		const msgs = [];
		const attrs = [];
		if (isBlank(c.content)) (msgs.push("Content can't be blank"), attrs.push('content'));
		if (isBlank(c.short_code)) (msgs.push("Short code can't be blank"), attrs.push('short_code'));
		else if (store.db.cannedResponses.some((o) => o.account_id === accountId && o.short_code === c.short_code && o.id !== c.id)) {
			msgs.push('Short code has already been taken');
			attrs.push('short_code');
		}
		if (msgs.length) throw ERR.invalid(msgs, attrs);
	};
	const cannedOf = (ctx) => {
		const c = store.inAccount('cannedResponses', ctx.auth.accountId, ctx.params.id);
		if (!c) throw ERR.notFound();
		return c;
	};
	router.add('GET', `${A}/canned_responses`, (ctx) => {
		const all = store.db.cannedResponses.filter((c) => c.account_id === ctx.auth.accountId);
		if (!present(ctx.query.search)) return all.map(canned);
		// ILIKE on short_code or content, ordered by order_by_search (1 / 0.5 / 0.2)
		const q = String(ctx.query.search).toLowerCase();
		const rank = (c) => (c.short_code.toLowerCase().startsWith(q) ? 1 : c.short_code.toLowerCase().includes(q) ? 0.5 : c.content.toLowerCase().includes(q) ? 0.2 : 0);
		return all.filter((c) => rank(c) > 0).sort((a, b) => rank(b) - rank(a)).map(canned);
	});
	router.add('POST', `${A}/canned_responses`, (ctx) => {
		const p = nested(ctx, 'canned_response');
		const now = store.now();
		const c = { account_id: ctx.auth.accountId, short_code: p.short_code, content: p.content, created_at: now, updated_at: now };
		validateCanned(ctx.auth.accountId, c);
		return canned(store.insert('cannedResponses', c));
	});
	router.add('PATCH', `${A}/canned_responses/:id`, (ctx) => {
		const c = cannedOf(ctx);
		const p = nested(ctx, 'canned_response');
		const next = { ...c, ...(p.short_code !== undefined ? { short_code: p.short_code } : {}), ...(p.content !== undefined ? { content: p.content } : {}) };
		validateCanned(ctx.auth.accountId, next);
		Object.assign(c, next, { updated_at: store.now() });
		return canned(c);
	});
	router.add('DELETE', `${A}/canned_responses/:id`, (ctx) => {
		store.remove('cannedResponses', cannedOf(ctx));
		return reply(200, EMPTY);
	});

	// ---- custom attribute definitions: show / update / destroy
	// (custom_attribute_definitions_controller.rb; destroy answers 204 head :no_content;
	// rendered with app/views/api/v1/models/_custom_attribute_definition.json.jbuilder)
	const cad = (d) => ({ ...d, created_at: iso(d.created_at), updated_at: iso(d.updated_at) });
	const definitionOf = (ctx) => {
		const d = store.inAccount('customAttributeDefinitions', ctx.auth.accountId, ctx.params.id);
		if (!d) throw ERR.notFound();
		return d;
	};
	router.add('GET', `${A}/custom_attribute_definitions/:id`, (ctx) => cad(definitionOf(ctx)));
	router.add('PATCH', `${A}/custom_attribute_definitions/:id`, (ctx) => {
		const d = definitionOf(ctx);
		const p = nested(ctx, 'custom_attribute_definition');
		for (const k of ['attribute_display_name', 'attribute_description', 'regex_pattern', 'regex_cue', 'attribute_values']) if (p[k] !== undefined) d[k] = p[k];
		if (isBlank(d.attribute_display_name)) throw ERR.invalid(["Attribute display name can't be blank"], ['attribute_display_name']);
		d.updated_at = store.now();
		return cad(d);
	}, ADMIN);
	router.add('DELETE', `${A}/custom_attribute_definitions/:id`, (ctx) => {
		store.remove('customAttributeDefinitions', definitionOf(ctx));
		return reply(204, EMPTY);
	}, ADMIN);

	// ---- contact notes: app/controllers/api/v1/accounts/contacts/notes_controller.rb (index newest
	// first, create!/update, destroy head :ok), app/models/note.rb (content present),
	// app/views/api/v1/models/_note.json.jbuilder (user = agent partial, unix timestamps).
	// Deviation: that partial writes `json.account_id json.account_id`; the simulator renders the IDs.
	const contactOf = (ctx) => {
		const c = store.inAccount('contacts', ctx.auth.accountId, ctx.params.contact_id);
		if (!c) throw ERR.notFound();
		return c;
	};
	const noteJson = (n) => {
		const u = n.user_id ? store.user(n.user_id) : null;
		const out = { id: n.id, content: n.content, account_id: n.account_id, contact_id: n.contact_id };
		if (u) out.user = S.agent(u, n.account_id);
		return { ...out, created_at: Math.floor(n.created_at / 1000), updated_at: Math.floor(n.updated_at / 1000) };
	};
	const noteOf = (ctx) => {
		const contact = contactOf(ctx);
		const n = store.get('notes', ctx.params.id);
		if (!n || n.contact_id !== contact.id) throw ERR.notFound();
		return n;
	};
	const noteContent = (ctx) => nested(ctx, 'note').content;
	router.add('GET', `${A}/contacts/:contact_id/notes`, (ctx) => {
		const contact = contactOf(ctx);
		return store.db.notes.filter((n) => n.contact_id === contact.id).sort((a, b) => b.created_at - a.created_at || b.id - a.id).map(noteJson);
	});
	router.add('POST', `${A}/contacts/:contact_id/notes`, (ctx) => {
		const contact = contactOf(ctx);
		const content = noteContent(ctx);
		if (isBlank(content)) throw ERR.invalid(["Content can't be blank"], ['content']);
		const now = store.now();
		const user = ctx.auth.kind === 'user' ? ctx.auth.record.id : null;
		return noteJson(store.insert('notes', { account_id: contact.account_id, contact_id: contact.id, user_id: user, content, created_at: now, updated_at: now }));
	});
	router.add('GET', `${A}/contacts/:contact_id/notes/:id`, (ctx) => noteJson(noteOf(ctx)));
	router.add('PATCH', `${A}/contacts/:contact_id/notes/:id`, (ctx) => {
		const n = noteOf(ctx);
		const content = noteContent(ctx);
		// `@note.update(note_params)` without a bang: a blank content is not saved, and still 200
		if (!isBlank(content)) Object.assign(n, { content, updated_at: store.now() });
		return noteJson(n);
	});
	router.add('DELETE', `${A}/contacts/:contact_id/notes/:id`, (ctx) => {
		store.remove('notes', noteOf(ctx));
		return reply(200, EMPTY);
	});

	// ---- custom filters: app/controllers/api/v1/accounts/custom_filters_controller.rb (per user:
	// index/show only see the token user's own filters; index filter_type defaults to conversation;
	// destroy 204), app/models/custom_filter.rb (filter_type enum conversation/contact/report),
	// app/views/api/v1/models/_custom_filter.json.jbuilder
	const FILTER_TYPES = ['conversation', 'contact', 'report'];
	const filterJson = (f) => ({ id: f.id, name: f.name, filter_type: f.filter_type, query: f.query, created_at: iso(f.created_at), updated_at: iso(f.updated_at) });
	const userId = (ctx) => (ctx.auth.kind === 'user' ? ctx.auth.record.id : null);
	const filterOf = (ctx) => {
		const f = store.inAccount('customFilters', ctx.auth.accountId, ctx.params.id);
		if (!f || f.user_id !== userId(ctx)) throw ERR.notFound();
		return f;
	};
	const filterType = (value) => {
		if (value === undefined) return undefined;
		// Rails enums raise ArgumentError on an unknown value: a 500 in the controller
		if (!FILTER_TYPES.includes(String(value))) throw new HttpError(500, { status: 500, error: `'${value}' is not a valid filter_type` });
		return String(value);
	};
	router.add('GET', `${A}/custom_filters`, (ctx) => {
		const type = filterType(ctx.query.filter_type) || 'conversation';
		return store.db.customFilters.filter((f) => f.account_id === ctx.auth.accountId && f.user_id === userId(ctx) && f.filter_type === type).map(filterJson);
	});
	router.add('GET', `${A}/custom_filters/:id`, (ctx) => filterJson(filterOf(ctx)));
	router.add('POST', `${A}/custom_filters`, (ctx) => {
		const p = nested(ctx, 'custom_filter');
		const now = store.now();
		const f = store.insert('customFilters', {
			account_id: ctx.auth.accountId,
			user_id: userId(ctx),
			name: p.name ?? null,
			filter_type: filterType(p.filter_type) || 'conversation',
			query: p.query && typeof p.query === 'object' ? p.query : {},
			created_at: now,
			updated_at: now,
		});
		return filterJson(f);
	});
	router.add('PATCH', `${A}/custom_filters/:id`, (ctx) => {
		const f = filterOf(ctx);
		const p = nested(ctx, 'custom_filter');
		if (p.name !== undefined) f.name = p.name;
		if (p.filter_type !== undefined) f.filter_type = filterType(p.filter_type);
		if (p.query !== undefined) f.query = p.query;
		f.updated_at = store.now();
		return filterJson(f);
	});
	router.add('DELETE', `${A}/custom_filters/:id`, (ctx) => {
		store.remove('customFilters', filterOf(ctx));
		return reply(204, EMPTY);
	});

	// ---- integrations: app/controllers/api/v1/accounts/integrations/{apps,hooks}_controller.rb,
	// app/views/api/v1/models/_app.json.jbuilder and _hook.json.jbuilder (status = enabled?,
	// inbox {id,name}, settings only the app's visible properties, for administrators)
	const hookJson = (h, admin) => {
		const app = APPS.find((a) => a.id === h.app_id);
		const inbox = h.inbox_id ? store.inbox(h.inbox_id) : null;
		const out = { id: h.id, app_id: h.app_id, status: h.status === 'enabled', inbox: inbox ? { id: inbox.id, name: inbox.name } : null, account_id: h.account_id, hook_type: app ? app.hook_type : 'account' };
		if (admin) {
			const visible = (app && app.visible) || [];
			out.settings = Object.fromEntries(Object.entries(h.settings || {}).filter(([k]) => visible.includes(k)));
			out.reference_id = null;
		}
		return out;
	};
	const appJson = (app, ctx) => ({
		id: app.id,
		name: app.name,
		description: app.description,
		short_description: null,
		enabled: store.db.integrationHooks.some((h) => h.account_id === ctx.auth.accountId && h.app_id === app.id && h.status === 'enabled'),
		hooks: store.db.integrationHooks.filter((h) => h.account_id === ctx.auth.accountId && h.app_id === app.id).map((h) => hookJson(h, ctx.auth.admin)),
	});
	router.add('GET', `${A}/integrations/apps`, (ctx) => ({ payload: APPS.map((a) => appJson(a, ctx)) }));
	router.add('GET', `${A}/integrations/apps/:id`, (ctx) => {
		const app = APPS.find((a) => a.id === ctx.params.id);
		if (!app) throw ERR.notFound();
		return appJson(app, ctx);
	});
	const hookOf = (ctx) => {
		const h = store.inAccount('integrationHooks', ctx.auth.accountId, ctx.params.id);
		if (!h) throw ERR.notFound();
		return h;
	};
	// app/models/integrations/hook.rb: status enum disabled/enabled (0/1), app_id must be a known app
	const hookStatus = (v) => (v === 1 || v === '1' || v === 'enabled' || v === true ? 'enabled' : v === 0 || v === '0' || v === 'disabled' || v === false ? 'disabled' : undefined);
	router.add('POST', `${A}/integrations/hooks`, (ctx) => {
		const p = nested(ctx, 'hook');
		const app = APPS.find((a) => a.id === p.app_id);
		if (!app) throw ERR.invalid(["App can't be blank"], ['app_id']);
		let inboxId = null;
		if (present(p.inbox_id)) {
			const i = store.inAccount('inboxes', ctx.auth.accountId, p.inbox_id);
			if (!i) throw ERR.notFound();
			inboxId = i.id;
		}
		// app/models/integrations/hook.rb validations: inbox for inbox hooks, the app's feature flag
		// (ensure_feature_enabled: "Feature not enabled"), one hook per app unless allow_multiple_hooks
		const account = store.account(ctx.auth.accountId);
		const msgs = [];
		const attrs = [];
		if (app.hook_type === 'inbox' && inboxId == null) (msgs.push("Inbox can't be blank"), attrs.push('inbox_id'));
		if (app.feature_flag && !(account.features || {})[app.feature_flag]) (msgs.push('Feature flag Feature not enabled'), attrs.push('feature_flag'));
		if (!app.multiple && store.db.integrationHooks.some((h) => h.account_id === ctx.auth.accountId && h.app_id === app.id)) (msgs.push('App has already been taken'), attrs.push('app_id'));
		if (msgs.length) throw ERR.invalid(msgs, attrs);
		const now = store.now();
		const h = store.insert('integrationHooks', { account_id: ctx.auth.accountId, app_id: p.app_id, inbox_id: inboxId, status: hookStatus(p.status) || 'enabled', settings: p.settings || {}, created_at: now, updated_at: now });
		return hookJson(h, true);
	}, ADMIN);
	router.add('PATCH', `${A}/integrations/hooks/:id`, (ctx) => {
		const h = hookOf(ctx);
		const p = nested(ctx, 'hook');
		// update! only takes status and settings (permitted_params.slice(:status, :settings))
		if (p.status !== undefined) h.status = hookStatus(p.status) || h.status;
		if (p.settings !== undefined) h.settings = p.settings;
		h.updated_at = store.now();
		return hookJson(h, true);
	}, ADMIN);
	router.add('DELETE', `${A}/integrations/hooks/:id`, (ctx) => {
		store.remove('integrationHooks', hookOf(ctx));
		return reply(200, EMPTY);
	}, ADMIN);

	// ---- search: app/controllers/api/v1/accounts/search_controller.rb, app/services/search_service.rb
	// (15 per page; conversations: display id / contact name, email, phone, identifier ILIKE, newest
	// first, only the user's inboxes; contacts: the same fields, resolved contacts, last activity
	// first; messages: content ILIKE, last 3 months, newest first; articles: none here — the help
	// center is not simulated), views app/views/api/v1/accounts/search/*.json.jbuilder
	const PER = 15;
	const like = (q, ...values) => values.some((v) => v != null && String(v).toLowerCase().includes(q));
	const page = (list, ctx) => {
		const p = Math.max(1, toInt(ctx.query.page) || 1);
		return list.slice((p - 1) * PER, p * PER);
	};
	const searchContact = (c) => ({ email: c.email, id: c.id, name: c.name, phone_number: c.phone_number, identifier: c.identifier, additional_attributes: c.additional_attributes, last_activity_at: c.last_activity_at ? Math.floor(c.last_activity_at / 1000) : null });
	const inboxIdsOf = (ctx) => {
		const visible = visibleInboxIds(store, ctx.auth);
		// SearchService uses @current_user.assigned_inboxes: administrators see every inbox
		return visible || new Set(store.db.inboxes.filter((i) => i.account_id === ctx.auth.accountId).map((i) => i.id));
	};
	const results = {
		contacts: (ctx, q) =>
			page(
				store.db.contacts
					.filter((c) => c.account_id === ctx.auth.accountId && (c.email || c.phone_number || c.identifier) && like(q, c.name, c.email, c.phone_number, c.identifier))
					.sort((a, b) => (b.last_activity_at || 0) - (a.last_activity_at || 0)),
				ctx,
			).map(searchContact),
		conversations: (ctx, q) => {
			const inboxes = inboxIdsOf(ctx);
			const list = store.db.conversations
				.filter((c) => c.account_id === ctx.auth.accountId && inboxes.has(c.inbox_id))
				.filter((c) => {
					const contact = store.contact(c.contact_id) || {};
					return like(q, String(c.display_id), contact.name, contact.email, contact.phone_number, contact.identifier);
				})
				.sort((a, b) => b.created_at - a.created_at || b.id - a.id);
			return page(list, ctx).map((c) => {
				const contact = store.contact(c.contact_id);
				const inbox = store.inbox(c.inbox_id);
				const first = store.messagesOf(c)[0];
				const assignee = c.assignee_id ? store.user(c.assignee_id) : null;
				return {
					id: c.display_id,
					account_id: c.account_id,
					created_at: Math.floor(c.created_at / 1000),
					message: first ? S.message(first) : {},
					contact: contact ? searchContact(contact) : {},
					inbox: inbox ? { id: inbox.id, channel_id: inbox.channel_id, name: inbox.name, channel_type: inbox.channel_type } : {},
					agent: assignee ? { id: assignee.id, available_name: assignee.display_name || assignee.name, email: assignee.email, name: assignee.name, role: store.roleIn(assignee, c.account_id) } : {},
				};
			});
		},
		messages: (ctx, q) => {
			const inboxes = inboxIdsOf(ctx);
			const since = store.now() - 90 * 24 * 3600 * 1000;
			const list = store.db.messages
				.filter((m) => m.account_id === ctx.auth.accountId && inboxes.has(m.inbox_id) && m.created_at >= since && like(q, m.content))
				.sort((a, b) => b.created_at - a.created_at || b.id - a.id);
			return page(list, ctx).map(S.message);
		},
		articles: () => [],
	};
	router.add('GET', `${A}/search`, (ctx) => {
		const q = String(ctx.query.q ?? '').trim().toLowerCase();
		return { payload: { conversations: results.conversations(ctx, q), contacts: results.contacts(ctx, q), messages: results.messages(ctx, q), articles: [] } };
	});
	for (const type of ['conversations', 'contacts', 'messages', 'articles']) {
		router.add('GET', `${A}/search/${type}`, (ctx) => ({ payload: { [type]: results[type](ctx, String(ctx.query.q ?? '').trim().toLowerCase()) } }));
	}

	// ---- conversation extras (app/controllers/api/v1/accounts/conversations_controller.rb and
	// conversations/participants_controller.rb)
	const conversationOf = (ctx) => {
		const conv = store.conversationByDisplay(ctx.auth.accountId, ctx.params.conversation_id);
		if (!conv) throw ERR.notFound();
		const visible = visibleInboxIds(store, ctx.auth);
		if (visible && !visible.has(conv.inbox_id)) throw ERR.unauthorizedAction();
		return conv;
	};
	// #unread: agent_last_seen_at (and assignee_last_seen_at) = last incoming message - 1 s
	router.add('POST', `${A}/conversations/:conversation_id/unread`, (ctx) => {
		const conv = conversationOf(ctx);
		const incoming = store.messagesOf(conv).filter((m) => m.message_type === 'incoming');
		const last = incoming[incoming.length - 1];
		const seen = last ? last.created_at - 1000 : null;
		conv.agent_last_seen_at = seen;
		conv.assignee_last_seen_at = seen;
		return S.conversation(conv);
	});
	// #transcript: 422 without email, 402 when the plan has no email transcript, 429 past the
	// account's daily email limit (Account#within_email_rate_limit?), else the mail is queued
	router.add('POST', `${A}/conversations/:conversation_id/transcript`, (ctx) => {
		const conv = conversationOf(ctx);
		if (isBlank(ctx.body.email)) throw new HttpError(422, { error: 'email param missing' });
		const account = store.account(conv.account_id);
		if (account.email_transcript_enabled === false) throw new HttpError(402, { error: 'Email transcript is not available on your plan' });
		const sentToday = store.db.transcripts.filter((t) => t.account_id === account.id).length;
		if (account.email_rate_limit != null && sentToday >= account.email_rate_limit) return reply(429, EMPTY);
		store.insert('transcripts', { account_id: account.id, conversation_id: conv.id, email: String(ctx.body.email), created_at: store.now() });
		return reply(200, EMPTY);
	});
	// participants: show (agent partials), create (find_or_create_by for ids not yet in; a user
	// without access to the inbox fails ConversationParticipant#ensure_inbox_access and is not
	// saved, the unsaved record is still rendered), destroy (head :ok), update (replace set)
	const participantIds = (conv) => store.db.conversationParticipants.filter((p) => p.conversation_id === conv.id).map((p) => p.user_id);
	const canAccess = (conv, uid) => {
		const u = store.user(uid);
		return !!u && u.account_ids.includes(conv.account_id) && (store.roleIn(u, conv.account_id) === 'administrator' || store.isInboxMember(conv.inbox_id, uid));
	};
	const renderUsers = (conv, ids) => ids.map((id) => store.user(id)).filter(Boolean).map((u) => S.agent(u, conv.account_id));
	const userIds = (ctx) => [].concat(ctx.body.user_ids || []).map(Number);
	const addParticipant = (conv, uid) => {
		if (participantIds(conv).includes(uid) || !canAccess(conv, uid)) return;
		store.insert('conversationParticipants', { account_id: conv.account_id, conversation_id: conv.id, user_id: uid, created_at: store.now() });
	};
	const removeParticipant = (conv, uid) => {
		const p = store.db.conversationParticipants.find((x) => x.conversation_id === conv.id && x.user_id === uid);
		if (p) store.remove('conversationParticipants', p);
	};
	router.add('GET', `${A}/conversations/:conversation_id/participants`, (ctx) => {
		const conv = conversationOf(ctx);
		return renderUsers(conv, participantIds(conv));
	});
	router.add('POST', `${A}/conversations/:conversation_id/participants`, (ctx) => {
		const conv = conversationOf(ctx);
		const toAdd = userIds(ctx).filter((id) => !participantIds(conv).includes(id));
		for (const id of toAdd) addParticipant(conv, id);
		return renderUsers(conv, toAdd);
	});
	router.add('PATCH', `${A}/conversations/:conversation_id/participants`, (ctx) => {
		const conv = conversationOf(ctx);
		const wanted = userIds(ctx);
		for (const id of wanted) addParticipant(conv, id);
		for (const id of participantIds(conv)) if (!wanted.includes(id)) removeParticipant(conv, id);
		return renderUsers(conv, participantIds(conv));
	});
	router.add('DELETE', `${A}/conversations/:conversation_id/participants`, (ctx) => {
		const conv = conversationOf(ctx);
		for (const id of userIds(ctx)) removeParticipant(conv, id);
		return reply(200, EMPTY);
	});
	// GET …/reporting_events: config/routes.rb declares it only `if ChatwootApp.enterprise?`;
	// without the enterprise edition (`sim.setEdition('enterprise')`) Rails has no such route (404). Records
	// from `sim.seed.reportingEvent` (shared with the reports routes); shape from the spec's reporting_event schema.
	router.add('GET', `${A}/conversations/:conversation_id/reporting_events`, (ctx) => {
		if (env.sim.edition !== 'enterprise') throw new HttpError(404, { status: 404, error: 'Not Found' }); // route not drawn
		const conv = conversationOf(ctx);
		return store.db.reportingEvents
			.filter((e) => e.conversation_id === conv.id)
			.map((e) => ({
				id: e.id,
				name: e.name,
				value: e.value,
				value_in_business_hours: e.value_in_business_hours,
				event_start_time: iso(e.event_start_time),
				event_end_time: iso(e.event_end_time),
				account_id: e.account_id,
				inbox_id: e.inbox_id,
				user_id: e.user_id,
				conversation_id: e.conversation_id,
				created_at: iso(e.created_at),
				updated_at: iso(e.updated_at),
			}));
	});
}

module.exports = { register };
