'use strict';
// Application API: automation rules, macros, campaigns (API-NOTES §1.7). Behaviour per Chatwoot f66b551c:
//   app/controllers/api/v1/accounts/{automation_rules,macros,campaigns}_controller.rb,
//   app/models/{automation_rule,macro,campaign}.rb, app/policies/{automation_rule,macro,campaign}_policy.rb,
//   views app/views/api/v1/accounts/automation_rules/*, app/views/api/v1/models/{_macro,_campaign}.json.jbuilder,
//   app/jobs/macros_execution_job.rb, app/services/macros/execution_service.rb, app/services/action_service.rb.
const { ERR, HttpError, isBlank, present, toSec, toIso, clone } = require('./util');
const { reply, EMPTY } = require('./server');

// A nil record reaching a view or `nil.update!` raises NoMethodError: Rails answers 500.
const serverError = () => new HttpError(500, { status: 500, error: 'Internal Server Error' });

// app/models/automation_rule.rb#conditions_attributes / #actions_attributes
const RULE_CONDITIONS = ['content', 'email', 'country_code', 'status', 'message_type', 'browser_language', 'assignee_id', 'team_id', 'referer', 'city', 'company_name', 'inbox_id', 'mail_subject', 'phone_number', 'priority', 'conversation_language', 'labels', 'private_note'];
const RULE_ACTIONS = ['send_message', 'add_label', 'remove_label', 'send_email_to_team', 'assign_team', 'assign_agent', 'remove_assigned_agent', 'remove_assigned_team', 'send_webhook_event', 'mute_conversation', 'send_attachment', 'change_status', 'resolve_conversation', 'open_conversation', 'pending_conversation', 'snooze_conversation', 'change_priority', 'send_email_transcript', 'add_private_note'];
// app/models/macro.rb ACTIONS_ATTRS
const MACRO_ACTIONS = ['send_message', 'add_label', 'assign_team', 'assign_agent', 'mute_conversation', 'change_status', 'remove_label', 'remove_assigned_agent', 'remove_assigned_team', 'resolve_conversation', 'snooze_conversation', 'change_priority', 'send_email_transcript', 'send_attachment', 'add_private_note', 'send_webhook_event'];

const displayCounters = new WeakMap(); // store.db -> Map(accountId -> next campaign display_id)

function register(router, env) {
	const { store, S, X, sim } = env;
	const A = '/api/v1/accounts/:account_id';
	const ADMIN = { admin: true };
	const arrayParam = (v) => (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : undefined);

	/** Enterprise `Audit::*` modules record create/update/destroy of these models. */
	const audit = (ctx, type, rec, action, changes) => {
		if (sim.edition !== 'enterprise') return;
		const u = ctx.auth.kind === 'user' ? ctx.auth.record : null;
		store.insert('auditLogs', {
			account_id: ctx.auth.accountId,
			auditable_type: type,
			auditable_id: rec.id,
			action,
			user_id: u ? u.id : null,
			user_type: u ? 'User' : null,
			username: u ? u.email : null,
			audited_changes: changes,
			version: 1,
			comment: null,
			request_uuid: null,
			remote_address: ctx.ip || null,
			created_at: store.now(),
			updated_at: store.now(),
		});
	};

	// ---- automation rules (admin only: AutomationRulePolicy) ----
	const ruleJson = (r) => ({
		id: r.id,
		account_id: r.account_id,
		name: r.name,
		description: r.description,
		event_name: r.event_name,
		conditions: r.conditions,
		actions: r.actions,
		created_on: toSec(r.created_at),
		active: r.active,
	});
	/** AutomationRule validations; errors render as `{error: errors.messages}` (a hash), not `{message, attributes}`. */
	const validateRule = (accountId, r) => {
		const errors = {};
		const add = (k, m) => (errors[k] = errors[k] || []).push(m);
		const conditions = r.conditions || [];
		const custom = store.db.customAttributeDefinitions.filter((d) => d.account_id === accountId).map((d) => d.attribute_key);
		const unknown = conditions.map((c) => c && c.attribute_key).filter((k) => !RULE_CONDITIONS.includes(k) && !custom.includes(k));
		if (unknown.length) add('conditions', `Automation conditions ${unknown.join(',')} not supported.`);
		const badActions = (r.actions || []).map((a) => a && a.action_name).filter((n) => !RULE_ACTIONS.includes(n));
		if (badActions.length) add('actions', `Automation actions ${badActions.join(',')} not supported.`);
		if (conditions.filter((c) => c && c.query_operator == null).length > 1) add('conditions', 'Automation conditions should have query operator.');
		for (const c of conditions) {
			const op = c && c.query_operator;
			if (op != null && op !== '' && !['AND', 'OR'].includes(String(op).toUpperCase())) add('conditions', 'Query operator must be either "AND" or "OR"');
		}
		if (Object.keys(errors).length) throw new HttpError(422, { error: errors });
		// name and event_name are NOT NULL columns without a model validation: the insert fails with a 500.
		if (isBlank(r.name) || isBlank(r.event_name)) throw serverError();
	};
	const ruleOf = (ctx, id = ctx.params.id) => store.inAccount('automationRules', ctx.auth.accountId, id); // find_by: nil when missing
	const ruleFields = (b, r) => {
		for (const k of ['name', 'description', 'event_name']) if (b[k] !== undefined) r[k] = b[k];
		if (b.active !== undefined) r.active = b.active === true || b.active === 'true';
	};
	router.add('GET', `${A}/automation_rules`, (ctx) => ({
		payload: store.db.automationRules.filter((r) => r.account_id === ctx.auth.accountId).map(ruleJson),
	}), ADMIN);
	router.add('POST', `${A}/automation_rules`, (ctx) => {
		const b = ctx.body;
		const r = { account_id: ctx.auth.accountId, name: null, description: null, event_name: null, active: true, conditions: clone(arrayParam(b.conditions)) || [], actions: clone(arrayParam(b.actions)) || [] };
		ruleFields(b, r);
		validateRule(ctx.auth.accountId, r);
		r.created_at = r.updated_at = store.now();
		store.insert('automationRules', r);
		audit(ctx, 'AutomationRule', r, 'create', ruleJson(r));
		return { payload: ruleJson(r) };
	}, ADMIN);
	router.add('GET', `${A}/automation_rules/:id`, (ctx) => {
		const r = ruleOf(ctx);
		if (!r) throw serverError();
		return { payload: ruleJson(r) };
	}, ADMIN);
	router.add('PATCH', `${A}/automation_rules/:id`, (ctx) => {
		const r = ruleOf(ctx);
		if (!r) throw serverError();
		const b = ctx.body;
		const next = { ...r, conditions: r.conditions, actions: r.actions };
		ruleFields(b, next);
		// the controller replaces conditions/actions only when the request has them (whole lists)
		if (b.actions) next.actions = clone(arrayParam(b.actions)) || [];
		if (b.conditions) next.conditions = clone(arrayParam(b.conditions)) || [];
		validateRule(ctx.auth.accountId, next);
		Object.assign(r, next, { updated_at: store.now() });
		audit(ctx, 'AutomationRule', r, 'update', b);
		return { payload: ruleJson(r) };
	}, ADMIN);
	router.add('DELETE', `${A}/automation_rules/:id`, (ctx) => {
		const r = ruleOf(ctx);
		if (!r) throw serverError();
		store.remove('automationRules', r);
		audit(ctx, 'AutomationRule', r, 'destroy', ruleJson(r));
		return reply(200, EMPTY);
	}, ADMIN);
	// `post :clone` nested in the resource: the id arrives as :automation_rule_id; `dup` copies every column.
	router.add('POST', `${A}/automation_rules/:automation_rule_id/clone`, (ctx) => {
		const r = ruleOf(ctx, ctx.params.automation_rule_id);
		if (!r) throw serverError();
		const copy = { ...clone(r), id: undefined, created_at: store.now(), updated_at: store.now() };
		delete copy.id;
		store.insert('automationRules', copy);
		audit(ctx, 'AutomationRule', copy, 'create', ruleJson(copy));
		return { payload: ruleJson(copy) };
	}, ADMIN);

	// ---- macros (MacroPolicy: list/create anyone; show/execute global or author; update/destroy admin for global, author for personal) ----
	const me = (ctx) => (ctx.auth.kind === 'user' ? ctx.auth.record : null);
	const macroJson = (m) => {
		const out = { id: m.id, name: m.name, visibility: m.visibility };
		const createdBy = m.created_by_id && store.user(m.created_by_id);
		const updatedBy = m.updated_by_id && store.user(m.updated_by_id);
		if (createdBy) out.created_by = S.agent(createdBy, m.account_id);
		if (updatedBy) out.updated_by = S.agent(updatedBy, m.account_id);
		out.account_id = m.account_id;
		out.actions = m.actions;
		return out;
	};
	const isAuthor = (ctx, m) => me(ctx) && m.created_by_id === me(ctx).id;
	const can = (ctx, m, action) => {
		if (action === 'show' || action === 'execute') return m.visibility === 'global' || isAuthor(ctx, m);
		return m.visibility === 'global' ? ctx.auth.admin : isAuthor(ctx, m);
	};
	const macroOf = (ctx, action) => {
		const m = store.inAccount('macros', ctx.auth.accountId, ctx.params.id);
		if (m && !can(ctx, m, action)) throw ERR.unauthorizedAction();
		return m;
	};
	/** Macro#set_visibility: takes params[:visibility] as is (nil when absent) and forces personal for agents. */
	const setVisibility = (ctx, m, b) => {
		const v = b.visibility === undefined || b.visibility === null || b.visibility === '' ? null : String(b.visibility);
		if (v !== null && !['personal', 'global'].includes(v)) throw serverError(); // enum ArgumentError
		m.visibility = ctx.auth.role === 'agent' ? 'personal' : v;
	};
	const validateMacro = (m) => {
		const bad = (m.actions || []).map((a) => a && a.action_name).filter((n) => !MACRO_ACTIONS.includes(n));
		if (bad.length) throw new HttpError(422, { error: { actions: [`Macro execution actions ${bad.join(',')} not supported.`] } });
		if (isBlank(m.name)) throw serverError(); // NOT NULL column, no validation
	};
	router.add('GET', `${A}/macros`, (ctx) => {
		const uid = me(ctx) ? me(ctx).id : null;
		const list = store.db.macros.filter((m) => m.account_id === ctx.auth.accountId && (m.visibility === 'global' || (m.visibility === 'personal' && m.created_by_id === uid)));
		return { payload: list.sort((a, b) => a.id - b.id).map(macroJson) };
	});
	router.add('POST', `${A}/macros`, (ctx) => {
		const b = ctx.body;
		const uid = me(ctx) ? me(ctx).id : null;
		const m = { account_id: ctx.auth.accountId, name: b.name ?? null, visibility: null, actions: clone(arrayParam(b.actions)) || [], created_by_id: uid, updated_by_id: uid };
		setVisibility(ctx, m, b);
		validateMacro(m);
		m.created_at = m.updated_at = store.now();
		store.insert('macros', m);
		audit(ctx, 'Macro', m, 'create', macroJson(m));
		return { payload: macroJson(m) };
	});
	router.add('GET', `${A}/macros/:id`, (ctx) => {
		const m = macroOf(ctx, 'show');
		if (!m) return reply(404, EMPTY); // `head :not_found`
		return { payload: macroJson(m) };
	});
	router.add('PATCH', `${A}/macros/:id`, (ctx) => {
		const m = macroOf(ctx, 'update');
		if (!m) throw serverError();
		const b = ctx.body;
		const next = { ...m };
		if (b.name !== undefined) next.name = b.name;
		setVisibility(ctx, next, b);
		if (b.actions) next.actions = clone(arrayParam(b.actions)) || [];
		next.updated_by_id = me(ctx) ? me(ctx).id : null;
		validateMacro(next);
		Object.assign(m, next, { updated_at: store.now() });
		audit(ctx, 'Macro', m, 'update', b);
		return { payload: macroJson(m) };
	});
	router.add('DELETE', `${A}/macros/:id`, (ctx) => {
		const m = macroOf(ctx, 'destroy');
		if (!m) throw serverError();
		store.remove('macros', m);
		audit(ctx, 'Macro', m, 'destroy', macroJson(m));
		return reply(200, EMPTY);
	});
	// Chatwoot queues MacrosExecutionJob and answers 200 at once (also for an unknown macro: the job then fails
	// silently). The simulator runs the actions before answering so tests can assert the result.
	router.add('POST', `${A}/macros/:id/execute`, (ctx) => {
		const m = macroOf(ctx, 'execute');
		if (!m) return reply(200, EMPTY);
		const ids = [].concat(ctx.body.conversation_ids || []).map(String);
		const actor = ctx.auth.actor;
		for (const displayId of ids) {
			const conv = store.conversationByDisplay(ctx.auth.accountId, displayId);
			if (!conv) continue; // where(display_id: ...) skips unknown ids
			for (const action of m.actions || []) {
				try {
					runMacroAction(conv, action, actor, ctx.auth.record);
				} catch {
					// ExecutionService rescues every action error and carries on
				}
			}
		}
		return reply(200, EMPTY);
	});

	/** app/services/action_service.rb + macros/execution_service.rb, the actions tests use. */
	function runMacroAction(conv, action, actor, user) {
		const p = [].concat(action.action_params ?? []);
		switch (action.action_name) {
			case 'add_label':
				if (p.length) X.setLabels(conv, [...new Set([...conv.labels, ...p.map(String)])], actor);
				break;
			case 'remove_label':
				if (p.length) X.setLabels(conv, conv.labels.filter((l) => !p.map(String).includes(l)), actor);
				break;
			case 'change_status':
				X.setStatus(conv, String(p[0]), null, actor);
				break;
			case 'resolve_conversation':
				X.setStatus(conv, 'resolved', null, actor);
				break;
			case 'snooze_conversation':
				X.setStatus(conv, 'snoozed', null, actor);
				break;
			case 'change_priority':
				X.setPriority(conv, p[0] === 'nil' ? null : p[0], actor);
				break;
			case 'assign_agent': {
				const id = p[0] === 'self' ? user.id : p[0];
				if (id === 'nil') X.changeConversation(conv, actor, (c) => (c.assignee_id = null));
				else if (store.user(id) && store.user(id).account_ids.includes(conv.account_id)) X.changeConversation(conv, actor, (c) => (c.assignee_id = Number(id)));
				break;
			}
			case 'remove_assigned_agent':
				X.changeConversation(conv, actor, (c) => (c.assignee_id = null));
				break;
			case 'assign_team': {
				const id = p[0];
				if (id == null || ['nil', '0'].includes(String(id))) X.changeConversation(conv, actor, (c) => (c.team_id = null));
				else if (store.inAccount('teams', conv.account_id, id)) X.changeConversation(conv, actor, (c) => (c.team_id = Number(id)));
				break;
			}
			case 'remove_assigned_team':
				X.changeConversation(conv, actor, (c) => (c.team_id = null));
				break;
			case 'mute_conversation':
				conv.muted = true;
				break;
			case 'send_message':
			case 'add_private_note':
				X.createMessage(conv, { content: String(p[0] ?? ''), message_type: 'outgoing', private: action.action_name === 'add_private_note' }, actor);
				break;
			default:
				// send_email_transcript, send_attachment, send_webhook_event: side effects outside the simulator
				break;
		}
	}

	// ---- campaigns (admin only: CampaignPolicy; `find_by(display_id:)`, nil → 500 in show/update/destroy) ----
	const nextDisplayId = (accountId) => {
		let perAccount = displayCounters.get(store.db);
		if (!perAccount) displayCounters.set(store.db, (perAccount = new Map()));
		const next = perAccount.get(accountId) || 1;
		perAccount.set(accountId, next + 1);
		return next;
	};
	const campaignOf = (ctx) => store.db.campaigns.find((c) => c.account_id === ctx.auth.accountId && String(c.display_id) === String(ctx.params.id));
	const INBOX_TYPES = { 'Channel::WebWidget': 'Website', 'Channel::Api': 'API', 'Channel::Email': 'Email' };
	const campaignJson = (c) => {
		const inbox = store.inbox(c.inbox_id);
		const sender = c.sender_id ? store.user(c.sender_id) : null;
		const out = {
			id: c.display_id,
			title: c.title,
			description: c.description,
			account_id: c.account_id,
			inbox: inbox ? S.inbox(inbox) : null,
			sender: sender ? S.agent(sender, c.account_id) : {},
			message: c.message,
			template_params: c.template_params,
			campaign_status: c.campaign_status,
			enabled: c.enabled,
			campaign_type: c.campaign_type,
		};
		if (c.campaign_type === 'one_off') {
			out.scheduled_at = toSec(c.scheduled_at);
			out.audience = c.audience;
		}
		out.trigger_rules = c.trigger_rules;
		out.trigger_only_during_business_hours = c.trigger_only_during_business_hours;
		out.created_at = toIso(c.created_at);
		out.updated_at = toIso(c.updated_at);
		return out;
	};
	const CAMPAIGN_KEYS = ['title', 'description', 'message', 'enabled', 'trigger_only_during_business_hours', 'inbox_id', 'sender_id', 'scheduled_at', 'audience', 'trigger_rules', 'template_params'];
	/** `params.require(:campaign).permit(...)`; wrap_parameters nests a flat JSON body under `campaign`. */
	const campaignParams = (ctx) => {
		const root = ctx.body.campaign && typeof ctx.body.campaign === 'object' ? ctx.body.campaign : ctx.body;
		const out = {};
		for (const k of CAMPAIGN_KEYS) if (root[k] !== undefined) out[k] = clone(root[k]);
		if (!Object.keys(out).length) throw ERR.unprocessable('param is missing or the value is empty: campaign');
		return out;
	};
	const saveCampaign = (c) => {
		// Campaign#validate_url reads trigger_rules['url'] before any nil check: a campaign without trigger_rules is a 500.
		if (c.trigger_rules == null || typeof c.trigger_rules !== 'object') throw serverError();
		const inbox = c.inbox_id == null ? null : store.inbox(c.inbox_id);
		const messages = [];
		const attributes = [];
		const add = (attr, msg) => {
			messages.push(msg);
			if (!attributes.includes(attr)) attributes.push(attr);
		};
		if (!inbox) add('inbox', 'Inbox must exist');
		if (c.inbox_id == null) add('inbox_id', "Inbox can't be blank");
		if (isBlank(c.title)) add('title', "Title can't be blank");
		if (isBlank(c.message)) add('message', "Message can't be blank");
		const inboxType = inbox ? INBOX_TYPES[inbox.channel_type] : null;
		if (inbox && inboxType !== 'Website') add('inbox', 'Inbox Unsupported Inbox type'); // the simulator has no SMS/WhatsApp inboxes
		if (inbox && inbox.account_id !== c.account_id) add('inbox_id', 'Inbox must belong to the same account as the campaign');
		const url = c.trigger_rules.url;
		if (url && inboxType === 'Website' && !/^https?:\/\//.test(String(url))) add('url', 'Url invalid');
		if (c.sender_id != null) {
			const u = store.user(c.sender_id);
			if (!u || !u.account_ids.includes(c.account_id)) add('sender_id', 'Sender must belong to the same account as the campaign');
		}
		if (messages.length) throw ERR.invalid(messages, attributes);
		c.campaign_type = 'ongoing'; // ensure_correct_campaign_attributes for Website inboxes
		c.scheduled_at = null;
	};
	router.add('GET', `${A}/campaigns`, (ctx) => store.db.campaigns.filter((c) => c.account_id === ctx.auth.accountId).map(campaignJson), ADMIN);
	router.add('POST', `${A}/campaigns`, (ctx) => {
		const p = campaignParams(ctx);
		const c = {
			account_id: ctx.auth.accountId,
			title: null,
			description: null,
			message: null,
			enabled: true,
			trigger_only_during_business_hours: false,
			inbox_id: null,
			sender_id: null,
			scheduled_at: null,
			audience: null,
			trigger_rules: null,
			template_params: null,
			campaign_status: 'active',
			campaign_type: 'ongoing',
			...p,
		};
		if (c.inbox_id != null) c.inbox_id = Number(c.inbox_id);
		if (c.sender_id != null && c.sender_id !== '') c.sender_id = Number(c.sender_id);
		else c.sender_id = null;
		saveCampaign(c);
		c.display_id = nextDisplayId(ctx.auth.accountId);
		c.created_at = c.updated_at = store.now();
		store.insert('campaigns', c);
		return campaignJson(c);
	}, ADMIN);
	router.add('GET', `${A}/campaigns/:id`, (ctx) => {
		const c = campaignOf(ctx);
		if (!c) throw serverError();
		return campaignJson(c);
	}, ADMIN);
	router.add(['PATCH', 'PUT'], `${A}/campaigns/:id`, (ctx) => {
		const c = campaignOf(ctx);
		if (!c) throw serverError();
		const p = campaignParams(ctx);
		const next = { ...c, ...p };
		if (p.inbox_id !== undefined) next.inbox_id = p.inbox_id == null ? null : Number(p.inbox_id);
		if (p.sender_id !== undefined) next.sender_id = present(p.sender_id) ? Number(p.sender_id) : null;
		if (c.campaign_status === 'completed') throw ERR.invalid(['Status The campaign is already completed'], ['status']);
		saveCampaign(next);
		Object.assign(c, next, { updated_at: store.now() });
		return campaignJson(c);
	}, ADMIN);
	router.add('DELETE', `${A}/campaigns/:id`, (ctx) => {
		const c = campaignOf(ctx);
		if (!c) throw serverError();
		store.remove('campaigns', c);
		return reply(200, EMPTY);
	}, ADMIN);
}

module.exports = { register, RULE_CONDITIONS, RULE_ACTIONS, MACRO_ACTIONS };
