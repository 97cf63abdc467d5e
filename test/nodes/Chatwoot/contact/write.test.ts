import type { IDataObject } from 'n8n-workflow';

import { checkContract, contactsOf, errorText, rl, run, runError, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

describe('contact writes: update, delete, merge', () => {
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

	const stored = (id: number) => sim.db.contacts.find((c: IDataObject) => c.id === id);

	describe('update', () => {
		it('changes only the fields set; custom and additional attributes merge into the existing ones', async () => {
			const contact = sim.seed.contact({
				accountId: env.accountId,
				name: 'Old Name',
				email: 'old@example.com',
				custom_attributes: { plan: 'free', region: 'eu' },
				additional_attributes: { city: 'Berlin', company_name: 'Old Co' },
			});
			const [out] = await run(env, 'update', {
				contactId: rl(contact.id),
				updateFields: {
					name: 'New Name',
					company: 'New Co',
					customAttributesUi: { attribute: [{ key: 'plan', value: 'pro' }] },
					customAttributesJson: { seats: 3 },
				},
			});
			expect(stored(contact.id)).toMatchObject({
				name: 'New Name',
				email: 'old@example.com',
				custom_attributes: { plan: 'pro', region: 'eu', seats: 3 },
				additional_attributes: { city: 'Berlin', company_name: 'New Co' },
			});
			expect(out).toMatchObject({ id: contact.id, name: 'New Name' });
			expect(sim.requests.at(-1).body).toEqual({
				name: 'New Name',
				custom_attributes: { seats: 3, plan: 'pro' },
				additional_attributes: { company_name: 'New Co' },
			});
		});

		it('can unblock (a false boolean is sent)', async () => {
			const contact = sim.seed.contact({ accountId: env.accountId, name: 'B', email: 'b@example.com', blocked: true });
			await run(env, 'update', { contactId: rl(contact.id), updateFields: { blocked: false } });
			expect(stored(contact.id).blocked).toBe(false);
		});

		it('names the field when the custom attributes JSON is malformed', async () => {
			const contact = sim.seed.contact({ accountId: env.accountId, name: 'B', email: 'b@example.com' });
			const error = await runError(env, 'update', { contactId: rl(contact.id), updateFields: { customAttributesJson: '[1,2' } });
			expect(errorText(error)).toMatch(/"Custom Attributes \(JSON\)"/);
			expect(sim.requests).toHaveLength(0);
		});

		it('names the contact and ID on 404, and refuses an empty update', async () => {
			const error = await runError(env, 'update', { contactId: rl(31337), updateFields: { name: 'X' } });
			expect(errorText(error)).toMatch(/[Cc]ontact 31337 was not found/);
			const empty = await runError(env, 'update', { contactId: rl(1), updateFields: {} });
			expect(errorText(empty)).toMatch(/no update field is set/);
		});
	});

	describe('delete', () => {
		it('deletes the contact with its conversations and outputs {deleted, id}', async () => {
			const contact = sim.seed.contact({ accountId: env.accountId, name: 'Gone', email: 'gone@example.com' });
			sim.seed.conversation({ accountId: env.accountId, inboxId: env.inboxId, contactId: contact.id });
			const [out] = await run(env, 'delete', { contactId: rl(contact.id) });
			expect(out).toEqual({ deleted: true, id: contact.id });
			expect(stored(contact.id)).toBeUndefined();
			expect(sim.db.conversations.filter((c: IDataObject) => c.contact_id === contact.id)).toHaveLength(0);
		});

		it('a delete whose answer is lost reports success, not 404', async () => {
			const contact = sim.seed.contact({ accountId: env.accountId, name: 'Gone', email: 'gone@example.com' });
			sim.setFaults({ rate: 1, kinds: ['502'], when: 'after', methods: ['DELETE'] });
			const [out] = await run(env, 'delete', { contactId: rl(contact.id) });
			sim.setFaults(null);
			expect(out).toEqual({ deleted: true, id: contact.id });
			expect(stored(contact.id)).toBeUndefined();
			expect(sim.requests.filter((r: IDataObject) => r.method === 'DELETE')).toHaveLength(1);
		});

		it('explains that Chatwoot does not delete a contact while it is online', async () => {
			const contact = sim.seed.contact({ accountId: env.accountId, name: 'online person', email: 'on@example.com' });
			contact.online = true;
			const error = await runError(env, 'delete', { contactId: rl(contact.id) });
			expect(errorText(error)).toMatch(new RegExp(`Contact ${contact.id} is online`));
			expect(errorText(error)).toMatch(/offline/);
			expect(stored(contact.id)).toBeDefined();
		});

		it('names the contact and ID on 404', async () => {
			const error = await runError(env, 'delete', { contactId: rl(5555) });
			expect(errorText(error)).toMatch(/[Cc]ontact 5555 was not found/);
		});
	});

	describe('merge', () => {
		it('moves the conversations to the base contact and deletes the mergee', async () => {
			const base = sim.seed.contact({ accountId: env.accountId, name: 'Base', email: 'base@example.com' });
			const mergee = sim.seed.contact({ accountId: env.accountId, name: 'Dup', phone_number: '+14155550199' });
			const conv = sim.seed.conversation({ accountId: env.accountId, inboxId: env.inboxId, contactId: mergee.id });
			const [out] = await run(env, 'merge', { contactId: rl(base.id), mergeeContactId: rl(mergee.id) });
			expect(out).toMatchObject({ id: base.id, email: 'base@example.com', phone_number: '+14155550199' });
			expect(stored(mergee.id)).toBeUndefined();
			expect(sim.db.conversations.find((c: IDataObject) => c.id === conv.id).contact_id).toBe(base.id);
			expect(contactsOf(env)).toHaveLength(1);
			expect(sim.requests.at(-1).body).toEqual({ base_contact_id: base.id, mergee_contact_id: mergee.id });
		});

		// fidelity review A10: Chatwoot's ContactMergeAction destroys the mergee's taggings; the node re-adds them
		it("carries the merged contact's labels over to the base contact (Chatwoot drops them)", async () => {
			const base = sim.seed.contact({ accountId: env.accountId, name: 'Base', email: 'base@example.com' });
			const mergee = sim.seed.contact({ accountId: env.accountId, name: 'Dup', phone_number: '+14155550198' });
			stored(base.id).labels = ['billing'];
			stored(mergee.id).labels = ['vip', 'Billing'];
			await run(env, 'merge', { contactId: rl(base.id), mergeeContactId: rl(mergee.id) });
			expect(stored(base.id).labels).toEqual(['billing', 'vip']);
		});

		it('a merge whose answer is lost is not repeated and outputs the base contact', async () => {
			const base = sim.seed.contact({ accountId: env.accountId, name: 'Base', email: 'base@example.com' });
			const mergee = sim.seed.contact({ accountId: env.accountId, name: 'Dup', identifier: 'dup-1' });
			sim.setFaults({ rate: 1, kinds: ['reset'], when: 'after', methods: ['POST'], pathPattern: 'contact_merge' });
			const [out] = await run(env, 'merge', { contactId: rl(base.id), mergeeContactId: rl(mergee.id) });
			sim.setFaults(null);
			expect(out).toMatchObject({ id: base.id, identifier: 'dup-1' });
			expect(stored(mergee.id)).toBeUndefined();
			expect(sim.requests.filter((r: IDataObject) => String(r.path).endsWith('/contact_merge'))).toHaveLength(1);
		});

		it('refuses to merge a contact into itself without calling Chatwoot', async () => {
			const base = sim.seed.contact({ accountId: env.accountId, name: 'Base', email: 'base@example.com' });
			const error = await runError(env, 'merge', { contactId: rl(base.id), mergeeContactId: rl(base.id) });
			expect(errorText(error)).toMatch(/into itself/);
			expect(sim.requests).toHaveLength(0);
			expect(stored(base.id)).toBeDefined();
		});

		it('names the contacts when one does not exist', async () => {
			const base = sim.seed.contact({ accountId: env.accountId, name: 'Base', email: 'base@example.com' });
			const error = await runError(env, 'merge', { contactId: rl(base.id), mergeeContactId: rl(8888) });
			expect(errorText(error)).toMatch(/8888/);
			expect(stored(base.id)).toBeDefined();
		});
	});
});
