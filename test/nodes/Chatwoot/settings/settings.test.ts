/* label, cannedResponse, customAttribute, webhook, contactNote: run through n8n against the
 * simulator, asserting its state and checking every request against Chatwoot's spec. */
import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, run, search, seedWorld, startWorld, writes } from './setup';
import type { Sim, World } from './setup';

describe('label, canned response, custom attribute, webhook, contact note', () => {
	let sim: Sim;
	let world: World;

	beforeAll(async () => {
		sim = await startWorld();
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(() => {
		world = seedWorld(sim);
	});

	it('label: create, get, list, update, delete; a duplicate title is explained', async () => {
		const created = await run(world, 'label', { operation: 'create', title: 'VIP', additionalFields: { color: '#ff0000', showOnSidebar: false } });
		const label = sim.db.labels[0];
		expect(label).toMatchObject({ title: 'vip', color: '#ff0000', show_on_sidebar: false });
		expect(created[0].json).toMatchObject({ id: label.id, title: 'vip' });
		expect((await run(world, 'label', { operation: 'get', labelId: rl(label.id) }))[0].json).toMatchObject({ title: 'vip' });
		expect(await run(world, 'label', { operation: 'getAll', returnAll: true })).toHaveLength(1);
		await run(world, 'label', { operation: 'update', labelId: rl(label.id), updateFields: { description: 'Paying customers' } });
		expect(label.description).toBe('Paying customers');
		await expect(run(world, 'label', { operation: 'create', title: 'vip' })).rejects.toThrow(/Title has already been taken/);
		await run(world, 'label', { operation: 'delete', labelId: rl(label.id) });
		expect(sim.db.labels).toHaveLength(0);
		expectRequestsMatchSpec(sim.requests);
	});

	it('label: list search finds labels by title', async () => {
		sim.seed.label({ accountId: world.accountId, title: 'billing' });
		sim.seed.label({ accountId: world.accountId, title: 'bug' });
		const found = (await search(world, 'searchLabels', 'bil')) as { results: Array<{ name: string }> };
		expect(found.results.map((r) => r.name)).toEqual(['billing']);
	});

	describe('canned response', () => {
		it('creates, searches (best match first), gets, updates and deletes', async () => {
			await run(world, 'cannedResponse', { operation: 'create', shortCode: 'hello', content: 'Hi! About your refund…' });
			await run(world, 'cannedResponse', { operation: 'create', shortCode: 'bye', content: 'Goodbye!' });
			await run(world, 'cannedResponse', { operation: 'create', shortCode: 'refund', content: 'Your refund is on its way.' });
			expect(sim.db.cannedResponses.map((c) => c.short_code)).toEqual(['hello', 'bye', 'refund']);
			// Chatwoot's order_by_search: short code starting with the term first, then content matches
			const found = await run(world, 'cannedResponse', { operation: 'search', query: 'refund', returnAll: true });
			expect(found.map((o) => o.json.short_code)).toEqual(['refund', 'hello']);
			const id = sim.db.cannedResponses[0].id;
			expect((await run(world, 'cannedResponse', { operation: 'get', cannedResponseId: rl(id) }))[0].json).toMatchObject({ short_code: 'hello' });
			await run(world, 'cannedResponse', { operation: 'update', cannedResponseId: rl(id), updateFields: { content: 'Hi {{contact.name}}!' } });
			expect(sim.db.cannedResponses[0].content).toBe('Hi {{contact.name}}!');
			await run(world, 'cannedResponse', { operation: 'delete', cannedResponseId: rl(id) });
			expect(sim.db.cannedResponses.map((c) => c.short_code)).toEqual(['bye', 'refund']);
			expect(await run(world, 'cannedResponse', { operation: 'getAll', returnAll: false, limit: 1 })).toHaveLength(1);
			expectRequestsMatchSpec(sim.requests);
		});

		it('explains a taken short code and a missing canned response', async () => {
			await run(world, 'cannedResponse', { operation: 'create', shortCode: 'refund', content: 'x' });
			await expect(run(world, 'cannedResponse', { operation: 'create', shortCode: 'refund', content: 'y' })).rejects.toThrow(/Short code has already been taken/);
			await expect(run(world, 'cannedResponse', { operation: 'get', cannedResponseId: rl(99) })).rejects.toThrow(/Canned response 99 was not found/);
			await expect(run(world, 'cannedResponse', { operation: 'search', query: ' ' })).rejects.toThrow(/search term is empty/);
		});
	});

	describe('custom attribute', () => {
		it('creates a list attribute for contacts, lists per model, updates, deletes', async () => {
			const out = await run(world, 'customAttribute', {
				operation: 'create',
				model: 'contact_attribute',
				displayName: 'Plan',
				key: 'plan',
				displayType: 'list',
				additionalFields: { values: 'free, pro, enterprise', description: 'Billing plan' },
			});
			const def = sim.db.customAttributeDefinitions[0];
			expect(def).toMatchObject({ attribute_key: 'plan', attribute_model: 'contact_attribute', attribute_display_type: 'list', attribute_values: ['free', 'pro', 'enterprise'] });
			expect(out[0].json).toMatchObject({ id: def.id, attribute_key: 'plan' });
			expect(writes(world)[0].body).toEqual({
				custom_attribute_definition: {
					attribute_display_name: 'Plan',
					attribute_key: 'plan',
					attribute_model: 'contact_attribute',
					attribute_display_type: 'list',
					attribute_description: 'Billing plan',
					attribute_values: ['free', 'pro', 'enterprise'],
				},
			});
			expect(await run(world, 'customAttribute', { operation: 'getAll', model: 'conversation_attribute', returnAll: true })).toHaveLength(0);
			expect(await run(world, 'customAttribute', { operation: 'getAll', model: 'contact_attribute', returnAll: true })).toHaveLength(1);
			await run(world, 'customAttribute', { operation: 'update', customAttributeId: rl(def.id), updateFields: { displayName: 'Plan tier' } });
			expect(def.attribute_display_name).toBe('Plan tier');
			expect((await run(world, 'customAttribute', { operation: 'get', customAttributeId: rl(def.id) }))[0].json).toMatchObject({ attribute_display_name: 'Plan tier' });
			await run(world, 'customAttribute', { operation: 'delete', customAttributeId: rl(def.id) });
			expect(sim.db.customAttributeDefinitions).toHaveLength(0);
			expectRequestsMatchSpec(sim.requests);
		});

		it('explains a key that clashes with a built-in field', async () => {
			await expect(
				run(world, 'customAttribute', { operation: 'create', model: 'contact_attribute', displayName: 'E-mail', key: 'email', displayType: 'text' }),
			).rejects.toThrow(/conflict with default attributes/);
			expect(sim.db.customAttributeDefinitions).toHaveLength(0);
		});
	});

	describe('webhook', () => {
		it('creates, lists, gets, updates and deletes, leaving the secret out unless asked', async () => {
			const out = await run(world, 'webhook', {
				operation: 'create',
				url: 'https://hooks.example.com/cw',
				subscriptions: ['message_created', 'contact_created'],
				additionalFields: { name: 'CRM sync' },
			});
			const hook = sim.db.webhooks[0];
			expect(hook).toMatchObject({ url: 'https://hooks.example.com/cw', subscriptions: ['message_created', 'contact_created'], name: 'CRM sync' });
			expect(out[0].json).toMatchObject({ id: hook.id, url: hook.url });
			expect(out[0].json.secret).toBeUndefined();
			const listed = await run(world, 'webhook', { operation: 'getAll', returnAll: true, includeSecret: true });
			expect(listed[0].json.secret).toBe(hook.secret);
			const got = await run(world, 'webhook', { operation: 'get', webhookId: rl(hook.id) });
			expect(got[0].json).toMatchObject({ id: hook.id });
			expect(got[0].json.secret).toBeUndefined();
			await run(world, 'webhook', { operation: 'update', webhookId: rl(hook.id), updateFields: { subscriptions: ['conversation_created'] } });
			expect(hook.subscriptions).toEqual(['conversation_created']);
			await run(world, 'webhook', { operation: 'delete', webhookId: rl(hook.id) });
			expect(sim.db.webhooks).toHaveLength(0);
			expectRequestsMatchSpec(sim.requests);
		});

		it('refuses a webhook without events before sending anything', async () => {
			await expect(run(world, 'webhook', { operation: 'create', url: 'https://x.example.com', subscriptions: [] })).rejects.toThrow(/No events chosen/);
			expect(sim.requests).toHaveLength(0);
		});
	});

	describe('contact note', () => {
		it('creates, lists newest first, gets, updates and deletes notes of a contact', async () => {
			const contact = rl(world.contact.id);
			await run(world, 'contactNote', { operation: 'create', contactId: contact, content: 'Called about the invoice' });
			sim.clock.now = () => Date.now() + 1000;
			await run(world, 'contactNote', { operation: 'create', contactId: contact, content: 'Renewed for a year' });
			expect(sim.db.notes.map((n) => [n.contact_id, n.user_id, n.content])).toEqual([
				[world.contact.id, world.admin.id, 'Called about the invoice'],
				[world.contact.id, world.admin.id, 'Renewed for a year'],
			]);
			const listed = await run(world, 'contactNote', { operation: 'getAll', contactId: contact, returnAll: true });
			expect(listed.map((o) => o.json.content)).toEqual(['Renewed for a year', 'Called about the invoice']);
			const first = sim.db.notes[0];
			const picked = (await search(world, 'searchContactNotes', 'invoice', { contactId: contact })) as { results: Array<{ value: string }> };
			expect(picked.results.map((r) => r.value)).toEqual([String(first.id)]);
			await run(world, 'contactNote', { operation: 'update', contactId: contact, noteId: rl(first.id), content: 'Called: invoice resent' });
			expect(first.content).toBe('Called: invoice resent');
			expect((await run(world, 'contactNote', { operation: 'get', contactId: contact, noteId: rl(first.id) }))[0].json).toMatchObject({
				content: 'Called: invoice resent',
				user: { id: world.admin.id },
			});
			await run(world, 'contactNote', { operation: 'delete', contactId: contact, noteId: rl(first.id) });
			expect(sim.db.notes.map((n) => n.content)).toEqual(['Renewed for a year']);
			expectRequestsMatchSpec(sim.requests);
			sim.clock.now = () => Date.now();
		});

		it('refuses an empty note, and names a note of another contact as missing', async () => {
			await expect(run(world, 'contactNote', { operation: 'create', contactId: rl(world.contact.id), content: '  ' })).rejects.toThrow(/note is empty/);
			const other = sim.seed.contact({ accountId: world.accountId, name: 'Other', email: 'o@example.test' });
			await run(world, 'contactNote', { operation: 'create', contactId: rl(other.id), content: 'x' });
			await expect(run(world, 'contactNote', { operation: 'get', contactId: rl(world.contact.id), noteId: rl(sim.db.notes[0].id) })).rejects.toThrow(
				/Note \d+ was not found/,
			);
		});
	});
});
