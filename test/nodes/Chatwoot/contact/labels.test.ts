import type { IDataObject } from 'n8n-workflow';

import { checkContract, errorText, rl, run, runError, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

describe('contact labels: addLabels, removeLabels, getLabels', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
		for (const title of ['alpha', 'beta', 'gamma', 'vip', 'churned']) sim.seed.label({ accountId: env.accountId, title });
	});
	afterEach(() => checkContract(sim));

	const labelsOf = (id: number): string[] => sim.db.contacts.find((c: IDataObject) => c.id === id).labels;
	const labelled = () =>
		sim.seed.contact({ accountId: env.accountId, name: 'L', email: 'l@example.com', labels: ['alpha', 'beta', 'gamma'] });

	it('adding to a set of 3 keeps the 3', async () => {
		const contact = labelled();
		const [out] = await run(env, 'addLabels', { contactId: rl(contact.id), labels: ['vip'] });
		expect(out).toEqual({ id: contact.id, labels: ['alpha', 'beta', 'gamma', 'vip'] });
		expect([...labelsOf(contact.id)].sort()).toEqual(['alpha', 'beta', 'gamma', 'vip']);
		const post = sim.requests.find((r: IDataObject) => r.method === 'POST');
		expect(post.body).toEqual({ labels: ['alpha', 'beta', 'gamma', 'vip'] });
	});

	it('items adding different labels to the same contact in one run all land', async () => {
		const contact = labelled();
		const out = await run(
			env,
			'addLabels',
			{ contactId: rl(contact.id), labels: '={{ $json.labels }}' },
			{ items: [{ json: { labels: ['vip'] } }, { json: { labels: ['churned'] } }, { json: { labels: 'vip, alpha' } }] },
		);
		expect(out).toHaveLength(3);
		expect([...labelsOf(contact.id)].sort()).toEqual(['alpha', 'beta', 'churned', 'gamma', 'vip']);
	});

	it('adding labels it already has writes nothing', async () => {
		const contact = labelled();
		const [out] = await run(env, 'addLabels', { contactId: rl(contact.id), labels: ['beta'] });
		expect(out.labels).toEqual(['alpha', 'beta', 'gamma']);
		expect(sim.requests.filter((r: IDataObject) => r.method === 'POST')).toHaveLength(0);
	});

	it('removing one keeps the rest', async () => {
		const contact = labelled();
		const [out] = await run(env, 'removeLabels', { contactId: rl(contact.id), labels: ['beta'] });
		expect(out).toEqual({ id: contact.id, labels: ['alpha', 'gamma'] });
		expect(labelsOf(contact.id)).toEqual(['alpha', 'gamma']);
	});

	it('getLabels outputs {id, labels}', async () => {
		const contact = labelled();
		const [out] = await run(env, 'getLabels', { contactId: rl(contact.id) });
		expect(out).toEqual({ id: contact.id, labels: ['alpha', 'beta', 'gamma'] });
	});

	it('names the contact and ID when it does not exist', async () => {
		for (const operation of ['addLabels', 'removeLabels', 'getLabels']) {
			const error = await runError(env, operation, { contactId: rl(9090), labels: ['vip'] });
			expect(errorText(error)).toMatch(/[Cc]ontact 9090 was not found/);
		}
	});

	it('with continueOnFail puts {error} on the failing item only', async () => {
		const contact = labelled();
		const out = await run(
			env,
			'addLabels',
			{ contactId: rl('={{ $json.id }}'), labels: ['vip'] },
			{ continueOnFail: true, items: [{ json: { id: 123456 } }, { json: { id: contact.id } }] },
		);
		expect(Object.keys(out[0])).toEqual(['error']);
		expect(out[1]).toEqual({ id: contact.id, labels: ['alpha', 'beta', 'gamma', 'vip'] });
	});
});
