import type { IDataObject } from 'n8n-workflow';

import { checkContract, errorText, rl, run, runError, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

describe('contact reads: get, getAll, search, filter, getConversations', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
	});
	afterEach(() => checkContract(sim));

	const seedMany = (n: number, fn?: (i: number) => IDataObject) => sim.seed.many.contacts(env.accountId, n, fn);

	describe('get', () => {
		it('returns the contact record without envelope', async () => {
			const contact = sim.seed.contact({ accountId: env.accountId, name: 'Ann', email: 'ann@example.com', inboxId: env.inboxId });
			const [out] = await run(env, 'get', { contactId: rl(contact.id) });
			expect(out).toMatchObject({ id: contact.id, name: 'Ann', email: 'ann@example.com' });
			expect((out.contact_inboxes as IDataObject[])[0]).toMatchObject({ source_id: contact.contact_inbox.source_id });
		});

		it('names the contact and its ID when it does not exist', async () => {
			const error = await runError(env, 'get', { contactId: rl(424242) });
			expect(errorText(error)).toMatch(/[Cc]ontact 424242 was not found/);
		});

		it('with continueOnFail puts {error} on the failing item only', async () => {
			const a = sim.seed.contact({ accountId: env.accountId, name: 'A', email: 'a@example.com' });
			const b = sim.seed.contact({ accountId: env.accountId, name: 'B', email: 'b@example.com' });
			const out = await run(
				env,
				'get',
				{ contactId: rl('={{ $json.id }}') },
				{ continueOnFail: true, items: [{ json: { id: a.id } }, { json: { id: 99999 } }, { json: { id: b.id } }] },
			);
			expect(out.map((o) => o.id)).toEqual([a.id, undefined, b.id]);
			expect(Object.keys(out[1])).toEqual(['error']);
			expect(String(out[1].error)).toMatch(/[Cc]ontact 99999 was not found/);
		});
	});

	describe('getAll', () => {
		it('returns every contact across pages with Return All', async () => {
			seedMany(37);
			const out = await run(env, 'getAll', { returnAll: true });
			expect(out).toHaveLength(37);
			expect(new Set(out.map((c) => c.id)).size).toBe(37);
			expect(sim.requests.filter((r: IDataObject) => String(r.path).endsWith('/contacts'))).toHaveLength(3);
		});

		it('stops at the limit and sorts descending by email', async () => {
			seedMany(20);
			const out = await run(env, 'getAll', { returnAll: false, limit: 4, options: { sortBy: 'email', sortDirection: 'desc' } });
			const emails = sim.db.contacts.map((c: IDataObject) => c.email).sort().reverse().slice(0, 4);
			expect(out.map((c) => c.email)).toEqual(emails);
			expect(sim.requests[0].query).toMatchObject({ sort: '-email', page: '1' });
		});

		it('filters by label', async () => {
			seedMany(5);
			seedMany(3, () => ({ labels: ['vip'] }));
			const out = await run(env, 'getAll', { returnAll: true, options: { labels: ['vip'] } });
			expect(out).toHaveLength(3);
			for (const c of out) expect(sim.db.contacts.find((s: IDataObject) => s.id === c.id).labels).toContain('vip');
		});
	});

	describe('search', () => {
		it('finds by partial text and follows has_more across pages', async () => {
			seedMany(20, (i) => ({ name: i < 17 ? `Match ${i}` : `Other ${i}` }));
			const out = await run(env, 'search', { q: 'match', returnAll: true });
			expect(out).toHaveLength(17);
			expect(out.every((c) => String(c.name).startsWith('Match'))).toBe(true);
			expect(sim.requests.filter((r: IDataObject) => String(r.path).endsWith('/contacts/search'))).toHaveLength(2);
		});

		it('stops at the limit', async () => {
			seedMany(20, () => ({ name: 'Same Name' }));
			const out = await run(env, 'search', { q: 'same', returnAll: false, limit: 3 });
			expect(out).toHaveLength(3);
			expect(sim.requests).toHaveLength(1);
		});
	});

	describe('filter', () => {
		it('combines conditions with AND, the last query_operator null', async () => {
			sim.seed.customAttribute({ accountId: env.accountId, attributeKey: 'plan', attributeModel: 'contact_attribute' });
			seedMany(4, (i) => ({ additional_attributes: { city: i < 2 ? 'Berlin' : 'Paris' }, custom_attributes: { plan: i % 2 ? 'pro' : 'free' } }));
			const out = await run(env, 'filter', {
				conditions: {
					condition: [
						{ attribute: 'city', operator: 'equal_to', value: 'Berlin' },
						{ attribute: 'customAttribute', customAttributeKey: 'plan', operator: 'equal_to', value: 'pro' },
					],
				},
				combinator: 'and',
				returnAll: true,
			});
			const expected = sim.db.contacts.filter((c: IDataObject) => (c.additional_attributes as IDataObject).city === 'Berlin' && (c.custom_attributes as IDataObject).plan === 'pro');
			expect(expected).toHaveLength(1);
			expect(out.map((c) => c.id)).toEqual([expected[0].id]);
			expect(sim.requests[0].body).toEqual({
				payload: [
					{ attribute_key: 'city', filter_operator: 'equal_to', values: ['Berlin'], query_operator: 'AND' },
					{ attribute_key: 'plan', filter_operator: 'equal_to', values: ['pro'], query_operator: null },
				],
			});
		});

		it('combines with OR, supports is_present without a value and paginates with the same body', async () => {
			seedMany(20, (i) => ({ labels: i < 16 ? ['vip'] : [] }));
			sim.seed.contact({ accountId: env.accountId, name: 'Jane', email: 'jane@example.com' });
			const out = await run(env, 'filter', {
				conditions: {
					condition: [
						{ attribute: 'labels', operator: 'is_present' },
						{ attribute: 'name', operator: 'contains', value: 'jan' },
					],
				},
				combinator: 'or',
				returnAll: true,
			});
			expect(out).toHaveLength(17);
			const pages = sim.requests.filter((r: IDataObject) => String(r.path).endsWith('/contacts/filter'));
			expect(pages.map((r: IDataObject) => (r.query as IDataObject).page)).toEqual(['1', '2']);
			expect(pages[1].body).toEqual(pages[0].body);
			expect((pages[0].body as IDataObject).payload).toEqual([
				{ attribute_key: 'labels', filter_operator: 'is_present', values: [], query_operator: 'OR' },
				{ attribute_key: 'name', filter_operator: 'contains', values: ['jan'], query_operator: null },
			]);
		});

		// fidelity review A9: lib/filters/filter_keys.yml — operators per attribute, `company_name`, no `referer`
		it('sends Company as company_name and refuses operators Chatwoot rejects for the attribute, before calling Chatwoot', async () => {
			seedMany(2, (i) => ({ additional_attributes: { company_name: i ? 'Acme GmbH' : 'Other' } }));
			const out = await run(env, 'filter', {
				conditions: { condition: [{ attribute: 'company', operator: 'contains', value: 'acme' }] },
				returnAll: true,
			});
			expect(out).toHaveLength(1);
			expect((sim.requests[0].body as IDataObject).payload).toEqual([
				{ attribute_key: 'company_name', filter_operator: 'contains', values: ['acme'], query_operator: null },
			]);
			sim.clearRequests();
			let error = await runError(env, 'filter', {
				conditions: { condition: [{ attribute: 'identifier', operator: 'is_present' }] },
				returnAll: true,
			});
			expect(errorText(error)).toMatch(/does not allow "Is Present" for identifier/);
			expect(errorText(error)).toContain('Equal To, Not Equal To');
			error = await runError(env, 'filter', {
				conditions: { condition: [{ attribute: 'referer', operator: 'contains', value: 'x' }] },
				returnAll: true,
			});
			expect(errorText(error)).toMatch(/cannot filter contacts by referer/);
			expect(sim.requests).toHaveLength(0);
		});

		it('explains a condition without a value before calling Chatwoot', async () => {
			const error = await runError(env, 'filter', {
				conditions: { condition: [{ attribute: 'email', operator: 'equal_to', value: '' }] },
				returnAll: true,
			});
			expect(errorText(error)).toMatch(/Condition 1 \(email\) has no value/);
			expect(sim.requests).toHaveLength(0);
		});
	});

	describe('getConversations', () => {
		it('outputs one item per conversation, simplified by default', async () => {
			const contact = sim.seed.contact({ accountId: env.accountId, name: 'Talker', email: 't@example.com' });
			const c1 = sim.seed.conversation({ accountId: env.accountId, inboxId: env.inboxId, contactId: contact.id });
			const c2 = sim.seed.conversation({ accountId: env.accountId, inboxId: env.inboxId, contactId: contact.id, status: 'resolved' });
			sim.seed.conversation({ accountId: env.accountId, inboxId: env.inboxId });
			const out = await run(env, 'getConversations', { contactId: rl(contact.id) });
			expect(out.map((c) => c.id).sort()).toEqual([c1.display_id, c2.display_id].sort());
			expect(out[0]).toHaveProperty('contact');
			expect(out[0]).not.toHaveProperty('meta');
			const raw = await run(env, 'getConversations', { contactId: rl(contact.id), simplify: false });
			expect(raw).toHaveLength(2);
			expect(raw[0]).toHaveProperty('meta');
		});

		// fidelity review A8: Chatwoot's contact conversations endpoint stops at 20
		it('returns all conversations of a contact with more than 20 (Chatwoot lists only 20): pages the conversation filter', async () => {
			const contact = sim.seed.contact({ accountId: env.accountId, name: 'Busy', email: 'busy@example.com' });
			sim.seed.many.conversations(env.accountId, env.inboxId, 27, () => ({ contactId: contact.id }));
			sim.seed.conversation({ accountId: env.accountId, inboxId: env.inboxId });
			const out = await run(env, 'getConversations', { contactId: rl(contact.id) });
			expect(out).toHaveLength(27);
			expect(new Set(out.map((c) => c.id)).size).toBe(27);
			const filters = sim.requests.filter((r: IDataObject) => String(r.path).endsWith('/conversations/filter'));
			expect(filters.map((r: IDataObject) => (r.query as IDataObject).page)).toEqual(['1', '2']);
			expect((filters[0].body as IDataObject).payload).toEqual([
				{ attribute_key: 'contact_id', filter_operator: 'equal_to', values: [String(contact.id)], query_operator: null },
			]);
		});

		it('names the contact when it does not exist', async () => {
			const error = await runError(env, 'getConversations', { contactId: rl(777) });
			expect(errorText(error)).toMatch(/[Cc]ontact 777 was not found/);
		});
	});
});
