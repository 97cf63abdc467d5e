'use strict';
// Application API: profile, account, inboxes, inbox members, agents, teams, labels, webhooks, agent bots,
// custom attribute definitions (API-NOTES §0, §1.4–§1.7)
const { ERR, HttpError, present, isBlank, toInt } = require('./util');
const { reply, EMPTY } = require('./server');
const { visibleInboxIds } = require('./auth');
const { ALLOWED_WEBHOOK_EVENTS } = require('./webhooks');

const URL_RE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

function register(router, env) {
	const { store, S, X } = env;
	const A = '/api/v1/accounts/:account_id';
	const ADMIN = { admin: true };
	const me = (ctx) => (ctx.auth.kind === 'user' ? ctx.auth.record : null);

	// ---- profile / account ----
	router.add('GET', '/api/v1/profile', (ctx) => S.profile(ctx.auth.record), { noAccount: true });
	router.add(['PUT', 'PATCH'], '/api/v1/profile', (ctx) => {
		const u = ctx.auth.record;
		const p = ctx.body.profile && typeof ctx.body.profile === 'object' ? ctx.body.profile : ctx.body;
		for (const k of ['name', 'display_name', 'availability', 'message_signature']) if (p[k] !== undefined) u[k] = p[k];
		if (present(p.email)) u.email = String(p.email).toLowerCase();
		return S.profile(u);
	}, { noAccount: true });
	// app/controllers/api/v1/profiles_controller.rb#availability: the availability of the account
	// membership named by profile.account_id (find_by! → 404 for an account the user is not in);
	// rendered with app/views/api/v1/profiles/availability.jbuilder (the user profile).
	router.add('POST', '/api/v1/profile/availability', (ctx) => {
		const u = ctx.auth.record;
		const p = ctx.body.profile && typeof ctx.body.profile === 'object' ? ctx.body.profile : {};
		if (!u.account_ids.includes(Number(p.account_id))) throw ERR.notFound();
		u.availability = p.availability;
		return S.profile(u);
	}, { noAccount: true });
	router.add('GET', `${A}`, (ctx) => S.account(ctx.auth.account));
	router.add('PATCH', `${A}`, (ctx) => {
		const a = ctx.auth.account;
		for (const k of ['name', 'locale', 'domain', 'support_email']) if (ctx.body[k] !== undefined) a[k] = ctx.body[k];
		// accounts_controller.rb#update: settings.merge!(auto_resolve_after, auto_resolve_message, …)
		for (const k of ['auto_resolve_after', 'auto_resolve_message', 'auto_resolve_ignore_waiting', 'audio_transcriptions', 'auto_resolve_label']) {
			if (ctx.body[k] !== undefined) a.settings = { ...(a.settings || {}), [k]: ctx.body[k] };
		}
		return S.account(a);
	}, ADMIN);

	// ---- inboxes ----
	const inboxOf = (ctx, id = ctx.params.id) => {
		const i = store.inAccount('inboxes', ctx.auth.accountId, id);
		if (!i) throw ERR.notFound();
		const visible = visibleInboxIds(store, ctx.auth);
		if (visible && !visible.has(i.id)) throw ERR.unauthorizedAction();
		return i;
	};
	router.add('GET', `${A}/inboxes`, (ctx) => {
		const visible = visibleInboxIds(store, ctx.auth);
		const list = store.db.inboxes.filter((i) => i.account_id === ctx.auth.accountId && (!visible || visible.has(i.id)));
		return { payload: list.map((i) => S.inbox(i, { admin: ctx.auth.admin })) };
	});
	router.add('GET', `${A}/inboxes/:id`, (ctx) => S.inbox(inboxOf(ctx), { admin: ctx.auth.admin }));
	router.add('POST', `${A}/inboxes`, (ctx) => S.inbox(X.createInbox(ctx.auth.accountId, ctx.body), { admin: true }), ADMIN);
	router.add('PATCH', `${A}/inboxes/:id`, (ctx) => S.inbox(X.updateInbox(inboxOf(ctx), ctx.body), { admin: true }), ADMIN);
	router.add('DELETE', `${A}/inboxes/:id`, (ctx) => {
		const i = inboxOf(ctx);
		for (const conv of store.db.conversations.filter((c) => c.inbox_id === i.id)) store.removeConversation(conv);
		for (const ci of store.db.contactInboxes.filter((c) => c.inbox_id === i.id)) store.removeContactInbox(ci);
		for (const m of store.db.inboxMembers.filter((m) => m.inbox_id === i.id)) store.remove('inboxMembers', m);
		if (i.inbox_identifier) store.inboxByIdentifier.delete(i.inbox_identifier);
		store.remove('inboxes', i);
		return { message: 'Your inbox deletion request will be processed in some time.' };
	}, ADMIN);
	router.add('POST', `${A}/inboxes/:id/reset_secret`, (ctx) => {
		const i = inboxOf(ctx);
		if (i.channel_type !== 'Channel::Api') throw ERR.unprocessable('Secret reset is only supported for API inboxes');
		i.secret = require('./util').urlsafeToken();
		return S.inbox(i, { admin: true });
	}, ADMIN);
	// InboxesController#agent_bot + app/views/api/v1/accounts/inboxes/agent_bot.json.jbuilder: always 200; without a
	// bot the `json.agent_bot do … end` block stays empty → `{"agent_bot":{}}` (Chatwoot's spec only checks `blank?`).
	router.add('GET', `${A}/inboxes/:id/agent_bot`, (ctx) => {
		const i = inboxOf(ctx);
		const b = i.agent_bot_id ? store.bot(i.agent_bot_id) : null;
		return { agent_bot: b ? S.agentBot(b, { admin: ctx.auth.admin && b.account_id !== null }) : {} };
	});
	// InboxesController#set_agent_bot / #fetch_agent_bot: `agent_bot` id → AgentBot.accessible_to(account) (account or
	// system bot, else 404); absent/null → the inbox's agent_bot_inbox is destroyed. `head :ok` → 200, empty body.
	router.add('POST', `${A}/inboxes/:id/set_agent_bot`, (ctx) => {
		const i = inboxOf(ctx);
		const id = ctx.body.agent_bot;
		if (id == null || id === '') i.agent_bot_id = null;
		else {
			const b = store.bot(id);
			if (!b || (b.account_id !== null && b.account_id !== i.account_id)) throw ERR.notFound();
			i.agent_bot_id = b.id;
		}
		return reply(200, EMPTY);
	}, ADMIN);

	// ---- inbox members ----
	const agentsOfInbox = (inbox) => store.inboxMemberIds(inbox.id).map((id) => store.user(id)).filter(Boolean).map((u) => S.agent(u, inbox.account_id));
	const userIdsParam = (ctx) => [].concat(ctx.body.user_ids || []).map(Number).filter((id) => {
		const u = store.user(id);
		return u && u.account_ids.includes(ctx.auth.accountId);
	});
	router.add('GET', `${A}/inbox_members/:inbox_id`, (ctx) => ({ payload: agentsOfInbox(inboxOf(ctx, ctx.params.inbox_id)) }));
	router.add('POST', `${A}/inbox_members`, (ctx) => {
		const inbox = inboxOf(ctx, ctx.body.inbox_id);
		for (const id of userIdsParam(ctx)) store.addInboxMember(inbox.id, id);
		return { payload: agentsOfInbox(inbox) };
	}, ADMIN);
	router.add('PATCH', `${A}/inbox_members`, (ctx) => {
		const inbox = inboxOf(ctx, ctx.body.inbox_id);
		const ids = userIdsParam(ctx);
		for (const uid of store.inboxMemberIds(inbox.id)) if (!ids.includes(uid)) store.removeInboxMember(inbox.id, uid);
		for (const id of ids) store.addInboxMember(inbox.id, id);
		return { payload: agentsOfInbox(inbox) };
	}, ADMIN);
	router.add('DELETE', `${A}/inbox_members`, (ctx) => {
		const inbox = inboxOf(ctx, ctx.body.inbox_id ?? ctx.query.inbox_id);
		for (const id of [].concat(ctx.body.user_ids || ctx.query.user_ids || []).map(Number)) store.removeInboxMember(inbox.id, id);
		return reply(200, EMPTY);
	}, ADMIN);

	// ---- agents ----
	const agentOf = (ctx) => {
		const u = store.user(ctx.params.id);
		if (!u || !u.account_ids.includes(ctx.auth.accountId)) throw ERR.notFound();
		return u;
	};
	router.add('GET', `${A}/agents`, (ctx) => store.accountUsers(ctx.auth.accountId).map((u) => S.agent(u, ctx.auth.accountId)));
	router.add('POST', `${A}/agents`, (ctx) => {
		const b = ctx.body;
		if (isBlank(b.email)) throw ERR.invalid(["Email can't be blank"], ['email']);
		const email = String(b.email).toLowerCase();
		let u = store.db.users.find((x) => x.email === email);
		if (u && u.account_ids.includes(ctx.auth.accountId)) throw ERR.invalid(['Email has already been taken'], ['email']);
		const role = b.role === 'administrator' ? 'administrator' : 'agent';
		if (!u) u = store.createUser({ name: b.name || email.split('@')[0], email, role, accountIds: [ctx.auth.accountId] });
		else {
			u.account_ids.push(ctx.auth.accountId);
			u.roles[ctx.auth.accountId] = role;
		}
		if (b.availability) u.availability = b.availability;
		return S.agent(u, ctx.auth.accountId);
	}, ADMIN);
	router.add('PATCH', `${A}/agents/:id`, (ctx) => {
		const u = agentOf(ctx);
		if (ctx.body.role) u.roles[ctx.auth.accountId] = ctx.body.role === 'administrator' ? 'administrator' : 'agent';
		if (ctx.body.name) u.name = ctx.body.name;
		if (ctx.body.availability) u.availability = ctx.body.availability;
		if (ctx.body.auto_offline !== undefined) u.auto_offline = !!ctx.body.auto_offline;
		return S.agent(u, ctx.auth.accountId);
	}, ADMIN);
	router.add('DELETE', `${A}/agents/:id`, (ctx) => {
		const u = agentOf(ctx);
		u.account_ids = u.account_ids.filter((a) => a !== ctx.auth.accountId);
		delete u.roles[ctx.auth.accountId];
		return reply(200, EMPTY);
	}, ADMIN);

	// ---- teams ----
	const teamOf = (ctx) => {
		const t = store.inAccount('teams', ctx.auth.accountId, ctx.params.team_id);
		if (!t) throw ERR.notFound();
		return t;
	};
	router.add('GET', `${A}/teams`, (ctx) => store.db.teams.filter((t) => t.account_id === ctx.auth.accountId).map((t) => S.team(t, me(ctx))));
	router.add('POST', `${A}/teams`, (ctx) => {
		const b = ctx.body.team && typeof ctx.body.team === 'object' ? ctx.body.team : ctx.body;
		if (isBlank(b.name)) throw ERR.invalid(["Name can't be blank"], ['name']);
		if (store.db.teams.some((t) => t.account_id === ctx.auth.accountId && t.name === String(b.name).toLowerCase())) throw ERR.invalid(['Name has already been taken'], ['name']);
		const t = store.createTeam({ accountId: ctx.auth.accountId, name: b.name, description: b.description ?? null, allowAutoAssign: b.allow_auto_assign !== false });
		return S.team(t, me(ctx));
	}, ADMIN);
	router.add('GET', `${A}/teams/:team_id`, (ctx) => S.team(teamOf(ctx), me(ctx)));
	router.add('PATCH', `${A}/teams/:team_id`, (ctx) => {
		const t = teamOf(ctx);
		const b = ctx.body.team && typeof ctx.body.team === 'object' ? ctx.body.team : ctx.body;
		if (b.name !== undefined) t.name = String(b.name).toLowerCase();
		if (b.description !== undefined) t.description = b.description;
		if (b.allow_auto_assign !== undefined) t.allow_auto_assign = !!b.allow_auto_assign;
		return S.team(t, me(ctx));
	}, ADMIN);
	router.add('DELETE', `${A}/teams/:team_id`, (ctx) => {
		const t = teamOf(ctx);
		for (const c of store.db.conversations) if (c.team_id === t.id) c.team_id = null;
		store.remove('teams', t);
		return reply(200, EMPTY);
	}, ADMIN);
	const teamAgents = (t) => t.member_ids.map((id) => store.user(id)).filter(Boolean).map((u) => S.agent(u, t.account_id));
	router.add('GET', `${A}/teams/:team_id/team_members`, (ctx) => teamAgents(teamOf(ctx)));
	router.add(['POST', 'PATCH', 'DELETE'], `${A}/teams/:team_id/team_members`, (ctx) => {
		const t = teamOf(ctx);
		// team_members_controller.rb#validate_member_id_params: an id outside the account → 401 {"error":"Invalid User IDs"}
		const ids = [].concat(ctx.body.user_ids || []).map(Number);
		if (ids.some((id) => { const u = store.user(id); return !u || !u.account_ids.includes(ctx.auth.accountId); })) throw new HttpError(401, { error: 'Invalid User IDs' });
		if (ctx.method === 'POST') {
			const added = ids.filter((id) => !t.member_ids.includes(id));
			t.member_ids.push(...added);
			return added.map((id) => S.agent(store.user(id), t.account_id));
		}
		if (ctx.method === 'PATCH') {
			t.member_ids = [...new Set(ids)];
			return teamAgents(t);
		}
		t.member_ids = t.member_ids.filter((id) => !ids.includes(id));
		return reply(200, EMPTY);
	}, ADMIN);

	// ---- labels ----
	const labelOf = (ctx) => {
		const l = store.inAccount('labels', ctx.auth.accountId, ctx.params.id);
		if (!l) throw ERR.notFound();
		return l;
	};
	const labelParams = (ctx) => (ctx.body.label && typeof ctx.body.label === 'object' ? ctx.body.label : ctx.body);
	const validateLabel = (accountId, title, selfId) => {
		if (isBlank(title)) throw ERR.invalid(["Title can't be blank"], ['title']);
		const t = String(title).toLowerCase();
		if (!/^[\p{L}\p{N}_-]+$/u.test(t)) throw ERR.invalid(['Title is invalid'], ['title']);
		if (store.db.labels.some((l) => l.account_id === accountId && l.title === t && l.id !== selfId)) throw ERR.invalid(['Title has already been taken'], ['title']);
	};
	router.add('GET', `${A}/labels`, (ctx) => ({ payload: store.db.labels.filter((l) => l.account_id === ctx.auth.accountId).map(S.label) }));
	router.add('POST', `${A}/labels`, (ctx) => {
		const b = labelParams(ctx);
		validateLabel(ctx.auth.accountId, b.title);
		return S.label(store.createLabel({ accountId: ctx.auth.accountId, title: b.title, description: b.description ?? '', color: b.color || '#1f93ff', showOnSidebar: b.show_on_sidebar !== false }));
	}, ADMIN);
	router.add('GET', `${A}/labels/:id`, (ctx) => S.label(labelOf(ctx)));
	router.add('PATCH', `${A}/labels/:id`, (ctx) => {
		const l = labelOf(ctx);
		const b = labelParams(ctx);
		if (b.title !== undefined) {
			validateLabel(ctx.auth.accountId, b.title, l.id);
			l.title = String(b.title).toLowerCase();
		}
		for (const k of ['description', 'color', 'show_on_sidebar']) if (b[k] !== undefined) l[k] = b[k];
		return S.label(l);
	}, ADMIN);
	router.add('DELETE', `${A}/labels/:id`, (ctx) => {
		store.remove('labels', labelOf(ctx));
		return reply(200, EMPTY);
	}, ADMIN);

	// ---- webhooks ----
	const webhookParams = (ctx) => (ctx.body.webhook && typeof ctx.body.webhook === 'object' ? ctx.body.webhook : ctx.body);
	const validateWebhook = (accountId, p, self) => {
		const msgs = [];
		const attrs = [];
		const url = p.url !== undefined ? p.url : self && self.url;
		const subs = p.subscriptions !== undefined ? p.subscriptions : self && self.subscriptions;
		if (isBlank(url) || !URL_RE.test(String(url))) {
			msgs.push('Url is invalid');
			attrs.push('url');
		} else if (store.db.webhooks.some((w) => w.account_id === accountId && w.url === url && (!self || w.id !== self.id))) {
			msgs.push('Url has already been taken');
			attrs.push('url');
		}
		if (!Array.isArray(subs) || !subs.length || subs.some((s) => !ALLOWED_WEBHOOK_EVENTS.includes(s))) {
			msgs.push('Subscriptions Invalid events');
			attrs.push('subscriptions');
		}
		if (msgs.length) throw ERR.invalid(msgs, attrs);
	};
	const webhookOf = (ctx) => {
		const w = store.inAccount('webhooks', ctx.auth.accountId, ctx.params.webhook_id);
		if (!w) throw ERR.notFound();
		return w;
	};
	router.add('GET', `${A}/webhooks`, (ctx) => ({ payload: { webhooks: store.db.webhooks.filter((w) => w.account_id === ctx.auth.accountId).map(S.webhook) } }), ADMIN);
	router.add('POST', `${A}/webhooks`, (ctx) => {
		const p = webhookParams(ctx);
		validateWebhook(ctx.auth.accountId, p, null);
		let inboxId = null;
		if (present(p.inbox_id)) {
			const i = store.inAccount('inboxes', ctx.auth.accountId, p.inbox_id);
			if (!i) throw ERR.notFound();
			inboxId = i.id;
		}
		const w = store.createWebhook({ accountId: ctx.auth.accountId, url: p.url, subscriptions: p.subscriptions, name: p.name ?? null, inboxId });
		return { payload: { webhook: S.webhook(w) } };
	}, ADMIN);
	router.add(['PATCH', 'PUT'], `${A}/webhooks/:webhook_id`, (ctx) => {
		const w = webhookOf(ctx);
		const p = webhookParams(ctx);
		validateWebhook(ctx.auth.accountId, p, w);
		if (p.url !== undefined) w.url = p.url;
		if (p.subscriptions !== undefined) w.subscriptions = [...p.subscriptions];
		if (p.name !== undefined) w.name = p.name;
		w.updated_at = store.now();
		return { payload: { webhook: S.webhook(w) } };
	}, ADMIN);
	router.add('DELETE', `${A}/webhooks/:webhook_id`, (ctx) => {
		store.remove('webhooks', webhookOf(ctx));
		return reply(200, EMPTY);
	}, ADMIN);

	// ---- agent bots (account) ----
	const botOf = (ctx) => {
		const b = store.bot(ctx.params.id);
		if (!b || (b.account_id !== null && b.account_id !== ctx.auth.accountId)) throw ERR.notFound();
		return b;
	};
	router.add('GET', `${A}/agent_bots`, (ctx) => store.db.agentBots.filter((b) => b.account_id === null || b.account_id === ctx.auth.accountId).map((b) => S.agentBot(b, { admin: ctx.auth.admin && b.account_id !== null })));
	router.add('GET', `${A}/agent_bots/:id`, (ctx) => {
		const b = botOf(ctx);
		return S.agentBot(b, { admin: ctx.auth.admin && b.account_id !== null });
	});
	router.add('POST', `${A}/agent_bots`, (ctx) => {
		const b = ctx.body;
		// app/models/agent_bot.rb validates only outgoing_url's length (Limits::URL_LENGTH_LIMIT); a nameless bot is accepted.
		if (b.outgoing_url != null && String(b.outgoing_url).length > 2048) throw ERR.invalid(['Outgoing url is too long (maximum is 2048 characters)'], ['outgoing_url']);
		const bot = store.createAgentBot({ name: b.name ?? null, description: b.description ?? null, outgoingUrl: b.outgoing_url ?? null, accountId: ctx.auth.accountId });
		if (b.bot_config && typeof b.bot_config === 'object') bot.bot_config = b.bot_config;
		return S.agentBot(bot);
	}, ADMIN);
	router.add('PATCH', `${A}/agent_bots/:id`, (ctx) => {
		const b = botOf(ctx);
		if (b.account_id === null) throw ERR.notFound();
		// AgentBotsController#permitted_params: name, description, outgoing_url, bot_type, bot_config (avatar not modelled).
		for (const k of ['name', 'description', 'outgoing_url']) if (ctx.body[k] !== undefined) b[k] = ctx.body[k];
		if (ctx.body.bot_config && typeof ctx.body.bot_config === 'object') b.bot_config = ctx.body.bot_config;
		b.updated_at = store.now();
		return S.agentBot(b);
	}, ADMIN);
	router.add('DELETE', `${A}/agent_bots/:id`, (ctx) => {
		const b = botOf(ctx);
		if (b.account_id === null) throw ERR.notFound();
		store.removeUserToken(b);
		for (const i of store.db.inboxes) if (i.agent_bot_id === b.id) i.agent_bot_id = null;
		store.remove('agentBots', b);
		return reply(200, EMPTY);
	}, ADMIN);
	router.add('POST', `${A}/agent_bots/:id/reset_access_token`, (ctx) => {
		const b = botOf(ctx);
		if (b.account_id === null) throw ERR.notFound();
		store.removeUserToken(b);
		b.access_token = require('./util').randomToken(24);
		store.tokens.set(b.access_token, { kind: 'bot', record: b });
		return S.agentBot(b);
	}, ADMIN);
	// AgentBotsController#reset_secret → WebhookSecretable#reset_secret! (app/models/concerns/webhook_secretable.rb):
	// a new has_secure_token secret; the bot JSON (with `secret` for administrators) is returned.
	router.add('POST', `${A}/agent_bots/:id/reset_secret`, (ctx) => {
		const b = botOf(ctx);
		if (b.account_id === null) throw ERR.notFound();
		b.secret = require('./util').urlsafeToken();
		return S.agentBot(b);
	}, ADMIN);

	// ---- custom attribute definitions (minimal) ----
	const MODEL = { 0: 'conversation_attribute', 1: 'contact_attribute', conversation_attribute: 'conversation_attribute', contact_attribute: 'contact_attribute' };
	const cad = (d) => ({ ...d, created_at: new Date(d.created_at).toISOString(), updated_at: new Date(d.updated_at).toISOString() });
	router.add('GET', `${A}/custom_attribute_definitions`, (ctx) => {
		const model = MODEL[ctx.query.attribute_model] || null;
		return store.db.customAttributeDefinitions.filter((d) => d.account_id === ctx.auth.accountId && (!model || d.attribute_model === model)).map(cad);
	});
	router.add('POST', `${A}/custom_attribute_definitions`, (ctx) => {
		const b = ctx.body.custom_attribute_definition || ctx.body;
		if (isBlank(b.attribute_key)) throw ERR.invalid(["Attribute key can't be blank"], ['attribute_key']);
		// app/models/custom_attribute_definition.rb: key format, unique per model, no standard-attribute key on create
		const key = String(b.attribute_key).trim();
		const model = MODEL[b.attribute_model] || 'conversation_attribute';
		if (!/^[\p{L}\p{N}_.\-]+$/u.test(key)) throw ERR.invalid(['Attribute key must only contain letters, numbers, underscores, hyphens, and dots'], ['attribute_key']);
		if (store.db.customAttributeDefinitions.some((d) => d.account_id === ctx.auth.accountId && d.attribute_model === model && d.attribute_key === key)) {
			throw ERR.invalid(['Attribute key has already been taken'], ['attribute_key']);
		}
		const STANDARD = {
			conversation_attribute: ['status', 'priority', 'assignee_id', 'inbox_id', 'team_id', 'display_id', 'campaign_id', 'labels', 'browser_language', 'country_code', 'referer', 'created_at', 'last_activity_at'],
			contact_attribute: ['name', 'email', 'phone_number', 'identifier', 'country_code', 'city', 'company_name', 'created_at', 'last_activity_at', 'referer', 'blocked'],
		};
		if (STANDARD[model].includes(key)) throw ERR.invalid(['Attribute key The provided key is not allowed as it might conflict with default attributes.'], ['attribute_key']);
		const now = store.now();
		const d = store.insert('customAttributeDefinitions', {
			account_id: ctx.auth.accountId,
			attribute_display_name: b.attribute_display_name || b.attribute_key,
			attribute_key: key,
			attribute_display_type: b.attribute_display_type || 'text',
			attribute_model: model,
			attribute_values: b.attribute_values || [],
			attribute_description: b.attribute_description || null,
			default_value: null,
			regex_pattern: b.regex_pattern || null,
			regex_cue: b.regex_cue || null,
			created_at: now,
			updated_at: now,
		});
		return cad(d);
	}, ADMIN);

	void toInt;
}

module.exports = { register };
