'use strict';
// Application API: conversations, assignments, labels, messages (API-NOTES §1.2, §1.3)
const { ERR, HttpError, present, isBlank, toBool, toInt } = require('./util');
const { compileFilter, CONVERSATION_ATTRS } = require('./filters');
const { reply, EMPTY } = require('./server');
const { visibleInboxIds } = require('./auth');

const PER_PAGE = 25;
const PRIORITY_RANK = { urgent: 4, high: 3, medium: 2, low: 1 };

function sorter(sortBy) {
	const nullsLast = (get, dir) => (a, b) => {
		const va = get(a);
		const vb = get(b);
		if (va == null && vb == null) return b.id - a.id;
		if (va == null) return 1;
		if (vb == null) return -1;
		return (va - vb) * dir || b.id - a.id;
	};
	switch (sortBy) {
		case 'last_activity_at_asc':
			return nullsLast((c) => c.last_activity_at, 1);
		case 'created_at_asc':
			return nullsLast((c) => c.created_at, 1);
		case 'created_at_desc':
			return nullsLast((c) => c.created_at, -1);
		case 'priority_asc':
			return nullsLast((c) => PRIORITY_RANK[c.priority], 1);
		case 'priority_desc':
			return nullsLast((c) => PRIORITY_RANK[c.priority], -1);
		case 'waiting_since_asc':
			return nullsLast((c) => c.waiting_since, 1);
		case 'waiting_since_desc':
			return nullsLast((c) => c.waiting_since, -1);
		case 'latest':
		case 'last_activity_at_desc':
		default:
			return nullsLast((c) => c.last_activity_at, -1);
	}
}

function register(router, env) {
	const { store, S, X } = env;
	const A = '/api/v1/accounts/:account_id';
	const BOT = { bot: true };

	const conversationOf = (ctx) => {
		const conv = store.conversationByDisplay(ctx.auth.accountId, ctx.params.conversation_id);
		if (!conv) throw ERR.notFound();
		// app/policies/conversation_policy.rb#show?: administrators, any agent bot, agents with inbox OR team access
		const visible = visibleInboxIds(store, ctx.auth);
		if (visible && !visible.has(conv.inbox_id)) {
			const team = conv.team_id ? store.team(conv.team_id) : null;
			if (!team || !team.member_ids.includes(ctx.auth.record.id)) throw ERR.unauthorizedAction();
		}
		return conv;
	};

	// ---- list / meta / filter ----
	function baseList(ctx, q) {
		const auth = ctx.auth;
		const visible = visibleInboxIds(store, auth);
		const labels = [].concat(q.labels || []).filter(Boolean);
		const status = q.status || 'open';
		const inboxId = toInt(q.inbox_id);
		const teamId = toInt(q.team_id);
		const term = present(q.q) ? String(q.q).toLowerCase() : null;
		let updatedWithin = toInt(q.updated_within);
		const now = store.now();
		return store.db.conversations.filter((c) => {
			if (c.account_id !== auth.accountId) return false;
			if (visible && !visible.has(c.inbox_id)) return false;
			if (!term && status !== 'all' && c.status !== status) return false;
			if (inboxId && c.inbox_id !== inboxId) return false;
			if (teamId && c.team_id !== teamId) return false;
			if (labels.length && !labels.some((l) => c.labels.includes(l))) return false;
			if (present(q.source_id)) {
				const ci = c.contact_inbox_id && store.get('contactInboxes', c.contact_inbox_id);
				if (!ci || ci.source_id !== String(q.source_id)) return false;
			}
			if (updatedWithin && c.updated_at < now - updatedWithin * 1000) return false;
			if (term && !store.messagesOf(c).some((m) => m.content && m.content.toLowerCase().includes(term))) return false;
			if (q.conversation_type === 'unattended' && c.first_reply_created_at) return false;
			return true;
		});
	}

	function counts(list, userId) {
		let mine = 0;
		let assigned = 0;
		for (const c of list) {
			if (c.assignee_id) assigned++;
			if (userId && c.assignee_id === userId) mine++;
		}
		return { mine_count: mine, assigned_count: assigned, unassigned_count: list.length - assigned, all_count: list.length };
	}

	function byAssignee(list, type, userId) {
		switch (type) {
			case 'me':
				return list.filter((c) => c.assignee_id === userId);
			case 'unassigned':
				return list.filter((c) => !c.assignee_id);
			case 'assigned':
				return list.filter((c) => !!c.assignee_id);
			default:
				return list;
		}
	}

	router.add('GET', `${A}/conversations`, (ctx) => {
		const q = ctx.query;
		const userId = ctx.auth.kind === 'user' ? ctx.auth.record.id : null;
		const base = baseList(ctx, q);
		const meta = counts(base, userId);
		const list = byAssignee(base, q.assignee_type, userId).sort(sorter(q.sort_by));
		const p = Math.max(1, toInt(q.page) || 1);
		const pageItems = present(q.updated_within) ? list : list.slice((p - 1) * PER_PAGE, p * PER_PAGE);
		return { data: { meta, payload: pageItems.map(S.conversation) } };
	});

	router.add('GET', `${A}/conversations/meta`, (ctx) => {
		const userId = ctx.auth.kind === 'user' ? ctx.auth.record.id : null;
		return { meta: counts(baseList(ctx, ctx.query), userId) };
	});

	router.add('POST', `${A}/conversations/filter`, (ctx) => {
		const auth = ctx.auth;
		const visible = visibleInboxIds(store, auth);
		const all = store.db.conversations.filter((c) => c.account_id === auth.accountId && (!visible || visible.has(c.inbox_id)));
		// conversations_controller.rb#filter → app/services/conversations/filter_service.rb (see filters.js)
		const definition = (key) =>
			store.db.customAttributeDefinitions.find((d) => d.account_id === auth.accountId && d.attribute_model === 'conversation_attribute' && d.attribute_key === key) || null;
		const pred = compileFilter(ctx.body.payload, CONVERSATION_ATTRS, definition, store.now());
		const matched = all.filter(pred).sort(sorter(ctx.query.sort_by));
		const userId = auth.kind === 'user' ? auth.record.id : null;
		const c = counts(matched, userId);
		const p = Math.max(1, toInt(ctx.query.page ?? ctx.body.page) || 1);
		return { meta: { mine_count: c.mine_count, unassigned_count: c.unassigned_count, all_count: c.all_count }, payload: matched.slice((p - 1) * PER_PAGE, p * PER_PAGE).map(S.conversation) };
	});

	// ---- create ----
	router.add(
		'POST',
		`${A}/conversations`,
		(ctx) => {
			const b = ctx.body;
			const accountId = ctx.auth.accountId;
			let ci = null;
			if (present(b.contact_id) && present(b.inbox_id)) {
				const contact = store.inAccount('contacts', accountId, b.contact_id);
				const inbox = store.inAccount('inboxes', accountId, b.inbox_id);
				if (!contact || !inbox) throw ERR.notFound();
				ci = X.findOrCreateContactInbox(contact, inbox, b.source_id);
			}
			if (!ci) {
				if (isBlank(b.source_id)) throw ERR.notFound();
				const list = store.ciBySource.get(String(b.source_id)) || [];
				ci = list.find((x) => {
					const i = store.inbox(x.inbox_id);
					return i && i.account_id === accountId;
				});
				if (!ci) throw ERR.notFound();
			}
			const visible = visibleInboxIds(store, ctx.auth);
			if (visible && !visible.has(ci.inbox_id)) throw ERR.unauthorizedAction();
			const conv = X.createConversation(ci, b, ctx.auth.actor);
			const msg = b.message;
			if (msg && typeof msg === 'object' && (present(msg.content) || msg.template_params)) {
				X.createMessage(conv, { content: msg.content, template_params: msg.template_params, message_type: 'outgoing' }, ctx.auth.actor);
			}
			return S.conversation(conv);
		},
		BOT,
	);

	// ---- single conversation ----
	router.add('GET', `${A}/conversations/:conversation_id`, (ctx) => S.conversation(conversationOf(ctx)), BOT);

	router.add(
		['PATCH', 'PUT'],
		`${A}/conversations/:conversation_id`,
		(ctx) => {
			const conv = conversationOf(ctx);
			if ('priority' in ctx.body) X.setPriority(conv, ctx.body.priority, ctx.auth.actor);
			// conversations_controller.rb#permitted_update_params permits only :priority; the enterprise
			// edition adds :sla_policy_id (not read here): the open-source edition ignores it silently.
			if (env.sim.edition === 'enterprise' && 'sla_policy_id' in ctx.body) conv.sla_policy_id = ctx.body.sla_policy_id == null ? null : Number(ctx.body.sla_policy_id);
			return S.conversation(conv);
		},
		BOT,
	);

	router.add(
		'DELETE',
		`${A}/conversations/:conversation_id`,
		(ctx) => {
			const conv = conversationOf(ctx);
			store.removeConversation(conv);
			return reply(200, EMPTY);
		},
		{ admin: true },
	);

	router.add(
		'POST',
		`${A}/conversations/:conversation_id/toggle_status`,
		(ctx) => {
			const conv = conversationOf(ctx);
			const b = ctx.body;
			// ConversationsController#toggle_status: an AgentBot token moving pending → open is the bot handoff.
			if (ctx.auth.kind === 'bot' && conv.status === 'pending' && String(b.status) === 'open') X.botHandoff(conv, ctx.auth.actor);
			else if (present(b.status)) X.setStatus(conv, String(b.status), b.snoozed_until, ctx.auth.actor);
			else X.setStatus(conv, conv.status === 'open' ? 'resolved' : 'open', null, ctx.auth.actor);
			return { meta: {}, payload: { success: true, conversation_id: conv.display_id, current_status: conv.status, snoozed_until: conv.snoozed_until == null ? null : new Date(conv.snoozed_until).toISOString() } };
		},
		BOT,
	);

	router.add(
		'POST',
		`${A}/conversations/:conversation_id/toggle_priority`,
		(ctx) => {
			X.setPriority(conversationOf(ctx), ctx.body.priority, ctx.auth.actor);
			return reply(200, EMPTY);
		},
		BOT,
	);

	router.add(
		'POST',
		`${A}/conversations/:conversation_id/toggle_typing_status`,
		(ctx) => {
			const conv = conversationOf(ctx);
			const st = String(ctx.body.typing_status || '');
			if (st === 'on' || st === 'off') X.typing(conv, ctx.auth.actor, st === 'on', toBool(ctx.body.is_private) === true);
			return reply(200, EMPTY);
		},
		BOT,
	);

	router.add(
		'POST',
		`${A}/conversations/:conversation_id/custom_attributes`,
		(ctx) => {
			const conv = conversationOf(ctx);
			const attrs = ctx.body.custom_attributes && typeof ctx.body.custom_attributes === 'object' ? ctx.body.custom_attributes : {};
			X.changeConversation(conv, ctx.auth.actor, (c) => {
				c.custom_attributes = { ...attrs };
			});
			return { custom_attributes: conv.custom_attributes };
		},
		BOT,
	);

	router.add('POST', `${A}/conversations/:conversation_id/update_last_seen`, (ctx) => {
		const conv = conversationOf(ctx);
		conv.agent_last_seen_at = store.now();
		if (ctx.auth.kind === 'user' && conv.assignee_id === ctx.auth.record.id) conv.assignee_last_seen_at = conv.agent_last_seen_at;
		return reply(200, EMPTY);
	});

	// conversations_controller.rb#mute/#unmute → app/models/concerns/conversation_mute_helpers.rb: mute! = resolved! +
	// contact.update(blocked: true) + "<user> has muted the conversation"; unmute! unblocks the contact; muted? is the
	// contact's `blocked`
	router.add(['POST'], `${A}/conversations/:conversation_id/mute`, (ctx) => {
		const conv = conversationOf(ctx);
		const contact = store.contact(conv.contact_id);
		if (!contact) return reply(200, EMPTY);
		X.setStatus(conv, 'resolved', null, ctx.auth.actor);
		X.updateContact(contact, { blocked: true });
		if (ctx.auth.kind === 'user') X.activity(conv, `${ctx.auth.record.name} has muted the conversation`);
		return reply(200, EMPTY);
	});
	router.add(['POST'], `${A}/conversations/:conversation_id/unmute`, (ctx) => {
		const conv = conversationOf(ctx);
		const contact = store.contact(conv.contact_id);
		if (!contact) return reply(200, EMPTY);
		X.updateContact(contact, { blocked: false });
		if (ctx.auth.kind === 'user') X.activity(conv, `${ctx.auth.record.name} has unmuted the conversation`);
		return reply(200, EMPTY);
	});

	router.add(
		'POST',
		`${A}/conversations/:conversation_id/assignments`,
		(ctx) => {
			const conv = conversationOf(ctx);
			const b = ctx.body;
			const actor = ctx.auth.actor;
			// app/controllers/api/v1/accounts/conversations/assignments_controller.rb + app/services/conversations/assignment_service.rb
			if (b.assignee_type === 'AgentBot') {
				// AgentBot.accessible_to(account).find_by(id:) → nil: `return unless agent_bot` → 200 null, nothing changes
				const bot = store.get('agentBots', b.assignee_id);
				if (!bot || (bot.account_id !== null && bot.account_id !== conv.account_id)) return reply(200, null);
				X.changeConversation(conv, actor, (c) => {
					c.assignee_agent_bot_id = bot.id;
					c.assignee_id = null;
				});
				return S.botSlim(bot);
			}
			if ('assignee_id' in b) {
				// assign_agent: account.users.find_by(id:) (nil → unassigned), assignee_agent_bot = nil in every case;
				// renders the agent partial or `null` (fidelity review A12)
				const u = b.assignee_id == null || b.assignee_id === '' ? null : store.user(b.assignee_id);
				const agent = u && u.account_ids.includes(conv.account_id) ? u : null;
				X.changeConversation(conv, actor, (c) => {
					c.assignee_id = agent ? agent.id : null;
					c.assignee_agent_bot_id = null;
				});
				return reply(200, agent ? S.agent(agent, conv.account_id) : null);
			}
			if ('team_id' in b) {
				// set_team: teams.find_by(id:) (nil → team removed); `render json: @team` = the raw Team row (review A17j)
				const t = b.team_id == null || b.team_id === '' ? null : store.inAccount('teams', conv.account_id, b.team_id);
				X.changeConversation(conv, actor, (c) => {
					c.team_id = t ? t.id : null;
					X.applyTeamAssignee(c);
				});
				return reply(200, t ? S.teamRaw(t) : null);
			}
			return reply(200, null);
		},
		BOT,
	);

	router.add('GET', `${A}/conversations/:conversation_id/labels`, (ctx) => ({ payload: conversationOf(ctx).labels }), BOT);
	router.add(
		'POST',
		`${A}/conversations/:conversation_id/labels`,
		(ctx) => {
			const conv = conversationOf(ctx);
			return { payload: X.setLabels(conv, [].concat(ctx.body.labels || []), ctx.auth.actor) };
		},
		BOT,
	);

	// ---- messages ----
	router.add('GET', `${A}/conversations/:conversation_id/messages`, (ctx) => {
		const conv = conversationOf(ctx);
		const all = store.messagesOf(conv);
		const before = toInt(ctx.query.before);
		const after = toInt(ctx.query.after);
		let list;
		// app/finders/message_finder.rb: between = `id >= after AND id < before` (after inclusive), 1000 max
		if (before && after) list = all.filter((m) => m.id >= after && m.id < before).slice(0, 1000);
		else if (before) list = all.filter((m) => m.id < before).slice(-20);
		else if (after) list = all.filter((m) => m.id > after).slice(0, 100);
		else list = all.slice(-20);
		const contact = store.contact(conv.contact_id);
		const assignee = conv.assignee_id ? store.user(conv.assignee_id) : null;
		// V/conversations/messages/index.json.jbuilder: assignee = user push_event_data, only when assigned
		const assigneeMeta = assignee ? { assignee: S.userPush(assignee) } : {};
		return {
			meta: {
				labels: conv.labels,
				additional_attributes: conv.additional_attributes,
				contact: contact ? S.contactPush(contact) : null,
				...assigneeMeta,
				agent_last_seen_at: conv.agent_last_seen_at == null ? null : new Date(conv.agent_last_seen_at).toISOString(),
				assignee_last_seen_at: conv.assignee_last_seen_at == null ? null : new Date(conv.assignee_last_seen_at).toISOString(),
			},
			payload: list.map(S.message),
		};
	});

	router.add(
		'POST',
		`${A}/conversations/:conversation_id/messages`,
		(ctx) => {
			const conv = conversationOf(ctx);
			const b = ctx.body;
			const files = ctx.files.filter((f) => f.fieldName === 'attachments[]' || f.fieldName === 'attachments' || f.fieldName.startsWith('attachments['));
			try {
				const m = X.createMessage(conv, { ...b, files }, ctx.auth.actor);
				return S.message(m);
			} catch (e) {
				if (e instanceof HttpError) throw e;
				throw ERR.unprocessable(e.message);
			}
		},
		BOT,
	);

	router.add('PATCH', `${A}/conversations/:conversation_id/messages/:message_id`, (ctx) => {
		const conv = conversationOf(ctx);
		const m = store.messagesOf(conv).find((x) => x.id === Number(ctx.params.message_id));
		if (!m) throw ERR.notFound();
		const inbox = store.inbox(conv.inbox_id);
		if (inbox.channel_type !== 'Channel::Api') throw new HttpError(403, { error: 'Message status update is only allowed for API inboxes' });
		const patch = {};
		if (present(ctx.body.status)) {
			if (!['sent', 'delivered', 'read', 'failed'].includes(ctx.body.status)) throw ERR.unprocessable(`'${ctx.body.status}' is not a valid status`);
			patch.status = ctx.body.status;
		}
		if (ctx.body.external_error !== undefined) patch.external_error = ctx.body.external_error;
		X.updateMessage(m, patch);
		return S.message(m);
	});

	router.add('DELETE', `${A}/conversations/:conversation_id/messages/:message_id`, (ctx) => {
		const conv = conversationOf(ctx);
		const m = store.messagesOf(conv).find((x) => x.id === Number(ctx.params.message_id));
		if (!m) throw ERR.notFound();
		X.deleteMessage(m);
		return S.message(m);
	});
}

module.exports = { register };
