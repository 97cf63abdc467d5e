import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { checkContract, contactsOf, errorText, run, runError, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

const mapped = {
	name: '={{ $json.name }}',
	email: '={{ $json.email }}',
	phoneNumber: '={{ $json.phone }}',
	identifier: '={{ $json.id }}',
};

describe('contact.upsert', () => {
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

	it('three runs over the same 50 items leave exactly 50 contacts', async () => {
		const items: INodeExecutionData[] = Array.from({ length: 50 }, (_, i) => ({
			json: {
				id: `crm-${i}`,
				name: `Person ${i}`,
				email: `person${i}@example.com`,
				phone: `+1415555${String(i).padStart(4, '0')}`,
			},
		}));
		const first = await run(env, 'upsert', mapped, { items });
		expect(first.map((o) => o.upsert_action)).toEqual(Array(50).fill('created'));
		for (let round = 0; round < 2; round++) {
			const again = await run(env, 'upsert', { ...mapped, additionalFields: { city: `City ${round}` } }, { items });
			expect(again.map((o) => o.upsert_action)).toEqual(Array(50).fill('updated'));
		}
		const stored = contactsOf(env);
		expect(stored).toHaveLength(50);
		expect(new Set(stored.map((c) => c.identifier)).size).toBe(50);
		expect(stored.every((c) => (c.additional_attributes as IDataObject).city === 'City 1')).toBe(true);
	});

	it('two items with the same email in one run make one contact', async () => {
		const out = await run(
			env,
			'upsert',
			{ name: '={{ $json.name }}', email: '={{ $json.email }}' },
			{
				items: [
					{ json: { name: 'First', email: 'twin@example.com' } },
					{ json: { name: 'Second', email: 'TWIN@example.com' } },
				],
			},
		);
		expect(out.map((o) => o.upsert_action)).toEqual(['created', 'updated']);
		expect(out[0].id).toBe(out[1].id);
		const stored = contactsOf(env);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ name: 'Second', email: 'twin@example.com' });
	});

	it('finds by identifier first, then email, then phone (exact matches only)', async () => {
		const byPhone = sim.seed.contact({ accountId: env.accountId, name: 'Phone', phone_number: '+14155550001' });
		// A contact whose email merely contains the searched one must not be taken.
		sim.seed.contact({ accountId: env.accountId, name: 'Near', email: 'xann@example.com' });
		const byEmail = sim.seed.contact({ accountId: env.accountId, name: 'Email', email: 'ann@example.com' });
		const byId = sim.seed.contact({ accountId: env.accountId, name: 'Ident', identifier: 'ext-7' });

		const [a] = await run(env, 'upsert', { identifier: 'ext-7', email: 'someone@example.com' });
		expect(a).toMatchObject({ id: byId.id, upsert_action: 'updated', email: 'someone@example.com' });

		const [b] = await run(env, 'upsert', { email: 'ann@example.com', name: 'Ann' });
		expect(b).toMatchObject({ id: byEmail.id, upsert_action: 'updated', name: 'Ann' });

		const [c] = await run(env, 'upsert', { identifier: 'ext-8', phoneNumber: '+14155550001' });
		expect(c).toMatchObject({ id: byPhone.id, upsert_action: 'updated', identifier: 'ext-8' });

		const [d] = await run(env, 'upsert', { email: 'ann@example', name: 'New' });
		expect(d).toMatchObject({ upsert_action: 'created', email: 'ann@example' });
		expect(contactsOf(env)).toHaveLength(5);
		// Lookups go through the filter endpoint, never the rate-limited search.
		expect(sim.requests.some((r: IDataObject) => String(r.path).endsWith('/contacts/search'))).toBe(false);
	});

	it('updates instead of failing when someone else creates the person between lookup and create', async () => {
		const original = sim.X.createContact;
		let raced = false;
		sim.X.createContact = (accountId: number, params: IDataObject, options?: IDataObject) => {
			if (!raced) {
				raced = true;
				original(accountId, { name: 'From Widget', email: 'race@example.com' }, { fireEvent: false });
			}
			return original(accountId, params, options);
		};
		try {
			const [out] = await run(env, 'upsert', { email: 'race@example.com', name: 'From CRM' });
			expect(out).toMatchObject({ upsert_action: 'updated', name: 'From CRM', email: 'race@example.com' });
		} finally {
			sim.X.createContact = original;
		}
		const stored = contactsOf(env);
		expect(stored).toHaveLength(1);
		expect(stored[0].name).toBe('From CRM');
	});

	it('a create whose answer is lost is not repeated (reconciled by lookup)', async () => {
		sim.setFaults({ rate: 1, kinds: ['504'], when: 'after', methods: ['POST'], pathPattern: '/contacts$' });
		const [out] = await run(env, 'upsert', { identifier: 'lost-1', name: 'Lost' });
		sim.setFaults(null);
		expect(out).toMatchObject({ identifier: 'lost-1', upsert_action: 'created' });
		expect(contactsOf(env)).toHaveLength(1);
	});

	it('needs an identifier, email or phone number', async () => {
		const error = await runError(env, 'upsert', { name: 'Only a name' });
		expect(errorText(error)).toMatch(/identifier, email or phone number/);
		expect(sim.requests).toHaveLength(0);
	});

	it('with continueOnFail puts {error} on the failing item only', async () => {
		const out = await run(env, 'upsert', mapped, {
			continueOnFail: true,
			items: [
				{ json: { id: 'ok-1', name: 'One' } },
				{ json: { id: 'bad', name: 'Bad', phone: '0800 not e164' } },
				{ json: { id: 'ok-2', name: 'Two' } },
			],
		});
		expect(out.map((o) => o.upsert_action)).toEqual(['created', undefined, 'created']);
		expect(Object.keys(out[1])).toEqual(['error']);
		expect(contactsOf(env).map((c) => c.identifier).sort()).toEqual(['ok-1', 'ok-2']);
	});
});
