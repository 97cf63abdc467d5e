// Ported from spec/controllers/api/v2/accounts/live_reports_controller_spec.rb (LR = that file) and
// spec/controllers/api/v2/accounts/report_controller_spec.rb (RC = that file).
import type { ChatwootSimulator, ConversationStatus } from '../index';
import { call, seedOracle, startOracle } from './_oracle';
import type { Oracle } from './_oracle';

let sim: ChatwootSimulator;
let o: Oracle;
let V2: string;
let contactId: number;
beforeAll(async () => {
	sim = await startOracle();
});
afterAll(async () => await sim.close());
beforeEach(() => {
	o = seedOracle(sim);
	V2 = `/api/v2/accounts/${o.accountId}`;
	contactId = sim.seed.contact({ accountId: o.accountId, name: 'c', email: 'c@x.test' }).id;
});
const admin = () => o.admin.access_token;
/** `create(:conversation, ...)`; `replied` adds `create(:message, message_type: :outgoing)` from an agent. */
const conv = (opts: { status?: ConversationStatus; assigneeId?: number; teamId?: number; replied?: boolean } = {}) => {
	const c = sim.seed.conversation({ accountId: o.accountId, inboxId: o.inbox.id, contactId, status: opts.status ?? 'open', assigneeId: opts.assigneeId ?? null, teamId: opts.teamId ?? null });
	if (opts.replied) sim.seed.message({ accountId: o.accountId, conversationId: c.display_id, content: 'hi', message_type: 'outgoing', senderId: o.admin.id });
	return c;
};

describe('GET /live_reports/conversation_metrics (LR:10-73)', () => {
	beforeEach(() => {
		// LR:28-35: open+assignee, open, pending+assignee, open+assignee with an outgoing message
		conv({ assigneeId: o.agent.id });
		conv();
		conv({ status: 'pending', assigneeId: o.agent.id });
		conv({ assigneeId: o.agent.id, replied: true });
	});

	it('LR:19-24 an agent is refused (ReportPolicy#view?)', async () => {
		expect((await call(sim, 'GET', `${V2}/live_reports/conversation_metrics`, { token: o.agent.access_token })).status).toBe(401);
	});

	it('LR:37-48 returns open 3, unattended 2, unassigned 1, pending 1', async () => {
		const r = await call(sim, 'GET', `${V2}/live_reports/conversation_metrics`, { token: admin() });
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ open: 3, unattended: 2, unassigned: 1, pending: 1 });
	});

	it('LR:51-69 team_id counts only that team', async () => {
		const team = sim.seed.team({ accountId: o.accountId, name: 'T' });
		conv({ teamId: team.id });
		conv();
		const r = await call(sim, 'GET', `${V2}/live_reports/conversation_metrics?team_id=${team.id}`, { token: admin() });
		expect(r.json).toEqual({ open: 1, unattended: 1, unassigned: 1, pending: 0 });
	});
});

describe('GET /live_reports/grouped_conversation_metrics (LR:75-169)', () => {
	it('LR:94-103 an invalid group_by is a 422 "invalid group_by"', async () => {
		const r = await call(sim, 'GET', `${V2}/live_reports/grouped_conversation_metrics?group_by=invalid_param`, { token: admin() });
		expect(r.status).toBe(422);
		expect(r.json.error).toBe('invalid group_by');
	});

	it('LR:106-138 grouped by team_id, conversations without a team as team_id null', async () => {
		const team = sim.seed.team({ accountId: o.accountId, name: 'T' });
		conv({ teamId: team.id });
		conv({ teamId: team.id });
		conv({ teamId: team.id, replied: true });
		conv({ assigneeId: o.agent.id });
		conv({ replied: true });
		const r = await call(sim, 'GET', `${V2}/live_reports/grouped_conversation_metrics?group_by=team_id`, { token: admin() });
		expect(r.status).toBe(200);
		expect(r.json).toHaveLength(2);
		expect(r.json).toContainEqual({ team_id: null, open: 2, unattended: 1, unassigned: 1 });
		expect(r.json).toContainEqual({ team_id: team.id, open: 3, unattended: 2, unassigned: 3 });
	});

	it('LR:141-167 grouped by assignee_id', async () => {
		conv({ assigneeId: o.agent.id });
		conv();
		conv({ assigneeId: o.agent.id, replied: true });
		const r = await call(sim, 'GET', `${V2}/live_reports/grouped_conversation_metrics?group_by=assignee_id`, { token: admin() });
		expect(r.json).toHaveLength(2);
		expect(r.json).toContainEqual({ assignee_id: o.agent.id, open: 2, unassigned: 0, unattended: 1 });
		expect(r.json).toContainEqual({ assignee_id: null, open: 1, unassigned: 1, unattended: 1 });
	});
});

describe('bot reports (RC:194-233, RC:445-481)', () => {
	const day = () => {
		const start = Math.floor(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) / 1000);
		return { since: start, until: start + 86399 };
	};

	it('RC:212-219 an agent is refused bot_summary', async () => {
		const { since, until } = day();
		expect((await call(sim, 'GET', `${V2}/reports/bot_summary?type=account&since=${since}&until=${until}`, { token: o.agent.access_token })).status).toBe(401);
	});

	it('RC:221-232 bot_summary without bot events is zero', async () => {
		const { since, until } = day();
		const r = await call(sim, 'GET', `${V2}/reports/bot_summary?type=account&since=${since}&until=${until}`, { token: admin() });
		expect(r.status).toBe(200);
		expect(r.json.bot_resolutions_count).toBe(0);
		expect(r.json.bot_handoffs_count).toBe(0);
	});

	it('RC:470-478 bot_metrics returns exactly conversation_count, message_count, resolution_rate, handoff_rate', async () => {
		const { until } = day();
		const r = await call(sim, 'GET', `${V2}/reports/bot_metrics?since=${until - 8 * 86400}&until=${until}`, { token: admin() });
		expect(r.status).toBe(200);
		expect(Object.keys(r.json).sort()).toEqual(['conversation_count', 'handoff_rate', 'message_count', 'resolution_rate']);
	});
});
