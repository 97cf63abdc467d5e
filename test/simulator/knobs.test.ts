import { ChatwootSimulator, startSimulator } from './index';
import { call, seedWorld, World } from './_helpers';

let sim: ChatwootSimulator;
let w: World;
beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.reset();
	sim.clock = { now: () => Date.now() };
	w = seedWorld(sim);
});
const tok = () => w.admin.access_token;

describe('rate limits (Rack::Attack semantics, injectable clock)', () => {
	it('per-IP limit -> 429 text/plain "Retry later" without Retry-After (Chatwoot); the knob adds it; fixed window frees when the clock moves', async () => {
		let now = 60_000 * 20_000_000; // aligned to a 60 s window
		sim.clock = { now: () => now };
		sim.setRateLimits({ perIpPerMinute: 3 });
		for (let i = 0; i < 3; i++) expect((await call(sim, 'GET', '/api/v1/profile', { token: tok() })).status).toBe(200);
		now += 15_000;
		const r = await call(sim, 'GET', '/api/v1/profile', { token: tok() });
		expect(r.status).toBe(429);
		expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(r.text).toBe('Retry later\n');
		expect(r.headers.get('retry-after')).toBeNull();
		expect(r.headers.get('date')).toBeTruthy();
		expect(sim.stats().rateLimited).toBe(1);
		sim.setRateLimits({ perIpPerMinute: 3, retryAfterHeader: true });
		for (let i = 0; i < 3; i++) expect((await call(sim, 'GET', '/api/v1/profile', { token: tok() })).status).toBe(200);
		const withHeader = await call(sim, 'GET', '/api/v1/profile', { token: tok() });
		expect(withHeader.status).toBe(429);
		expect(withHeader.headers.get('retry-after')).toBe('45');
		now += 45_000;
		expect((await call(sim, 'GET', '/api/v1/profile', { token: tok() })).status).toBe(200);
	});

	it('contact search and conversations/meta have their own limits; windowMs shrinks the window', async () => {
		let now = 0;
		sim.clock = { now: () => now };
		sim.setRateLimits({ contactSearchPerMinute: 2, conversationsMetaPerMinute: 1, windowMs: 1000 });
		expect((await call(sim, 'GET', `${w.A}/contacts/search?q=a`, { token: tok() })).status).toBe(200);
		expect((await call(sim, 'GET', `${w.A}/contacts/search?q=a`, { token: tok() })).status).toBe(200);
		expect((await call(sim, 'GET', `${w.A}/contacts/search?q=a`, { token: tok() })).status).toBe(429);
		expect((await call(sim, 'GET', `${w.A}/contacts`, { token: tok() })).status).toBe(200);
		expect((await call(sim, 'GET', `${w.A}/conversations/meta`, { token: tok() })).status).toBe(200);
		expect((await call(sim, 'GET', `${w.A}/conversations/meta`, { token: tok() })).status).toBe(429);
		now = 1000;
		expect((await call(sim, 'GET', `${w.A}/conversations/meta`, { token: tok() })).status).toBe(200);
		expect((await call(sim, 'GET', `${w.A}/contacts/search?q=a`, { token: tok() })).status).toBe(200);
	});
});

describe('in-flight counters and capacity (Puma threads)', () => {
	it('counts requests in flight overall and per route shape, with their maxima', async () => {
		sim.setLatency(50);
		await Promise.all([
			call(sim, 'GET', `${w.A}/contacts`, { token: tok() }),
			call(sim, 'GET', `${w.A}/contacts`, { token: tok() }),
			call(sim, 'GET', `${w.A}/contacts`, { token: tok() }),
			call(sim, 'GET', '/api/v1/profile', { token: tok() }),
		]);
		await call(sim, 'GET', `${w.A}/contacts/1`, { token: tok() });
		const stats = sim.inflightStats();
		expect(stats.now).toBe(0);
		expect(stats.max).toBe(4);
		expect(stats.routes[`GET /api/v1/accounts/:id/contacts`]).toEqual({ max: 3, count: 3 });
		expect(stats.routes['GET /api/v1/profile']).toEqual({ max: 1, count: 1 });
		expect(stats.routes[`GET /api/v1/accounts/:id/contacts/:id`]).toEqual({ max: 1, count: 1 });
		sim.resetInflight();
		expect(sim.inflightStats().max).toBe(0);
	});

	it('a pool of N threads works on at most N requests at once; the rest queue and are all answered', async () => {
		sim.setCapacity({ threads: 2, serviceMs: 100 });
		let working = 0;
		let maxWorking = 0;
		const route = (sim as any).route.bind(sim);
		(sim as any).route = async (ctx: unknown) => {
			working++;
			maxWorking = Math.max(maxWorking, working);
			try {
				// the request's work takes a while (inside the thread's serviceMs): without the pool all 8 overlap here
				await new Promise((r) => setTimeout(r, 30));
				return await route(ctx);
			} finally {
				working--;
			}
		};
		try {
			const answers = await Promise.all(Array.from({ length: 8 }, () => call(sim, 'GET', '/api/v1/profile', { token: tok() })));
			expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
		} finally {
			delete (sim as any).route;
		}
		// more were waiting than there were threads, yet never more than two were worked on
		expect(sim.inflightStats().max).toBeGreaterThan(2);
		expect(maxWorking).toBeLessThanOrEqual(2);
		const res = await fetch(`${sim.url}/__sim/capacity`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(await res.json()).toEqual({ ok: true, threads: 0, serviceMs: 0 });
	});
});

describe('faults', () => {
	it("'before': the request is NOT handled; deterministic with a seed", async () => {
		sim.setFaults({ rate: 1, kinds: ['503'], methods: ['POST'], retryAfterSeconds: 2 });
		const r = await call(sim, 'POST', `${w.A}/contacts`, { token: tok(), body: { name: 'A', email: 'a@x.test' } });
		expect(r.status).toBe(503);
		expect(r.headers.get('retry-after')).toBe('2');
		expect(sim.db.contacts).toHaveLength(0);
		expect((await call(sim, 'GET', `${w.A}/contacts`, { token: tok() })).status).toBe(200); // GET not faulted
		expect(sim.faultCount).toBe(1);

		const run = async () => {
			sim.setFaults({ rate: 0.5, kinds: ['502', '504', '429'], seed: 7, pathPattern: '/profile' });
			const out: number[] = [];
			for (let i = 0; i < 12; i++) out.push((await call(sim, 'GET', '/api/v1/profile', { token: tok() })).status);
			return out;
		};
		const a = await run();
		const b = await run();
		expect(a).toEqual(b);
		expect(a.some((s) => s !== 200)).toBe(true);
		expect(a.some((s) => s === 200)).toBe(true);
	});

	it("'after': the POST lands but the client sees the fault (retries must not duplicate)", async () => {
		sim.setFaults({ rate: 1, kinds: ['502'], when: 'after', pathPattern: /\/contacts$/ });
		const r = await call(sim, 'POST', `${w.A}/contacts`, { token: tok(), body: { name: 'A', email: 'a@x.test' } });
		expect(r.status).toBe(502);
		expect(sim.db.contacts).toHaveLength(1);
		sim.setFaults(null);
		const retry = await call(sim, 'POST', `${w.A}/contacts`, { token: tok(), body: { name: 'A', email: 'a@x.test' } });
		expect(retry.status).toBe(422);
	});

	it("'reset' destroys the socket without a response; control API is never faulted", async () => {
		sim.setFaults({ rate: 1, kinds: ['reset'] });
		await expect(fetch(`${sim.url}/api/v1/profile`, { headers: { api_access_token: tok() } })).rejects.toThrow();
		const ctl = await fetch(`${sim.url}/__sim/stats`);
		expect(ctl.status).toBe(200);
		expect(await ctl.json()).toMatchObject({ faults: 1 });
		expect(sim.requests.at(-1)).toMatchObject({ status: null, fault: 'reset' });
	});
});

describe('latency, control API, reset', () => {
	it('latency knob is applied (no timing assertion) and reported', async () => {
		sim.setLatency(5);
		expect(sim.latencyMs).toBe(5);
		expect((await call(sim, 'GET', '/api/v1/profile', { token: tok() })).status).toBe(200);
		const res = await fetch(`${sim.url}/__sim/latency`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ms":0}' });
		expect(await res.json()).toEqual({ ok: true, latencyMs: 0 });
	});

	it('seed via control API, state, requests, reset', async () => {
		const post = async (path: string, body: unknown) =>
			(await fetch(`${sim.url}/__sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
		await post('reset', {});
		const acc = await post('seed/account', { name: 'Ctl' });
		const user = await post('seed/user', { name: 'U', email: 'u@ctl.test', accountIds: [acc.id], accessToken: 'tok-ctl' });
		expect(user.access_token).toBe('tok-ctl');
		const inbox = await post('seed/inbox', { accountId: acc.id, name: 'In', channelType: 'api' });
		const contact = await post('seed/contact', { accountId: acc.id, name: 'C', email: 'c@ctl.test', inboxId: inbox.id });
		expect(contact.contact_inbox.source_id).toEqual(expect.any(String));
		const conv = await post('seed/conversation', { accountId: acc.id, inboxId: inbox.id, contactId: contact.id });
		await post('seed/message', { accountId: acc.id, conversationId: conv.display_id, content: 'hey' });
		const bad = await fetch(`${sim.url}/__sim/seed/unicorn`, { method: 'POST', body: '{}' });
		expect(bad.status).toBe(400);
		const r = await fetch(`${sim.url}/api/v1/accounts/${acc.id}/conversations/${conv.display_id}/messages`, { headers: { api_access_token: 'tok-ctl' } });
		expect((await r.json()).payload[0].content).toBe('hey');
		const state = await (await fetch(`${sim.url}/__sim/state`)).json();
		expect(state.messages).toHaveLength(1);
		const reqs = await (await fetch(`${sim.url}/__sim/requests`)).json();
		expect(reqs).toEqual([expect.objectContaining({ method: 'GET', status: 200, headers: expect.objectContaining({ api_access_token: '[redacted]' }) })]);
		await post('rate-limits', { perIpPerMinute: 1 });
		await post('faults', { rate: 1, kinds: ['500'] });
		sim.reset();
		expect(sim.db.accounts).toHaveLength(0);
		expect(sim.requests).toHaveLength(0);
		const again = sim.seed.account({ name: 'fresh' });
		expect(again.id).toBe(1);
		const u2 = sim.seed.user({ accountIds: [again.id] });
		expect((await call(sim, 'GET', '/api/v1/profile', { token: u2.access_token })).status).toBe(200);
		expect((await call(sim, 'GET', '/api/v1/profile', { token: u2.access_token })).status).toBe(200);
	});

	it('unknown route -> 404 with a simulator hint', async () => {
		const r = await call(sim, 'GET', `${w.A}/no_such_route/x`, { token: tok() });
		expect(r.status).toBe(404);
		expect(r.json.simulator).toContain('No route matches');
	});
});
