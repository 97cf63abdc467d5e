/**
 * Parallelism and rate limits, observed from the server side: the simulator counts requests in
 * flight (overall and per route), so Items in Parallel / Pages in Parallel must reach their
 * setting and never exceed it, sequential operations must stay at one, and a 429 must pause every
 * item of the execution — for Retry-After when Chatwoot sends one, else until the next clock-minute
 * window (Chatwoot's real answer has no Retry-After).
 *
 * No assertion on durations: the simulator's latency only makes requests overlap, and the pause
 * checks compare the simulator's own arrival timestamps with lower bounds the code guarantees.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';
import { RequestLimiter } from '../../../nodes/shared/transport/limiter';
import { expectRequestsMatchSpec } from '../../contract/spec';
import { runNode } from '../../helpers/n8n-harness';
import { startSimulator } from '../../simulator';
import type { ChatwootSimulator } from '../../simulator';

let sim: ChatwootSimulator;
let accountId: number;
let token: string;
let inboxId: number;

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(async () => sim.close());
beforeEach(() => {
	sim.reset();
	sim.clock = { now: () => Date.now() };
	accountId = sim.seed.account({ name: 'Acme' }).id;
	token = sim.seed.user({ name: 'Admin', email: 'admin@acme.test', role: 'administrator', accountIds: [accountId] }).access_token;
	inboxId = sim.seed.inbox({ accountId, name: 'API', channelType: 'api' }).id;
});
afterEach(() => {
	const requests = sim.requests.filter((r) => !r.path.startsWith('/__sim'));
	if (requests.length) expectRequestsMatchSpec(sim.requests);
});

async function run(parameters: IDataObject, items: INodeExecutionData[] = [{ json: {} }], continueOnFail = false) {
	const [out] = await runNode(new Chatwoot(), {
		parameters,
		items,
		continueOnFail,
		credentials: [{ type: 'chatwootSuiteApi', data: { baseUrl: sim.url, accessToken: token, accountId }, credentialClass: new ChatwootSuiteApi() }],
	});
	return out;
}

const CONTACT = 'GET /api/v1/accounts/:id/contacts/:id';
const CONTACTS = 'GET /api/v1/accounts/:id/contacts';
const maxInFlight = (route: string) => sim.inflightStats().routes[route]?.max ?? 0;

function seedContacts(n: number) {
	return Array.from({ length: n }, (_, i) => sim.seed.contact({ accountId, name: `C${i}`, email: `c${i}@x.test` }));
}

const getContacts = (ids: number[], batching?: IDataObject) =>
	run(
		{ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, ...(batching ? { batching } : {}) },
		ids.map((id) => ({ json: { id } })),
	);

describe('Items in Parallel', () => {
	it.each([
		[1, 1],
		[7, 7],
		[undefined, 10],
	])('Items in Parallel %s keeps exactly %i requests in flight, never more', async (setting, expected) => {
		const ids = seedContacts(30).map((c) => c.id);
		sim.setLatency(100);
		const out = await getContacts(ids, setting === undefined ? undefined : { itemsInParallel: setting });
		expect(out.map((item) => item.json.id)).toEqual(ids);
		expect(maxInFlight(CONTACT)).toBe(expected);
		expect(sim.inflightStats().max).toBe(expected);
	});

	it('is capped at 50 whatever the user types', async () => {
		const ids = seedContacts(60).map((c) => c.id);
		sim.setLatency(150);
		await getContacts(ids, { itemsInParallel: 500 });
		expect(maxInFlight(CONTACT)).toBe(50);
	});

	it('message create stays one at a time (Chatwoot orders messages by arrival) even with Items in Parallel set', async () => {
		const contact = sim.seed.contact({ accountId, name: 'C', email: 'c@x.test', inboxId });
		const conversation = sim.seed.conversation({ accountId, inboxId, contactId: contact.id });
		sim.setLatency(50);
		await run(
			{
				resource: 'message',
				operation: 'create',
				conversationId: { __rl: true, mode: 'id', value: String(conversation.display_id) },
				content: '={{ $json.text }}',
				batching: { itemsInParallel: 10 },
			},
			Array.from({ length: 8 }, (_, i) => ({ json: { text: `m${i}` } })),
		);
		expect(sim.inflightStats().routes['POST /api/v1/accounts/:id/conversations/:id/messages']).toEqual({ max: 1, count: 8 });
	});

	it('message create runs different conversations in parallel, each conversation in input order', async () => {
		const conversations = Array.from({ length: 4 }, (_, i) => {
			const contact = sim.seed.contact({ accountId, name: `C${i}`, email: `m${i}@x.test`, inboxId });
			return sim.seed.conversation({ accountId, inboxId, contactId: contact.id });
		});
		sim.setLatency(50);
		const items = Array.from({ length: 24 }, (_, i) => ({ json: { conversation: conversations[i % 4].display_id, text: `m${i}` } }));
		await run(
			{
				resource: 'message',
				operation: 'create',
				conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' },
				content: '={{ $json.text }}',
				batching: { itemsInParallel: 3 },
			},
			items,
		);
		expect(sim.inflightStats().routes['POST /api/v1/accounts/:id/conversations/:id/messages']).toEqual({ max: 3, count: 24 });
		for (const conversation of conversations) {
			const expected = items.filter((item) => item.json.conversation === conversation.display_id).map((item) => item.json.text);
			const stored = sim.find.messages(accountId, Number(conversation.display_id)).filter((m) => /^m\d+$/.test(String(m.content)));
			expect(stored.map((m) => m.content)).toEqual(expected);
		}
	});

	it('conversation create stays one at a time (display ids follow creation order)', async () => {
		const contacts = Array.from({ length: 6 }, (_, i) => sim.seed.contact({ accountId, name: `C${i}`, email: `k${i}@x.test`, inboxId }));
		sim.setLatency(50);
		await run(
			{ resource: 'conversation', operation: 'create', inboxId: { __rl: true, mode: 'id', value: String(inboxId) }, contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, batching: { itemsInParallel: 10 } },
			contacts.map((c) => ({ json: { id: c.id } })),
		);
		const posts = sim.inflightStats().routes['POST /api/v1/accounts/:id/conversations'];
		expect(posts.count).toBe(6);
		expect(posts.max).toBe(1);
	});
});

describe('Pages in Parallel', () => {
	it.each([
		[1, 1],
		[4, 4],
		[undefined, 10],
	])('Return All with Pages in Parallel %s keeps exactly %i page requests in flight', async (setting, expected) => {
		seedContacts(15 * 14); // 14 pages: page 1, then 13 fetched in parallel
		sim.setLatency(100);
		const out = await run({ resource: 'contact', operation: 'getAll', returnAll: true, ...(setting === undefined ? {} : { batching: { pagesInParallel: setting } }) });
		expect(out).toHaveLength(15 * 14);
		expect(new Set(out.map((item) => item.json.id)).size).toBe(15 * 14);
		expect(maxInFlight(CONTACTS)).toBe(expected);
	});
});

describe('429: the whole execution pauses', () => {
	it('for a non-zero Retry-After: no item sends anything until it has passed', async () => {
		const ids = seedContacts(9).map((c) => c.id);
		sim.setLatency(300);
		sim.setFaults({ rate: 1, kinds: ['429'], retryAfterSeconds: 2, limit: 1, pathPattern: '/contacts/' });
		const out = await getContacts(ids, { itemsInParallel: 3 });
		expect(out.map((item) => item.json.id)).toEqual(ids);
		const log = sim.requests.filter((r) => r.path.includes('/contacts/'));
		const throttled = log.filter((r) => r.status === 429);
		expect(throttled).toHaveLength(1);
		// The first three were sent together; the 429 reached the node 300 ms after it arrived. From then on,
		// every item waits: nothing may arrive before the 429's arrival + latency + 2 s (checked with 500 ms slack).
		// Without a run-wide pause, items 4 and 5 would arrive right after the first answers (~300 ms).
		const later = log.slice(3);
		expect(later.length).toBe(7);
		for (const request of later) expect(request.at).toBeGreaterThanOrEqual(throttled[0].at + 300 + 2000 - 500);
	});

	it('for a Retry-After above the two-minute cap: a clear error, no retry', async () => {
		const [contact] = seedContacts(1);
		sim.setFaults({ rate: 1, kinds: ['429'], retryAfterSeconds: 121, limit: 1 });
		const out = await getContacts([contact.id], { itemsInParallel: 1 }).catch((error: Error) => error);
		expect(out).toBeInstanceOf(Error);
		expect((out as Error).message).toBe("Chatwoot's rate limit was hit and Chatwoot asked to wait 121 seconds, longer than this node waits");
		expect(sim.requests.filter((r) => !r.path.startsWith('/__sim'))).toHaveLength(1);
	});

	it("without Retry-After (Chatwoot's Rack::Attack): waits for the next clock minute of the server, one 429 only", async () => {
		// Rack::Attack allows 3 per minute; the simulator's clock (and its Date header) is set to 50 s into a minute
		// just before the run, which leaves the first three requests 10 s to land in that minute.
		const ids = seedContacts(5).map((c) => c.id);
		sim.setRateLimits({ perIpPerMinute: 3 });
		const start = Date.now();
		const offset = 60_000 * Math.ceil(start / 60_000) + 50_000 - start;
		sim.clock = { now: () => Date.now() + offset };
		const out = await getContacts(ids, { itemsInParallel: 1 });
		expect(out.map((item) => item.json.id)).toEqual(ids);
		const log = sim.requests.filter((r) => !r.path.startsWith('/__sim'));
		expect(log.map((r) => r.status)).toEqual([200, 200, 200, 429, 200, 200]);
		expect(new Set(log.slice(0, 4).map((r) => Math.floor(r.at / 60_000))).size).toBe(1);
		const minute = (at: number) => Math.floor(at / 60_000);
		// the retry went to the next window, not into the same minute (where it would have been throttled again)
		expect(minute(log[4].at)).toBe(minute(log[3].at) + 1);
	});
});

describe('contact search budget (100/min per account)', () => {
	it('every search request takes a slot in the contactSearch bucket', async () => {
		seedContacts(40);
		const acquire = jest.spyOn(RequestLimiter.prototype, 'acquire');
		let buckets: Array<string | undefined>;
		try {
			await run({ resource: 'contact', operation: 'search', q: 'x.test', returnAll: true }, [{ json: {} }, { json: {} }]);
			buckets = acquire.mock.calls.map(([bucket]) => bucket);
		} finally {
			acquire.mockRestore();
		}
		const searches = sim.requests.filter((r) => r.path.endsWith('/contacts/search'));
		expect(searches.length).toBe(2 * 3);
		expect(buckets).toEqual(searches.map(() => 'contactSearch'));
	});
});
