import { expectRequestsMatchSpec } from '../../../contract/spec';
import { calls, rl, run, search, seedWorld, startWorld } from './setup';
import type { Sim, World } from './setup';

const DAY = 86400;
const D0 = Date.UTC(2026, 10, 1) / 1000; // 2026-11-01T00:00:00Z, a Sunday
const iso = (sec: number) => new Date(sec * 1000).toISOString();

describe('report', () => {
	let sim: Sim;
	let world: World;
	let team: any;

	beforeAll(async () => {
		sim = await startWorld();
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(() => {
		world = seedWorld(sim);
		const accountId = world.accountId;
		team = sim.seed.team({ accountId, name: 'Support' });
		sim.seed.label({ accountId, title: 'billing' });
		// two conversations inside the report window (the world's own ones are created "now", outside it)
		const a = sim.seed.conversation({ accountId, inboxId: world.apiInbox.id, contactId: world.contact.id });
		Object.assign(a, { created_at: (D0 + 3600) * 1000, assignee_id: world.agent.id, team_id: team.id, labels: ['billing'] });
		const b = sim.seed.conversation({ accountId, inboxId: world.widgetInbox.id, contactId: world.contact.id });
		Object.assign(b, { created_at: (D0 + DAY + 7200) * 1000, status: 'resolved' });
		const at = (m: any, sec: number) => (m.created_at = sec * 1000);
		at(sim.seed.message({ accountId, conversationId: a.display_id, content: 'hi', message_type: 'incoming' }), D0 + 3600);
		at(sim.seed.message({ accountId, conversationId: a.display_id, content: 'hello', message_type: 'outgoing', senderId: world.agent.id }), D0 + 4000);
		at(sim.seed.message({ accountId, conversationId: b.display_id, content: 'q', message_type: 'incoming' }), D0 + DAY + 7200);
		sim.seed.reportingEvent({ accountId, name: 'first_response', value: 400, valueInBusinessHours: 100, conversationId: a.display_id, userId: world.agent.id, createdAt: (D0 + 4000) * 1000 });
		sim.seed.reportingEvent({ accountId, name: 'first_response', value: 20000, conversationId: b.display_id, userId: world.admin.id, createdAt: (D0 + DAY + 9000) * 1000 });
		sim.seed.reportingEvent({ accountId, name: 'conversation_resolved', value: 5000, conversationId: b.display_id, userId: world.admin.id, createdAt: (D0 + DAY + 9200) * 1000 });
		sim.clearRequests();
	});

	const range = { since: iso(D0), until: iso(D0 + 3 * DAY) };

	it('getMetric: one item per day with an ISO date, zero days included', async () => {
		const out = await run(world, 'report', { operation: 'getMetric', metric: 'conversations_count', scopeType: 'account', ...range, groupBy: 'day' });
		expect(out.map((o) => o.json)).toEqual([
			{ metric: 'conversations_count', date: iso(D0), value: 1, timestamp: D0 },
			{ metric: 'conversations_count', date: iso(D0 + DAY), value: 1, timestamp: D0 + DAY },
			{ metric: 'conversations_count', date: iso(D0 + 2 * DAY), value: 0, timestamp: D0 + 2 * DAY },
		]);
		const request = calls(sim)[0];
		expect(request.path).toBe(`/api/v2/accounts/${world.accountId}/reports`);
		expect(request.query).toEqual({ metric: 'conversations_count', type: 'account', since: String(D0), until: String(D0 + 3 * DAY), group_by: 'day' });
		expectRequestsMatchSpec(sim.requests);
	});

	it('getMetric for one agent, averages in business hours, grouped by week', async () => {
		const out = await run(world, 'report', {
			operation: 'getMetric',
			metric: 'avg_first_response_time',
			scopeType: 'agent',
			agentId: rl(world.agent.id),
			...range,
			groupBy: 'week',
			options: { businessHours: true },
		});
		expect(out.map((o) => o.json)).toEqual([{ metric: 'avg_first_response_time', date: iso(D0), value: 100, timestamp: D0, count: 1 }]);
		expect(calls(sim)[0].query).toMatchObject({ type: 'agent', id: String(world.agent.id), business_hours: 'true', group_by: 'week' });
		expectRequestsMatchSpec(sim.requests);
	});

	it('getSummary: totals with the previous period', async () => {
		const out = await run(world, 'report', { operation: 'getSummary', scopeType: 'inbox', inboxId: rl(world.widgetInbox.id), ...range });
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({
			conversations_count: 1,
			incoming_messages_count: 1,
			outgoing_messages_count: 0,
			resolutions_count: 1,
			avg_resolution_time: 5000,
			previous: { conversations_count: 0 },
		});
		expectRequestsMatchSpec(sim.requests);
	});

	it('getGroupSummary per agent adds names; per channel gives one item per channel type', async () => {
		const agents = await run(world, 'report', { operation: 'getGroupSummary', groupBy: 'agent', ...range });
		expect(agents.map((o) => o.json)).toContainEqual({
			id: world.agent.id,
			name: 'Alan Agent',
			conversations_count: 1,
			resolved_conversations_count: 0,
			avg_resolution_time: null,
			avg_first_response_time: 400,
			avg_reply_time: null,
		});
		expect(agents.find((o) => o.json.id === world.admin.id)!.json).toMatchObject({ name: 'Ada Admin', resolved_conversations_count: 1, avg_resolution_time: 5000 });
		const channels = await run(world, 'report', { operation: 'getGroupSummary', groupBy: 'channel', ...range });
		expect(channels.map((o) => o.json)).toEqual([
			{ channel_type: 'Channel::Api', open: 1, resolved: 0, pending: 0, snoozed: 0, total: 1 },
			{ channel_type: 'Channel::WebWidget', open: 0, resolved: 1, pending: 0, snoozed: 0, total: 1 },
		]);
		const labels = await run(world, 'report', { operation: 'getGroupSummary', groupBy: 'label', ...range });
		expect(labels[0].json).toMatchObject({ name: 'billing', conversations_count: 1 });
		expectRequestsMatchSpec(sim.requests.filter((r) => !r.path.endsWith('/summary_reports/label')));
	});

	it('getConversationCounts for the account and per agent', async () => {
		const account = await run(world, 'report', { operation: 'getConversationCounts', countFor: 'account' });
		expect(account[0].json).toMatchObject({ open: 3, unassigned: 2 });
		const perAgent = await run(world, 'report', { operation: 'getConversationCounts', countFor: 'agent' });
		expect(perAgent[0].json).toMatchObject({ id: world.agent.id, name: 'Alan Agent', metric: { open: 1 } });
		expect(perAgent).toHaveLength(3);
		expectRequestsMatchSpec(sim.requests);
	});

	it('first response distribution, outgoing counts and the inbox × label matrix as item lists', async () => {
		const dist = await run(world, 'report', { operation: 'getFirstResponseDistribution', ...range });
		expect(dist.map((o) => o.json)).toEqual([
			{ channel_type: 'Channel::Api', '0-1h': 1, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 0 },
			{ channel_type: 'Channel::WebWidget', '0-1h': 0, '1-4h': 0, '4-8h': 1, '8-24h': 0, '24h+': 0 },
		]);
		const outgoing = await run(world, 'report', { operation: 'getOutgoingMessageCounts', groupBy: 'agent', ...range });
		expect(outgoing.map((o) => o.json)).toEqual([{ id: world.agent.id, name: 'Alan Agent', outgoing_messages_count: 1 }]);
		const matrix = await run(world, 'report', { operation: 'getInboxLabelMatrix', ...range, options: {} });
		expect(matrix.map((o) => o.json)).toEqual([
			{ inbox_id: world.apiInbox.id, inbox_name: 'API', label_id: expect.any(Number), label: 'billing', conversations_count: 1 },
			{ inbox_id: world.widgetInbox.id, inbox_name: 'Website', label_id: expect.any(Number), label: 'billing', conversations_count: 0 },
		]);
		expectRequestsMatchSpec(sim.requests);
	});

	it('refuses a range that ends before it starts, without a request', async () => {
		await expect(run(world, 'report', { operation: 'getSummary', scopeType: 'account', since: range.until, until: range.since })).rejects.toThrow(/"Until" must be later/);
		await expect(run(world, 'report', { operation: 'getSummary', scopeType: 'account', since: 'yesterday-ish', until: range.until })).rejects.toThrow(/"Since" is not a date/);
		expect(calls(sim)).toHaveLength(0);
	});

	it('getEvents: raw reporting events across pages, filtered (enterprise); explained on a community edition', async () => {
		const error = await run(world, 'report', { operation: 'getEvents', returnAll: true, filters: {} }).catch((e) => e);
		expect(error.message).toBe('This Chatwoot has no account reporting events');
		sim.setEdition('enterprise');
		for (let i = 0; i < 30; i++) {
			sim.seed.reportingEvent({ accountId: world.accountId, name: 'reply_time', value: i, userId: world.agent.id, inboxId: world.apiInbox.id, createdAt: (D0 + i) * 1000 });
		}
		sim.clearRequests();
		const all = await run(world, 'report', { operation: 'getEvents', returnAll: true, filters: { name: 'reply_time', userId: String(world.agent.id) } });
		expect(all).toHaveLength(30);
		expect(all[0].json).toMatchObject({ name: 'reply_time', value: 29, user_id: world.agent.id });
		expect(calls(sim).map((r) => r.query.page).sort()).toEqual(['1', '2']);
		expect(calls(sim)[0].query).toMatchObject({ name: 'reply_time', user_id: String(world.agent.id) });
		const ranged = await run(world, 'report', { operation: 'getEvents', returnAll: false, limit: 100, filters: { since: iso(D0), until: iso(D0 + 2 * DAY) } });
		expect(ranged).toHaveLength(33); // the 30 above plus the three events of the fixture
		expectRequestsMatchSpec(sim.requests);
		sim.setEdition('community');
	});

	it('reports on a label picked from the label list (by ID, not title)', async () => {
		const picked = (await search(world, 'searchLabelIds', {}, 'bill')).results;
		const label = sim.find.label(world.accountId, 'billing')!;
		expect(picked).toEqual([{ name: 'billing', value: String(label.id) }]);
		const out = await run(world, 'report', { operation: 'getSummary', scopeType: 'label', labelId: rl(String(picked[0].value), 'list'), ...range });
		expect(out[0].json).toMatchObject({ conversations_count: 1, incoming_messages_count: 1, outgoing_messages_count: 1 });
		expect(calls(sim).pop()!.query).toMatchObject({ type: 'label', id: String(label.id) });
	});

	it('names an unknown team', async () => {
		await expect(run(world, 'report', { operation: 'getSummary', scopeType: 'team', teamId: rl(999), ...range })).rejects.toThrow(/Team 999 was not found/);
	});

	it('getBotMetrics rates: bot-inbox conversations and messages in the range, handoff wins over resolution', async () => {
		const accountId = world.accountId;
		sim.seed.agentBot({ name: 'Bot', accountId, inboxIds: [world.apiInbox.id] });
		const a = sim.db.conversations.find((c: any) => c.account_id === accountId && c.created_at === (D0 + 3600) * 1000)!;
		const c = sim.seed.conversation({ accountId, inboxId: world.apiInbox.id, contactId: world.contact.id });
		c.created_at = (D0 + 7200) * 1000;
		for (const [name, conversationId] of [['conversation_bot_handoff', a.display_id], ['conversation_bot_resolved', a.display_id], ['conversation_bot_resolved', c.display_id]] as const) {
			sim.seed.reportingEvent({ accountId, name, conversationId, createdAt: (D0 + 8000) * 1000 });
		}
		sim.clearRequests();
		const out = await run(world, 'report', { operation: 'getBotMetrics', botReport: 'metrics', ...range });
		expect(out.map((o) => o.json)).toEqual([{ conversation_count: 2, message_count: 1, resolution_rate: 50, handoff_rate: 50 }]);
		expect(calls(sim)[0].path).toBe(`/api/v2/accounts/${accountId}/reports/bot_metrics`);
		expect(calls(sim)[0].query).toEqual({ since: String(D0), until: String(D0 + 3 * DAY) });

		const summary = await run(world, 'report', { operation: 'getBotMetrics', botReport: 'summary', scopeType: 'team', teamId: rl(team.id), ...range });
		expect(summary[0].json).toEqual({ bot_resolutions_count: 1, bot_handoffs_count: 1, previous: { bot_resolutions_count: 0, bot_handoffs_count: 0 } });
		expect(calls(sim)[1].path).toBe(`/api/v2/accounts/${accountId}/reports/bot_summary`);
		expect(calls(sim)[1].query).toEqual({ type: 'team', id: String(team.id), since: String(D0), until: String(D0 + 3 * DAY) });
		expectRequestsMatchSpec(sim.requests);
	});

	it('getLiveMetrics: totals for one team, per team and per agent with names', async () => {
		const accountId = world.accountId;
		const total = await run(world, 'report', { operation: 'getLiveMetrics', groupBy: 'none', onlyTeam: true, teamId: rl(team.id) });
		// the team's only conversation is open, assigned and answered by the agent
		expect(total.map((o) => o.json)).toEqual([{ open: 1, unattended: 0, unassigned: 0, pending: 0 }]);
		expect(calls(sim)[0].path).toBe(`/api/v2/accounts/${accountId}/live_reports/conversation_metrics`);
		expect(calls(sim)[0].query).toEqual({ team_id: String(team.id) });

		const open = sim.db.conversations.filter((c: any) => c.account_id === accountId && c.status === 'open');
		const perTeam = (await run(world, 'report', { operation: 'getLiveMetrics', groupBy: 'team_id' })).map((o) => o.json);
		expect(perTeam).toHaveLength(2);
		expect(perTeam).toContainEqual({ team_id: team.id, team_name: 'support', open: 1, unattended: 0, unassigned: 0 });
		expect(perTeam).toContainEqual(expect.objectContaining({ team_id: null, team_name: null, open: open.length - 1 }));
		expect(calls(sim).find((r) => r.path.endsWith('/grouped_conversation_metrics'))!.query).toEqual({ group_by: 'team_id' });

		const perAgent = (await run(world, 'report', { operation: 'getLiveMetrics', groupBy: 'assignee_id' })).map((o) => o.json);
		expect(perAgent).toContainEqual(expect.objectContaining({ assignee_id: world.agent.id, assignee_name: world.agent.name }));
		expect(perAgent.reduce((n, row) => n + Number(row.open), 0)).toBe(open.length);
		expectRequestsMatchSpec(sim.requests);
	});

	it('getLiveMetrics names an unknown team', async () => {
		await expect(run(world, 'report', { operation: 'getLiveMetrics', groupBy: 'none', onlyTeam: true, teamId: rl(999) })).rejects.toThrow(/Team 999 was not found/);
	});
});
