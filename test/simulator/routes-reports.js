'use strict';
// Reports v2 (`/api/v2/accounts/:account_id`), CSAT survey responses and audit logs (API-NOTES §1.8, §1.11).
// Behaviour per Chatwoot f66b551c:
//   app/controllers/api/v2/accounts/{reports,summary_reports}_controller.rb, app/policies/report_policy.rb,
//   app/builders/v2/reports/** (timeseries, metric, agent/team/inbox/label/channel summary, first response
//   distribution, outgoing messages count), app/builders/v2/report_builder.rb#conversation_metrics,
//   app/services/reports/{report_metric_registry,raw_data_source}.rb, app/helpers/date_range_helper.rb,
//   app/controllers/api/v1/accounts/csat_survey_responses_controller.rb, app/models/csat_survey_response.rb,
//   app/views/api/v1/models/_csat_survey_response.json.jbuilder,
//   enterprise/app/controllers/api/v1/accounts/audit_logs_controller.rb (route `resource :audit_logs` in config/routes.rb).
// Data: conversations and messages from the store, plus `reportingEvents` (seed.reportingEvent) standing in for
// the rows Chatwoot's ReportingEventListener writes (first_response, conversation_resolved, reply_time, …).
const { ERR, HttpError, toSec, isBlank } = require('./util');
const { reply, EMPTY } = require('./server');

const COUNT_METRICS = ['conversations_count', 'incoming_messages_count', 'outgoing_messages_count', 'resolutions_count', 'bot_resolutions_count', 'bot_handoffs_count'];
const AVERAGE_EVENTS = { avg_first_response_time: 'first_response', avg_resolution_time: 'conversation_resolved', reply_time: 'reply_time' };
const COUNT_EVENTS = { resolutions_count: 'conversation_resolved', bot_resolutions_count: 'conversation_bot_resolved', bot_handoffs_count: 'conversation_bot_handoff' };
const GROUPS = ['day', 'week', 'month', 'year', 'hour'];
const serverError = () => new HttpError(500, { status: 500, error: 'Internal Server Error' });

function register(router, env) {
	const { store, S, sim } = env;
	const V2 = '/api/v2/accounts/:account_id';
	const A = '/api/v1/accounts/:account_id';
	const ADMIN = { admin: true }; // ReportPolicy#view?, CsatSurveyResponsePolicy: administrators

	/** DateRangeHelper#range: both since and until (unix seconds) or no range; `since...until` excludes until. */
	const rangeOf = (q) => (isBlank(q.since) || isBlank(q.until) ? null : { from: Number(q.since) * 1000, to: Number(q.until) * 1000 });
	const inRange = (range, ms) => !range || (ms >= range.from && ms < range.to);
	const isIncoming = (m) => m.message_type === 'incoming' || m.message_type === 0;
	const isOutgoing = (m) => m.message_type === 'outgoing' || m.message_type === 1;

	/** The scope of `type` + `id` (BaseTimeseriesBuilder#scope); `find` raises → 404 for an unknown id. */
	const scopeOf = (ctx, type, id) => {
		const accountId = ctx.auth.accountId;
		const convs = store.db.conversations.filter((c) => c.account_id === accountId);
		const msgs = store.db.messages.filter((m) => m.account_id === accountId);
		const events = store.db.reportingEvents.filter((e) => e.account_id === accountId);
		const need = (rec) => {
			if (!rec) throw ERR.notFound();
			return rec;
		};
		switch (type) {
			case 'account':
				return { convs, msgs, events };
			case 'inbox': {
				const inbox = need(store.inAccount('inboxes', accountId, id));
				return { convs: convs.filter((c) => c.inbox_id === inbox.id), msgs: msgs.filter((m) => m.inbox_id === inbox.id), events: events.filter((e) => e.inbox_id === inbox.id) };
			}
			case 'agent': {
				const u = need(store.user(id) && store.user(id).account_ids.includes(accountId) ? store.user(id) : null);
				return {
					convs: convs.filter((c) => c.assignee_id === u.id),
					msgs: msgs.filter((m) => m.sender_type === 'User' && m.sender_id === u.id),
					events: events.filter((e) => e.user_id === u.id),
				};
			}
			case 'label': {
				const label = need(store.inAccount('labels', accountId, id));
				const ids = new Set(convs.filter((c) => c.labels.includes(label.title)).map((c) => c.id));
				return { convs: convs.filter((c) => ids.has(c.id)), msgs: msgs.filter((m) => ids.has(m.conversation_id)), events: events.filter((e) => ids.has(e.conversation_id)) };
			}
			case 'team': {
				const team = need(store.inAccount('teams', accountId, id));
				const ids = new Set(convs.filter((c) => c.team_id === team.id).map((c) => c.id));
				return { convs: convs.filter((c) => ids.has(c.id)), msgs: msgs.filter((m) => ids.has(m.conversation_id)), events: events.filter((e) => ids.has(e.conversation_id)) };
			}
			default:
				throw serverError();
		}
	};

	/** Rows behind a metric: records with `created_at` (and `value` for averages). */
	const metricRows = (scope, metric, range) => {
		let rows;
		if (metric === 'conversations_count') rows = scope.convs;
		else if (metric === 'incoming_messages_count') rows = scope.msgs.filter(isIncoming);
		else if (metric === 'outgoing_messages_count') rows = scope.msgs.filter(isOutgoing);
		else rows = scope.events.filter((e) => e.name === (COUNT_EVENTS[metric] || AVERAGE_EVENTS[metric]));
		return rows.filter((r) => inRange(range, r.created_at));
	};
	const valueOf = (row, businessHours) => (businessHours ? row.value_in_business_hours : row.value);
	const average = (rows, businessHours) => (rows.length ? rows.reduce((s, r) => s + valueOf(r, businessHours), 0) / rows.length : null);
	const businessHoursParam = (v) => ['true', '1', 't', 'on'].includes(String(v).toLowerCase());

	/** groupdate's group_by_period: period starts in the timezone offset (hours), weeks start on Sunday. */
	const periodStart = (ms, group, offsetHours) => {
		const shift = offsetHours * 3600 * 1000;
		const d = new Date(ms + shift);
		let start;
		if (group === 'hour') start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
		else if (group === 'day') start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
		else if (group === 'week') start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - d.getUTCDay());
		else if (group === 'month') start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
		else start = Date.UTC(d.getUTCFullYear(), 0, 1);
		return start - shift;
	};
	const nextPeriod = (start, group, offsetHours) => {
		const shift = offsetHours * 3600 * 1000;
		const d = new Date(start + shift);
		const y = d.getUTCFullYear();
		const mo = d.getUTCMonth();
		const day = d.getUTCDate();
		const h = d.getUTCHours();
		const next = { hour: Date.UTC(y, mo, day, h + 1), day: Date.UTC(y, mo, day + 1), week: Date.UTC(y, mo, day + 7), month: Date.UTC(y, mo + 1, 1), year: Date.UTC(y + 1, 0, 1) }[group];
		return next - shift;
	};

	// GET /reports: V2::Reports::Timeseries::ReportBuilder#timeseries (RawDataSource count/average timeseries)
	router.add('GET', `${V2}/reports`, (ctx) => {
		const q = ctx.query;
		if (isBlank(q.type)) throw serverError(); // common_params: params[:type].to_sym on nil
		const metric = String(q.metric ?? '');
		if (!COUNT_METRICS.includes(metric) && !AVERAGE_EVENTS[metric]) return {}; // log_invalid_metric → {}
		const range = rangeOf(q);
		const group = GROUPS.includes(q.group_by) ? q.group_by : 'day';
		const offset = Number(q.timezone_offset) || 0;
		const rows = metricRows(scopeOf(ctx, String(q.type), q.id), metric, range);
		const buckets = new Map();
		for (const r of rows) {
			const key = periodStart(r.created_at, group, offset);
			if (!buckets.has(key)) buckets.set(key, []);
			buckets.get(key).push(r);
		}
		let first;
		let last;
		if (range) {
			first = periodStart(range.from, group, offset);
			last = periodStart(range.to - 1, group, offset);
		} else if (buckets.size) {
			first = Math.min(...buckets.keys());
			last = Math.max(...buckets.keys());
		} else return [];
		const out = [];
		const businessHours = businessHoursParam(q.business_hours);
		for (let t = first; t <= last; t = nextPeriod(t, group, offset)) {
			const list = buckets.get(t) || [];
			const timestamp = Math.floor(t / 1000);
			if (AVERAGE_EVENTS[metric]) out.push({ value: list.length ? average(list, businessHours) : 0, timestamp, count: list.length });
			else out.push({ value: list.length, timestamp });
		}
		return out;
	}, ADMIN);

	/** V2::Reports::Conversations::MetricBuilder#summary for one range. */
	const summaryFor = (scope, range, businessHours) => {
		const out = {};
		for (const metric of ['conversations_count', 'incoming_messages_count', 'outgoing_messages_count', 'avg_first_response_time', 'avg_resolution_time', 'resolutions_count', 'reply_time']) {
			const rows = metricRows(scope, metric, range);
			out[metric] = AVERAGE_EVENTS[metric] ? average(rows, businessHours) : rows.length;
		}
		return out;
	};
	router.add('GET', `${V2}/reports/summary`, (ctx) => {
		const q = ctx.query;
		if (isBlank(q.type)) throw serverError();
		const scope = scopeOf(ctx, String(q.type), q.id);
		const businessHours = businessHoursParam(q.business_hours);
		const since = Number(q.since) || 0;
		const until = Number(q.until) || 0;
		// ReportsController#range: the previous period has the same length and ends at `since`
		const current = rangeOf(q);
		const previous = rangeOf({ since: String(since - (until - since)), until: q.since });
		return { ...summaryFor(scope, current, businessHours), previous: summaryFor(scope, previous, businessHours) };
	}, ADMIN);

	// GET /reports/conversations: V2::ReportBuilder#conversation_metrics (live counts, no date range)
	router.add('GET', `${V2}/reports/conversations`, (ctx) => {
		const type = ctx.query.type;
		if (isBlank(type)) return reply(422, EMPTY); // head :unprocessable_entity
		const open = store.db.conversations.filter((c) => c.account_id === ctx.auth.accountId && c.status === 'open');
		const unattended = (list) => list.filter((c) => c.first_reply_created_at == null || c.waiting_since != null).length;
		if (type === 'account') return { open: open.length, unattended: unattended(open), unassigned: open.filter((c) => c.assignee_id == null).length, pending: 0 };
		const page = Math.max(1, Number(ctx.query.page) || 1);
		const users = store.accountUsers(ctx.auth.accountId).slice((page - 1) * 25, page * 25);
		return users
			.map((u) => {
				const mine = open.filter((c) => c.assignee_id === u.id);
				return { id: u.id, name: u.name, email: u.email, thumbnail: '', availability: S.availabilityStatus(u), metric: { open: mine.length, unattended: unattended(mine) } };
			})
			.sort((a, b) => b.metric.open - a.metric.open);
	}, ADMIN);

	// ---- bot reports ----
	// GET /reports/bot_summary: ReportsController#bot_summary → #build_summary(:bot_summary),
	// app/builders/v2/reports/conversations/metric_builder.rb#bot_summary: two counts of reporting events in the
	// scope of type + id, plus `previous` (the same length before `since`, ReportsController#range).
	router.add('GET', `${V2}/reports/bot_summary`, (ctx) => {
		const q = ctx.query;
		if (isBlank(q.type)) throw serverError(); // common_params: params[:type].to_sym on nil
		const scope = scopeOf(ctx, String(q.type), q.id);
		const since = Number(q.since) || 0;
		const until = Number(q.until) || 0;
		const botSummary = (range) => ({
			bot_resolutions_count: metricRows(scope, 'bot_resolutions_count', range).length,
			bot_handoffs_count: metricRows(scope, 'bot_handoffs_count', range).length,
		});
		return { ...botSummary(rangeOf(q)), previous: botSummary(rangeOf({ since: String(since - (until - since)), until: q.since })) };
	}, ADMIN);

	// GET /reports/bot_metrics: app/builders/v2/reports/bot_metrics_builder.rb#metrics. Conversations created in the
	// range in inboxes with an active bot (Inbox#active_bot?: an agent bot connected; the Dialogflow hook is not
	// simulated), their outgoing messages in the range, and resolution/handoff rates in whole percent (`to_i`):
	// distinct conversations with a conversation_bot_resolved (without a handoff in the range) or
	// conversation_bot_handoff event in the range, divided by the bot conversations. Only since/until are read.
	router.add('GET', `${V2}/reports/bot_metrics`, (ctx) => {
		const accountId = ctx.auth.accountId;
		const range = rangeOf(ctx.query);
		const botInboxes = new Set(store.db.inboxes.filter((i) => i.account_id === accountId && i.agent_bot_id).map((i) => i.id));
		const convs = store.db.conversations.filter((c) => c.account_id === accountId && botInboxes.has(c.inbox_id) && inRange(range, c.created_at));
		const convIds = new Set(convs.map((c) => c.id));
		const messages = store.db.messages.filter((m) => m.account_id === accountId && convIds.has(m.conversation_id) && isOutgoing(m) && inRange(range, m.created_at));
		const events = (name) => store.db.reportingEvents.filter((e) => e.account_id === accountId && e.name === name && e.conversation_id != null && inRange(range, e.created_at));
		const handedOff = new Set(events('conversation_bot_handoff').map((e) => e.conversation_id));
		const resolved = new Set(events('conversation_bot_resolved').map((e) => e.conversation_id).filter((id) => !handedOff.has(id)));
		const rate = (n) => (convs.length ? Math.trunc((n / convs.length) * 100) : 0);
		return { conversation_count: convs.length, message_count: messages.length, resolution_rate: rate(resolved.size), handoff_rate: rate(handedOff.size) };
	}, ADMIN);

	// ---- live reports: app/controllers/api/v2/accounts/live_reports_controller.rb (ReportPolicy#view?) ----
	/** #load_conversations: the account's conversations, of one team when team_id is given (`find` → 404). */
	const liveConversations = (ctx) => {
		const accountId = ctx.auth.accountId;
		let convs = store.db.conversations.filter((c) => c.account_id === accountId);
		if (!isBlank(ctx.query.team_id)) {
			const team = store.inAccount('teams', accountId, ctx.query.team_id);
			if (!team) throw ERR.notFound();
			convs = convs.filter((c) => c.team_id === team.id);
		}
		return convs;
	};
	// Conversation scopes (app/models/conversation.rb): unattended = no first reply yet or waiting since set.
	const liveUnattended = (c) => c.first_reply_created_at == null || c.waiting_since != null;
	// #conversation_metrics: {open, unattended, unassigned, pending} counts right now, no date range
	router.add('GET', `${V2}/live_reports/conversation_metrics`, (ctx) => {
		const convs = liveConversations(ctx);
		const open = convs.filter((c) => c.status === 'open');
		return {
			open: open.length,
			unattended: open.filter(liveUnattended).length,
			unassigned: open.filter((c) => c.assignee_id == null).length,
			pending: convs.filter((c) => c.status === 'pending').length,
		};
	}, ADMIN);
	// #grouped_conversation_metrics: open conversations grouped by team_id or assignee_id (null = none), one row per
	// group with at least one open conversation; other group_by values → 422 {error: 'invalid group_by'} (#set_group_scope)
	router.add('GET', `${V2}/live_reports/grouped_conversation_metrics`, (ctx) => {
		const key = ctx.query.group_by;
		if (!['team_id', 'assignee_id'].includes(key)) return reply(422, { error: 'invalid group_by' });
		const open = liveConversations(ctx).filter((c) => c.status === 'open');
		const groups = new Map();
		for (const c of open) {
			const id = c[key] ?? null;
			if (!groups.has(id)) groups.set(id, []);
			groups.get(id).push(c);
		}
		return [...groups].map(([id, list]) => ({ open: list.length, unattended: list.filter(liveUnattended).length, unassigned: list.filter((c) => c.assignee_id == null).length, [key]: id }));
	}, ADMIN);

	// ---- summary reports: V2::Reports::{Agent,Team,Inbox,Label,Channel}SummaryBuilder ----
	const groupedSummary = (ctx, key, convKey, ids) => {
		const range = rangeOf(ctx.query);
		const businessHours = businessHoursParam(ctx.query.business_hours);
		const accountId = ctx.auth.accountId;
		const convs = store.db.conversations.filter((c) => c.account_id === accountId && inRange(range, c.created_at));
		const events = store.db.reportingEvents.filter((e) => e.account_id === accountId && inRange(range, e.created_at));
		const eventKey = (e) => {
			if (key !== 'team') return e[key];
			const conv = e.conversation_id == null ? null : store.get('conversations', e.conversation_id);
			return conv ? conv.team_id : undefined; // summary_scope joins conversations for teams
		};
		return ids.map((id) => {
			const mine = events.filter((e) => eventKey(e) === id);
			const avg = (name) => average(mine.filter((e) => e.name === name), businessHours);
			return {
				id,
				conversations_count: convs.filter((c) => c[convKey] === id).length,
				resolved_conversations_count: mine.filter((e) => e.name === 'conversation_resolved').length,
				avg_resolution_time: avg('conversation_resolved'),
				avg_first_response_time: avg('first_response'),
				avg_reply_time: avg('reply_time'),
			};
		});
	};
	router.add('GET', `${V2}/summary_reports/agent`, (ctx) =>
		groupedSummary(ctx, 'user_id', 'assignee_id', store.accountUsers(ctx.auth.accountId).map((u) => u.id)), ADMIN);
	router.add('GET', `${V2}/summary_reports/team`, (ctx) =>
		groupedSummary(ctx, 'team', 'team_id', store.db.teams.filter((t) => t.account_id === ctx.auth.accountId).map((t) => t.id)), ADMIN);
	router.add('GET', `${V2}/summary_reports/inbox`, (ctx) =>
		groupedSummary(ctx, 'inbox_id', 'inbox_id', store.db.inboxes.filter((i) => i.account_id === ctx.auth.accountId).map((i) => i.id)), ADMIN);
	router.add('GET', `${V2}/summary_reports/label`, (ctx) => {
		const range = rangeOf(ctx.query);
		const businessHours = businessHoursParam(ctx.query.business_hours);
		const accountId = ctx.auth.accountId;
		const convs = store.db.conversations.filter((c) => c.account_id === accountId);
		const inRangeConvs = convs.filter((c) => inRange(range, c.created_at));
		const events = store.db.reportingEvents.filter((e) => e.account_id === accountId);
		const convOf = (e) => (e.conversation_id == null ? null : store.get('conversations', e.conversation_id));
		return store.db.labels
			.filter((l) => l.account_id === accountId)
			.map((l) => {
				const tagged = (e) => {
					const c = convOf(e);
					return c && c.labels.includes(l.title);
				};
				// metrics filter on the conversation's created_at, resolved counts on the event's created_at
				const metric = (name) => {
					const rows = events.filter((e) => e.name === name && tagged(e) && inRange(range, convOf(e).created_at));
					return rows.length ? average(rows, businessHours) : 0;
				};
				return {
					id: l.id,
					name: l.title,
					conversations_count: inRangeConvs.filter((c) => c.labels.includes(l.title)).length,
					avg_resolution_time: metric('conversation_resolved'),
					avg_first_response_time: metric('first_response'),
					avg_reply_time: metric('reply_time'),
					resolved_conversations_count: events.filter((e) => e.name === 'conversation_resolved' && tagged(e) && inRange(range, e.created_at)).length,
				};
			});
	}, ADMIN);
	router.add('GET', `${V2}/summary_reports/channel`, (ctx) => {
		const q = ctx.query;
		if (!isBlank(q.since) && !isBlank(q.until) && Number(q.until) - Number(q.since) > 183 * 86400) {
			throw ERR.unprocessable('Date range cannot exceed 6 months');
		}
		const range = rangeOf(q);
		const out = {};
		for (const c of store.db.conversations) {
			if (c.account_id !== ctx.auth.accountId || !inRange(range, c.created_at)) continue;
			const inbox = store.inbox(c.inbox_id);
			if (!inbox) continue;
			const stats = (out[inbox.channel_type] = out[inbox.channel_type] || { open: 0, resolved: 0, pending: 0, snoozed: 0, total: 0 });
			stats[c.status] += 1;
			stats.total += 1;
		}
		return out;
	}, ADMIN);

	// V2::Reports::FirstResponseTimeDistributionBuilder: first_response events bucketed per channel type
	router.add('GET', `${V2}/reports/first_response_time_distribution`, (ctx) => {
		const range = rangeOf(ctx.query);
		const out = {};
		for (const e of store.db.reportingEvents) {
			if (e.account_id !== ctx.auth.accountId || e.name !== 'first_response' || !inRange(range, e.created_at)) continue;
			const inbox = e.inbox_id == null ? null : store.inAccount('inboxes', ctx.auth.accountId, e.inbox_id);
			if (!inbox) continue;
			const b = (out[inbox.channel_type] = out[inbox.channel_type] || { '0-1h': 0, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 0 });
			const v = e.value;
			b[v < 3600 ? '0-1h' : v < 14400 ? '1-4h' : v < 28800 ? '4-8h' : v < 86400 ? '8-24h' : '24h+'] += 1;
		}
		return out;
	}, ADMIN);

	// V2::Reports::OutgoingMessagesCountBuilder; group_by must be agent|team|inbox|label, else head 422
	router.add('GET', `${V2}/reports/outgoing_messages_count`, (ctx) => {
		const group = ctx.query.group_by;
		if (!['agent', 'team', 'inbox', 'label'].includes(group)) return reply(422, EMPTY);
		const range = rangeOf(ctx.query);
		const accountId = ctx.auth.accountId;
		const msgs = store.db.messages.filter((m) => m.account_id === accountId && isOutgoing(m) && inRange(range, m.created_at));
		const counts = new Map();
		const bump = (k) => counts.set(k, (counts.get(k) || 0) + 1);
		for (const m of msgs) {
			const conv = store.get('conversations', m.conversation_id);
			if (group === 'agent' && m.sender_type === 'User' && m.sender_id != null) bump(m.sender_id);
			if (group === 'inbox') bump(m.inbox_id);
			if (group === 'team' && conv && conv.team_id != null) bump(conv.team_id);
			if (group === 'label' && conv) for (const l of conv.labels) bump(l);
		}
		return [...counts].map(([k, count]) => {
			if (group === 'label') {
				const label = store.db.labels.find((l) => l.account_id === accountId && l.title === k);
				return { id: label ? label.id : null, name: k, outgoing_messages_count: count };
			}
			const rec = group === 'agent' ? store.user(k) : group === 'team' ? store.team(k) : store.inbox(k);
			return { id: k, name: rec ? rec.name : null, outgoing_messages_count: count };
		});
	}, ADMIN);

	// V2::Reports::InboxLabelMatrixBuilder: conversations per inbox × label (optional inbox_ids[] / label_ids[])
	router.add('GET', `${V2}/reports/inbox_label_matrix`, (ctx) => {
		const range = rangeOf(ctx.query);
		const accountId = ctx.auth.accountId;
		const wanted = (v) => (v == null ? null : [].concat(v).map(Number));
		const inboxIds = wanted(ctx.query.inbox_ids ?? ctx.query['inbox_ids[]']);
		const labelIds = wanted(ctx.query.label_ids ?? ctx.query['label_ids[]']);
		const byText = (k) => (a, b) => String(a[k]).localeCompare(String(b[k]));
		const inboxes = store.db.inboxes.filter((i) => i.account_id === accountId && (!inboxIds || inboxIds.includes(i.id))).sort(byText('name'));
		const labels = store.db.labels.filter((l) => l.account_id === accountId && (!labelIds || labelIds.includes(l.id))).sort(byText('title'));
		const convs = store.db.conversations.filter((c) => c.account_id === accountId && inRange(range, c.created_at));
		return {
			inboxes: inboxes.map((i) => ({ id: i.id, name: i.name })),
			labels: labels.map((l) => ({ id: l.id, title: l.title })),
			matrix: inboxes.map((i) => labels.map((l) => convs.filter((c) => c.inbox_id === i.id && c.labels.includes(l.title)).length)),
		};
	}, ADMIN);

	// ---- CSAT survey responses: 25 per page, bare array, filters per CsatSurveyResponsesController ----
	const csatRows = (ctx) => {
		const q = ctx.query;
		const range = rangeOf(q);
		const list = (v) => (v == null || v === '' ? null : [].concat(v).map(String));
		const userIds = list(q.user_ids ?? q['user_ids[]']);
		const ratings = list(q.rating ?? q['rating[]']);
		return store.db.csatSurveyResponses.filter((r) => {
			if (r.account_id !== ctx.auth.accountId || !inRange(range, r.created_at)) return false;
			const conv = store.get('conversations', r.conversation_id);
			if (userIds && !userIds.includes(String(r.assigned_agent_id))) return false;
			if (!isBlank(q.inbox_id) && (!conv || String(conv.inbox_id) !== String(q.inbox_id))) return false;
			if (!isBlank(q.team_id) && (!conv || String(conv.team_id) !== String(q.team_id))) return false;
			if (ratings && !ratings.includes(String(r.rating))) return false;
			return true;
		});
	};
	const csatJson = (r) => {
		const conv = store.get('conversations', r.conversation_id);
		const contact = store.contact(r.contact_id);
		const agent = r.assigned_agent_id ? store.user(r.assigned_agent_id) : null;
		const out = {
			id: r.id,
			rating: r.rating,
			feedback_message: r.feedback_message,
			csat_review_notes: r.csat_review_notes,
			review_notes_updated_at: null,
			account_id: r.account_id,
			message_id: r.message_id,
		};
		if (contact) out.contact = S.contact(contact);
		out.conversation_id = conv ? conv.display_id : null;
		if (agent) out.assigned_agent = S.agent(agent, r.account_id);
		out.created_at = toSec(r.created_at);
		return out;
	};
	router.add('GET', `${A}/csat_survey_responses`, (ctx) => {
		const page = Math.max(1, Number(ctx.query.page) || 1);
		return csatRows(ctx).slice((page - 1) * 25, page * 25).map(csatJson);
	}, ADMIN);
	router.add('GET', `${A}/csat_survey_responses/metrics`, (ctx) => {
		const rows = csatRows(ctx);
		const range = rangeOf(ctx.query);
		const ratings = {};
		for (const r of rows) ratings[r.rating] = (ratings[r.rating] || 0) + 1;
		const sent = store.db.messages.filter((m) => m.account_id === ctx.auth.accountId && m.content_type === 'input_csat' && inRange(range, m.created_at)).length;
		return { total_count: rows.length, ratings_count: ratings, total_sent_messages_count: sent };
	}, ADMIN);

	// ---- account reporting events: enterprise only (enterprise/app/controllers/api/v1/accounts/reporting_events_controller.rb,
	// enterprise/app/views/api/v1/models/_reporting_event.json.jbuilder; routes.rb `if ChatwootApp.enterprise?`) ----
	router.add('GET', `${A}/reporting_events`, (ctx) => {
		if (sim.edition !== 'enterprise') throw new HttpError(404, { status: 404, error: 'Not Found' }); // route not drawn
		if (!ctx.auth.admin) throw ERR.unauthorizedAction();
		const q = ctx.query;
		const range = rangeOf(q);
		const all = store.db.reportingEvents
			.filter((e) => e.account_id === ctx.auth.accountId && inRange(range, e.created_at))
			.filter((e) => isBlank(q.inbox_id) || String(e.inbox_id) === String(q.inbox_id))
			.filter((e) => isBlank(q.user_id) || String(e.user_id) === String(q.user_id))
			.filter((e) => isBlank(q.name) || e.name === q.name)
			.sort((a, b) => b.created_at - a.created_at || b.id - a.id);
		const page = Math.max(1, Number(q.page) || 1);
		const iso = (ms) => (ms == null ? null : new Date(ms).toISOString());
		return {
			payload: all.slice((page - 1) * 25, page * 25).map((e) => ({
				id: e.id,
				name: e.name,
				value: e.value,
				value_in_business_hours: e.value_in_business_hours,
				event_start_time: iso(e.event_start_time),
				event_end_time: iso(e.event_end_time),
				account_id: e.account_id,
				inbox_id: e.inbox_id,
				user_id: e.user_id,
				conversation_id: e.conversation_id, // the database id, as the view renders it
				created_at: iso(e.created_at),
				updated_at: iso(e.updated_at),
			})),
			meta: { count: all.length, current_page: page, total_pages: Math.ceil(all.length / 25) },
		};
	});

	// ---- audit logs: enterprise only. A community build has no AuditLogsController: the route answers 404. ----
	router.add('GET', `${A}/audit_logs`, (ctx) => {
		if (sim.edition !== 'enterprise') {
			throw new HttpError(404, { status: 404, error: 'Not Found' });
		}
		if (!ctx.auth.admin) throw ERR.unauthorizedAction(); // check_admin_authorization?
		const account = ctx.auth.account;
		// feature_enabled?(:audit_logs) off → `associated_audits.none`: an empty page, not an error
		const enabled = !account.features || account.features.audit_logs !== false;
		const all = enabled ? store.db.auditLogs.filter((l) => l.account_id === ctx.auth.accountId).sort((a, b) => b.created_at - a.created_at || b.id - a.id) : [];
		const page = Math.max(1, Number(ctx.query.page) || 1);
		return {
			per_page: 25,
			total_entries: all.length,
			current_page: page,
			audit_logs: all.slice((page - 1) * 25, page * 25).map((l) => ({
				id: l.id,
				auditable_id: l.auditable_id,
				auditable_type: l.auditable_type,
				auditable: null,
				associated_id: l.account_id,
				associated_type: 'Account',
				user_id: l.user_id,
				user_type: l.user_type,
				username: l.username,
				action: l.action,
				audited_changes: l.audited_changes,
				version: l.version,
				comment: l.comment,
				request_uuid: l.request_uuid,
				created_at: toSec(l.created_at),
				remote_address: l.remote_address,
			})),
		};
	});
}

module.exports = { register };
