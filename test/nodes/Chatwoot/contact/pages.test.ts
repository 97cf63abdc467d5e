import type { IDataObject } from 'n8n-workflow';

import { checkContract, run, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

describe('contact getAll / filter: Batching → Pages in Parallel', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
		sim.seed.many.contacts(env.accountId, 15 * 12 + 7, (i: number) => ({ email: `p${i}@example.com`, name: `P ${String(i).padStart(4, '0')}` }));
	});
	afterEach(() => checkContract(sim));

	const pagesRequested = () =>
		(sim.requests as Array<{ query: IDataObject }>).map((r) => Number(r.query.page)).sort((a, b) => a - b);

	it.each([1, 5, 20])('getAll returns every contact once, in order, with %i page(s) at a time', async (pages) => {
		const out = await run(env, 'getAll', { returnAll: true, options: { sortBy: 'name' }, batching: { pagesInParallel: pages } });
		expect(out).toHaveLength(187);
		expect(out.map((c) => c.name)).toEqual(Array.from({ length: 187 }, (_, i) => `P ${String(i).padStart(4, '0')}`));
		expect(pagesRequested()).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
	});

	it.each([1, 7])('filter returns every match once, in order, with %i page(s) at a time', async (pages) => {
		const out = await run(env, 'filter', {
			conditions: { condition: [{ attribute: 'email', operator: 'contains', value: '@example.com' }] },
			returnAll: true,
			batching: { pagesInParallel: pages },
		});
		expect(out).toHaveLength(187);
		expect(new Set(out.map((c) => c.id)).size).toBe(187);
		expect(pagesRequested()).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
	});
});
