/**
 * 1,000 contacts upserted through n8n-core against a Chatwoot that fails 20 % of all requests
 * (429, 502, 503, connection resets; the 5xx and resets half before and half AFTER Chatwoot
 * handled the request, so creates that landed must be reconciled, not repeated).
 * Then the same 1,000 again: every one found and updated. Finally the token audit.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { captureLogs, captured, errorDump, runContacts, startEnv, TOKEN } from './setup';
import type { Env } from './setup';

const N = 1000;
const FAULTS = { rate: 0.2, kinds: ['429', '502', '503', 'reset'], when: 'either', retryAfterSeconds: 0 };

const mapped = {
	operation: 'upsert',
	name: '={{ $json.name }}',
	email: '={{ $json.email }}',
	phoneNumber: '={{ $json.phone }}',
	identifier: '={{ $json.id }}',
	additionalFields: { city: '={{ $json.city }}' },
};

const items = (round: number): INodeExecutionData[] =>
	Array.from({ length: N }, (_, i) => ({
		json: {
			id: `rel-${i}`,
			name: `Person ${i}`,
			// Every third email in upper case: the match must be case-insensitive like Chatwoot's.
			email: i % 3 === 0 ? `PERSON${i}@EXAMPLE.COM` : `person${i}@example.com`,
			phone: `+1415${String(i).padStart(7, '0')}`,
			city: `City ${round}`,
		},
	}));

interface Logged {
	method: string;
	path: string;
	status: number | null;
	fault?: string;
	faultWhen?: string;
}

/** A transient failure the transport gave up on after its attempts (the only acceptable error). */
const TRANSIENT = /429|rate limit|502|503|too many requests|bad gateway|unavailable|socket hang up|ECONNRESET|connection/i;

describe('reliability: upsert of 1,000 contacts with 20 % injected faults', () => {
	let env: Env;
	let restoreLogs: () => void;
	const outputs: IDataObject[][] = [];
	const thrown: unknown[] = [];

	beforeAll(async () => {
		restoreLogs = captureLogs();
		env = await startEnv();
	});
	afterAll(async () => {
		restoreLogs();
		await env.sim.close();
	});

	const contacts = () => (env.sim.db.contacts as IDataObject[]).filter((c) => c.account_id === env.accountId);

	/** Every output item is either an upsert result for its own input or an {error} item. */
	function check(out: IDataObject[]) {
		expect(out).toHaveLength(N);
		const failed: number[] = [];
		out.forEach((o, i) => {
			if ('error' in o) {
				expect(Object.keys(o)).toEqual(['error']);
				expect(String(o.error)).toMatch(TRANSIENT);
				failed.push(i);
			} else {
				expect(o).toMatchObject({ identifier: `rel-${i}`, email: `person${i}@example.com` });
				expect(['created', 'updated']).toContain(o.upsert_action);
			}
		});
		return failed;
	}

	/**
	 * The simulator (like Chatwoot) answers a second create with the same email/phone/identifier with 422, so the
	 * stored records alone can't show a naive re-POST. The request log can: per identifier, at most one create
	 * that Chatwoot handled (answered, or faulted only after handling), and no create rejected as a duplicate.
	 */
	function expectOneCreatePerKey() {
		const creates = (env.sim.requests as Array<Logged & { body: IDataObject }>).filter((r) => r.method === 'POST' && /\/contacts$/.test(r.path));
		const handled = creates.filter((r) => !r.fault || r.faultWhen === 'after');
		expect(handled.filter((r) => r.status === 422)).toEqual([]);
		const perKey = new Map<unknown, number>();
		for (const r of handled) perKey.set(r.body.identifier, (perKey.get(r.body.identifier) ?? 0) + 1);
		expect([...perKey].filter(([, n]) => n > 1)).toEqual([]);
		return creates.length;
	}

	function expectNoDuplicates() {
		const stored = contacts();
		for (const key of ['identifier', 'email', 'phone_number']) {
			const values = stored.map((c) => c[key]).filter((v) => v);
			expect(new Set(values).size).toBe(values.length);
		}
		return stored;
	}

	it('first run: every item created exactly once (or an {error} item), no duplicates, landed POSTs reconciled', async () => {
		env.sim.setFaults({ ...FAULTS, seed: 1 });
		const out = await runContacts(env, mapped, { items: items(1), continueOnFail: true });
		env.sim.setFaults(null);
		outputs.push(out);
		const failed = check(out);
		// Bounded directly: a transient error survives five retries only rarely (20 % faults).
		expect(failed.length).toBeLessThan(N / 50);
		const requests = env.sim.requests as Logged[];
		const faults = requests.filter((r) => r.fault);
		// The fault mix really happened, including creates that landed before their answer was lost.
		expect(faults.length).toBeGreaterThan(200);
		for (const kind of FAULTS.kinds) expect(faults.some((r) => r.fault === kind)).toBe(true);
		const landedCreates = faults.filter((r) => r.method === 'POST' && /\/contacts$/.test(r.path) && r.faultWhen === 'after');
		expect(landedCreates.length).toBeGreaterThan(10);
		// Large batch: lookups come from the run's index, not one filter per item.
		expect(requests.filter((r) => r.path.endsWith('/contacts/filter')).length).toBeLessThan(N / 2);

		expect(expectOneCreatePerKey()).toBeGreaterThan(N / 2);
		const stored = expectNoDuplicates();
		const byIdentifier = new Map(stored.map((c) => [c.identifier, c]));
		out.forEach((o, i) => {
			if ('error' in o) return;
			expect(o.upsert_action).toBe('created');
			expect(byIdentifier.get(`rel-${i}`)).toMatchObject({ id: o.id, name: `Person ${i}` });
		});
		// Nothing lost: a missing contact belongs to an item that reported an error.
		const missing = Array.from({ length: N }, (_, i) => i).filter((i) => !byIdentifier.has(`rel-${i}`));
		expect(missing.every((i) => failed.includes(i))).toBe(true);
		expect(stored).toHaveLength(N - missing.length);
		console.info(`reliability run 1: ${faults.length} faults (${landedCreates.length} creates landed), ${failed.length} error items`);
	});

	it('second run over the same 1,000: all updated, still exactly 1,000 contacts', async () => {
		const before = new Map(contacts().map((c) => [c.identifier, c.id]));
		env.sim.clearRequests();
		env.sim.setFaults({ ...FAULTS, seed: 2 });
		const out = await runContacts(env, mapped, { items: items(2), continueOnFail: true });
		env.sim.setFaults(null);
		outputs.push(out);
		const failed = check(out);
		out.forEach((o, i) => {
			if ('error' in o) return;
			// Only an item whose first-run create never landed may be created now.
			expect(o.upsert_action).toBe(before.has(`rel-${i}`) ? 'updated' : 'created');
			if (before.has(`rel-${i}`)) expect(o.id).toBe(before.get(`rel-${i}`));
		});
		expectOneCreatePerKey();
		const stored = expectNoDuplicates();
		const missing = Array.from({ length: N }, (_, i) => `rel-${i}`).filter((id) => !stored.some((c) => c.identifier === id));
		expect(missing.filter((id) => !failed.includes(Number(id.slice(4))))).toEqual([]);
		expect(stored).toHaveLength(N);
		const updated = stored.filter((c) => (c.additional_attributes as IDataObject).city === 'City 2');
		expect(updated).toHaveLength(N - failed.length);
		console.info(`reliability run 2: ${(env.sim.requests as Logged[]).filter((r) => r.fault).length} faults, ${failed.length} error items`);
	});

	it('errors that are shown (retries exhausted) name the failure and never the token', async () => {
		// Always 429 (Retry-After: 0, so quick): continueOnFail turns each item into an {error} item.
		env.sim.setFaults({ rate: 1, kinds: ['429'], retryAfterSeconds: 0, seed: 3 });
		const few = items(3).slice(0, 3);
		const out = await runContacts(env, mapped, { items: few, continueOnFail: true });
		outputs.push(out);
		expect(out).toHaveLength(3);
		for (const o of out) {
			expect(Object.keys(o)).toEqual(['error']);
			expect(String(o.error)).toMatch(TRANSIENT);
		}
		// Always 502/reset, half after handling: without continueOnFail the run fails (after backing off).
		env.sim.setFaults({ rate: 1, kinds: ['502', 'reset'], when: 'either', seed: 4 });
		try {
			await runContacts(env, mapped, { items: few.slice(0, 1) });
			thrown.push(new Error('expected the run to fail'));
		} catch (error) {
			thrown.push(error);
		} finally {
			env.sim.setFaults(null);
		}
		expect(errorDump(thrown[0])).toMatch(TRANSIENT);
		// Authentication failure: the 401 error must not echo the token that was sent either.
		const revoked = `${TOKEN}-revoked`;
		try {
			await runContacts(env, { operation: 'getAll', returnAll: true }, { items: [{ json: {} }], accessToken: revoked });
			thrown.push(new Error('expected the run to fail'));
		} catch (error) {
			thrown.push(error);
		}
		expect(errorDump(thrown[1])).toMatch(/401|access token|credential/i);
		const withErrors = await runContacts(env, { operation: 'get', contactId: { __rl: true, mode: 'id', value: '1' } }, {
			items: [{ json: {} }],
			continueOnFail: true,
			accessToken: revoked,
		});
		outputs.push(withErrors);
		expect(Object.keys(withErrors[0])).toEqual(['error']);
	});

	it('token audit: the access token appears nowhere in outputs, errors or captured logs', () => {
		expect(outputs.length).toBe(4);
		const haystacks = {
			outputs: JSON.stringify(outputs),
			errors: thrown.map(errorDump).join('\n'),
			logs: captured.join('\n'),
		};
		expect(haystacks.outputs.length).toBeGreaterThan(100_000);
		expect(haystacks.errors.length).toBeGreaterThan(0);
		for (const [where, text] of Object.entries(haystacks)) {
			expect({ where, leaks: text.includes(TOKEN) }).toEqual({ where, leaks: false });
		}
		// The simulator received it on every request (so the audit is meaningful) but logged it redacted.
		const sent = (env.sim.requests as Array<{ headers: IDataObject }>).map((r) => r.headers.api_access_token);
		expect(sent.every((v) => v === '[redacted]')).toBe(true);
	});
});
