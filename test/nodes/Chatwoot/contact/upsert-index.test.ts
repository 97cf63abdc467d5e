import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ContactIndex, INDEX_THRESHOLD } from '../../../../nodes/Chatwoot/actions/contact/contactIndex';
import { checkContract, contactsOf, run, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

const mapped = {
	name: '={{ $json.name }}',
	email: '={{ $json.email }}',
	phoneNumber: '={{ $json.phone }}',
	identifier: '={{ $json.id }}',
};

const person = (i: number): INodeExecutionData => ({
	json: { id: `crm-${i}`, name: `Person ${i}`, email: `person${i}@example.com`, phone: `+1415555${String(i).padStart(4, '0')}` },
});

type Logged = { method: string; path: string; query: IDataObject };
const filterLookups = (sim: Simulator) => (sim.requests as Logged[]).filter((r) => r.path.endsWith('/contacts/filter')).length;
const listPages = (sim: Simulator) => (sim.requests as Logged[]).filter((r) => r.method === 'GET' && /\/contacts$/.test(r.path));

describe('contact.upsert with more than INDEX_THRESHOLD items (one contact index per run)', () => {
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

	it('reads the contacts once instead of one filter per item; half existing → updated, half new → created', async () => {
		const n = 120;
		for (let i = 0; i < n; i += 2) {
			const p = person(i).json as IDataObject;
			sim.seed.contact({ accountId: env.accountId, name: 'Old', identifier: String(p.id), email: String(p.email) });
		}
		// Anonymous visitors (no key) are not listed and cannot match.
		sim.seed.contact({ accountId: env.accountId, name: 'Visitor' });
		const items = Array.from({ length: n }, (_, i) => person(i));
		const out = await run(env, 'upsert', mapped, { items });
		expect(out.map((o) => o.upsert_action)).toEqual(items.map((_, i) => (i % 2 === 0 ? 'updated' : 'created')));
		expect(out.map((o) => o.identifier)).toEqual(items.map((item) => item.json.id));
		expect(filterLookups(sim)).toBe(0);
		// 60 contacts = 4 pages, plus page 1 read first to decide.
		expect(listPages(sim)).toHaveLength(5);
		expect(listPages(sim).every((r) => r.query.sort === 'created_at')).toBe(true);
		const stored = contactsOf(env).filter((c) => c.identifier);
		expect(stored).toHaveLength(n);
		expect(new Set(stored.map((c) => c.identifier)).size).toBe(n);
		expect(stored.every((c) => String(c.name).startsWith('Person '))).toBe(true);

		sim.clearRequests();
		const again = await run(env, 'upsert', mapped, { items });
		expect(again.map((o) => o.upsert_action)).toEqual(Array(n).fill('updated'));
		expect(filterLookups(sim)).toBe(0);
		expect(contactsOf(env).filter((c) => c.identifier)).toHaveLength(n);
	});

	it('keeps the index current within the run: repeated and re-keyed people stay one contact', async () => {
		const items: INodeExecutionData[] = Array.from({ length: INDEX_THRESHOLD }, (_, i) => person(i));
		// The same person again (email in other case), and later by a new email set via the identifier.
		items.push({ json: { id: 'crm-3', name: 'Three again', email: 'PERSON3@example.com' } });
		items.push({ json: { id: 'crm-4', name: 'Four moved', email: 'four@new.example.com' } });
		items.push({ json: { name: 'Four by new email', email: 'four@new.example.com' } });
		const out = await run(env, 'upsert', mapped, { items, continueOnFail: false });
		expect(out.slice(0, INDEX_THRESHOLD).every((o) => o.upsert_action === 'created')).toBe(true);
		expect(out.slice(INDEX_THRESHOLD).map((o) => o.upsert_action)).toEqual(['updated', 'updated', 'updated']);
		expect(out[INDEX_THRESHOLD].id).toBe(out[3].id);
		expect(out[INDEX_THRESHOLD + 2].id).toBe(out[4].id);
		expect(filterLookups(sim)).toBe(0);
		const stored = contactsOf(env);
		expect(stored).toHaveLength(INDEX_THRESHOLD);
		expect(stored.find((c) => c.identifier === 'crm-4')).toMatchObject({ name: 'Four by new email', email: 'four@new.example.com' });
		expect(stored.find((c) => c.identifier === 'crm-3')).toMatchObject({ name: 'Three again', email: 'person3@example.com' });
	});

	it('a create rejected with "already taken" (someone else was faster) looks up by filter and updates', async () => {
		const original = sim.X.createContact;
		let raced = false;
		sim.X.createContact = (accountId: number, params: IDataObject, options?: IDataObject) => {
			if (!raced && params.email === 'person7@example.com') {
				raced = true;
				original(accountId, { name: 'From Widget', email: 'person7@example.com' }, { fireEvent: false });
			}
			return original(accountId, params, options);
		};
		try {
			const items = Array.from({ length: 60 }, (_, i) => person(i));
			const out = await run(env, 'upsert', mapped, { items });
			expect(out[7]).toMatchObject({ upsert_action: 'updated', name: 'Person 7', identifier: 'crm-7' });
			expect(out.filter((o) => o.upsert_action === 'created')).toHaveLength(59);
		} finally {
			sim.X.createContact = original;
		}
		expect(filterLookups(sim)).toBeGreaterThanOrEqual(1);
		expect(contactsOf(env)).toHaveLength(60);
	});

	it('a contact deleted after the index was read (404 on update) is looked up again and created', async () => {
		const gone = sim.seed.contact({ accountId: env.accountId, name: 'Gone', identifier: 'crm-1' });
		const original = sim.X.createContact;
		sim.X.createContact = (accountId: number, params: IDataObject, options?: IDataObject) => {
			if (params.identifier === 'crm-0') sim.X.deleteContact(sim.find.contact(env.accountId, (c: IDataObject) => c.id === gone.id));
			return original(accountId, params, options);
		};
		try {
			const items = Array.from({ length: 60 }, (_, i) => person(i));
			const out = await run(env, 'upsert', { ...mapped, batching: { itemsInParallel: 1 } }, { items });
			expect(out.map((o) => o.upsert_action)).toEqual(Array(60).fill('created'));
		} finally {
			sim.X.createContact = original;
		}
		const stored = contactsOf(env);
		expect(stored).toHaveLength(60);
		expect(stored.some((c) => c.id === gone.id)).toBe(false);
	});

	it('uses per-item lookups when reading the account would take more requests than the batch', async () => {
		sim.seed.many.contacts(env.accountId, 15 * 60);
		const items = Array.from({ length: 55 }, (_, i) => person(i));
		const out = await run(env, 'upsert', mapped, { items });
		expect(out.every((o) => o.upsert_action === 'created')).toBe(true);
		expect(listPages(sim)).toHaveLength(1);
		expect(filterLookups(sim)).toBe(55);
	});

	it('ContactIndex matches identifier, then email (any case), then phone (formatting ignored)', () => {
		const index = new ContactIndex([
			{ id: 1, identifier: 'a', email: 'x@example.com', phone_number: '+14155550001' },
			{ id: 2, identifier: 'b', email: 'y@example.com', phone_number: null },
		]);
		expect(index.find({ identifier: 'b', email: 'x@example.com' })?.contact.id).toBe(2);
		expect(index.find({ identifier: 'B', email: 'X@Example.com' })).toMatchObject({ contact: { id: 1 }, matchedBy: 'email' });
		expect(index.find({ phone_number: '+1 (415) 555-0001' })).toMatchObject({ contact: { id: 1 }, matchedBy: 'phone_number' });
		index.put({ id: 1, identifier: 'a', email: 'new@example.com', phone_number: null });
		expect(index.find({ email: 'x@example.com' })).toBeUndefined();
		expect(index.find({ email: 'new@example.com' })?.contact.id).toBe(1);
		index.remove(2);
		expect(index.find({ identifier: 'b' })).toBeUndefined();
		expect(index.size).toBe(1);
	});
});
