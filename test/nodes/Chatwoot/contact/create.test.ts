import type { IDataObject } from 'n8n-workflow';

import { checkContract, contactsOf, errorText, rl, run, runError, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

describe('contact.create', () => {
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

	it('creates a contact with attributes; custom attributes from the list and the JSON are combined', async () => {
		const [out] = await run(env, 'create', {
			name: 'Jane Doe',
			email: 'Jane@Example.com',
			phoneNumber: '+14155550100',
			identifier: 'crm-1',
			additionalFields: {
				blocked: true,
				company: 'Acme',
				city: 'Berlin',
				countryCode: 'DE',
				customAttributesJson: '{"seats": 5, "plan": "basic"}',
				customAttributesUi: { attribute: [{ key: 'plan', value: 'pro' }] },
				additionalAttributesJson: '{"social_profiles": {"github": "jane"}}',
			},
		});
		const stored = contactsOf(env);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({
			name: 'Jane Doe',
			email: 'jane@example.com',
			phone_number: '+14155550100',
			identifier: 'crm-1',
			blocked: true,
			custom_attributes: { seats: 5, plan: 'pro' },
			additional_attributes: { company_name: 'Acme', city: 'Berlin', country_code: 'DE', social_profiles: { github: 'jane' } },
		});
		expect(out).toMatchObject({ id: stored[0].id, email: 'jane@example.com', identifier: 'crm-1' });
		expect(out.payload).toBeUndefined();
		expect(out.contact_inbox).toBeUndefined();
	});

	it('creates the contact in an inbox and returns contact_inbox.source_id at the top level', async () => {
		const [out] = await run(env, 'create', {
			name: 'Widget User',
			email: 'w@example.com',
			additionalFields: { inboxId: rl(env.inboxId, 'list') },
		});
		const contactInbox = out.contact_inbox as IDataObject;
		expect(typeof contactInbox.source_id).toBe('string');
		expect(String(contactInbox.source_id)).not.toBe('');
		expect((contactInbox.inbox as IDataObject).id).toBe(env.inboxId);
		const stored = sim.db.contactInboxes.filter((ci: IDataObject) => ci.contact_id === out.id);
		expect(stored).toEqual([expect.objectContaining({ inbox_id: env.inboxId, source_id: contactInbox.source_id })]);
	});

	it('uses a given source ID and takes the inbox from a Chatwoot URL', async () => {
		const [out] = await run(env, 'create', {
			name: 'SMS User',
			phoneNumber: '+14155550111',
			additionalFields: {
				inboxId: rl(`https://app.chatwoot.com/app/accounts/${env.accountId}/settings/inboxes/${env.inboxId}`, 'url'),
				sourceId: 'session-42',
			},
		});
		expect(out.contact_inbox).toMatchObject({ source_id: 'session-42' });
		expect(sim.db.contactInboxes.find((ci: IDataObject) => ci.source_id === 'session-42')).toMatchObject({ contact_id: out.id });
	});

	it('does not create a duplicate when the answer to the create is lost (502 after it landed)', async () => {
		sim.setFaults({ rate: 1, kinds: ['502'], when: 'after', methods: ['POST'], pathPattern: '/contacts$' });
		const [out] = await run(env, 'create', { name: 'Once', email: 'once@example.com' });
		sim.setFaults(null);
		expect(contactsOf(env)).toHaveLength(1);
		expect(out).toMatchObject({ id: contactsOf(env)[0].id, email: 'once@example.com' });
		expect(sim.requests.filter((r: IDataObject) => r.method === 'POST' && String(r.path).endsWith('/contacts'))).toHaveLength(1);
	});

	it('never re-sends a key-less create whose answer was lost (nothing unique would stop a duplicate)', async () => {
		// Name-only contacts: Chatwoot has no unique key to reject a second POST with, so a naive retry duplicates.
		sim.setFaults({ rate: 0.5, kinds: ['502', 'reset'], when: 'either', methods: ['POST'], pathPattern: '/contacts$', seed: 11 });
		const names = Array.from({ length: 30 }, (_, i) => `Walk-in ${i}`);
		const out = await run(env, 'create', { name: '={{ $json.name }}' }, { continueOnFail: true, items: names.map((name) => ({ json: { name } })) });
		sim.setFaults(null);
		const posts = sim.requests.filter((r: IDataObject) => r.method === 'POST' && String(r.path).endsWith('/contacts'));
		const landed = posts.filter((r: IDataObject) => !r.fault || r.faultWhen === 'after');
		// the fault mix happened: some answers were lost after the create landed, some before it was handled
		expect(posts.filter((r: IDataObject) => r.faultWhen === 'after').length).toBeGreaterThan(3);
		expect(posts.filter((r: IDataObject) => r.faultWhen === 'before').length).toBeGreaterThan(3);
		for (const name of names) {
			expect({ name, posts: posts.filter((r: IDataObject) => (r.body as IDataObject).name === name).length }).toEqual({ name, posts: 1 });
			const stored = contactsOf(env).filter((c) => c.name === name);
			const item = out[names.indexOf(name)];
			// one POST per item: it either created the contact (and said so) or failed and may have landed once
			expect(stored.length).toBeLessThanOrEqual(1);
			if (!('error' in item)) expect(stored).toEqual([expect.objectContaining({ id: item.id })]);
		}
		expect(contactsOf(env)).toHaveLength(landed.length);
	});

	it('names the field when the custom attributes JSON is malformed, and sends nothing', async () => {
		const error = await runError(env, 'create', {
			name: 'Broken',
			additionalFields: { customAttributesJson: '{"plan": pro}' },
		});
		expect(errorText(error)).toMatch(/Custom Attributes \(JSON\)/);
		expect(contactsOf(env)).toHaveLength(0);
		expect(sim.requests).toHaveLength(0);
	});

	it('explains Chatwoot\'s duplicate error', async () => {
		sim.seed.contact({ accountId: env.accountId, name: 'Taken', email: 'taken@example.com' });
		const error = await runError(env, 'create', { name: 'Again', email: 'taken@example.com' });
		expect(errorText(error)).toMatch(/Email has already been taken/);
		expect(contactsOf(env)).toHaveLength(1);
	});

	it('refuses a contact without any name, email, phone or identifier', async () => {
		const error = await runError(env, 'create', {});
		expect(errorText(error)).toMatch(/at least a name, email, phone number or identifier/);
		expect(contactsOf(env)).toHaveLength(0);
	});

	it('with continueOnFail puts {error} on the failing item only', async () => {
		const out = await run(
			env,
			'create',
			{ name: '={{ $json.name }}', email: '={{ $json.email }}' },
			{
				continueOnFail: true,
				items: [
					{ json: { name: 'A', email: 'a@example.com' } },
					{ json: { name: 'B', email: 'not-an-email' } },
					{ json: { name: 'C', email: 'c@example.com' } },
				],
			},
		);
		expect(out).toHaveLength(3);
		expect(out[0]).toMatchObject({ email: 'a@example.com' });
		expect(out[0].error).toBeUndefined();
		expect(Object.keys(out[1])).toEqual(['error']);
		expect(String(out[1].error)).toMatch(/Email Invalid email/);
		expect(out[2]).toMatchObject({ email: 'c@example.com' });
		expect(contactsOf(env).map((c) => c.email).sort()).toEqual(['a@example.com', 'c@example.com']);
	});
});
