import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, run, seedWorld, startWorld, stored } from './setup';
import type { Sim, World } from './setup';

describe('conversation: create', () => {
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

	it('creates by contact and inbox (linking the contact to a new inbox) with all additional fields', async () => {
		const out = await run(world, {
			operation: 'create',
			createBy: 'contact',
			contactId: rl(world.contact.id),
			inboxId: rl(world.otherInbox.id),
			additionalFields: {
				content: 'Hello Carla, about your invoice',
				status: 'pending',
				assigneeId: rl(world.agent.id),
				teamId: rl(world.team.id),
				customAttributes: '{"plan":"pro","seats":3}',
				additionalAttributes: { source: 'n8n' },
			},
			simplify: false,
		});
		expect(out).toHaveLength(1);
		const json = out[0].json;
		const row = stored(world, json.id as number);
		expect(row).toBeDefined();
		expect(row.inbox_id).toBe(world.otherInbox.id);
		expect(row.contact_id).toBe(world.contact.id);
		expect(row.status).toBe('pending');
		expect(row.assignee_id).toBe(world.agent.id);
		expect(row.team_id).toBe(world.team.id);
		expect(row.custom_attributes).toEqual({ plan: 'pro', seats: 3 });
		expect(row.additional_attributes).toMatchObject({ source: 'n8n' });
		// Chatwoot linked the contact to the second inbox.
		expect(sim.db.contactInboxes.filter((ci: any) => ci.contact_id === world.contact.id).map((ci: any) => ci.inbox_id).sort()).toEqual(
			[world.inbox.id, world.otherInbox.id].sort(),
		);
		const messages = sim.store.messagesOf(row).filter((m: any) => m.message_type !== 'activity');
		expect(messages.map((m: any) => m.content)).toEqual(['Hello Carla, about your invoice']);
		// Output: Chatwoot's record itself, id = display ID.
		expect(json.id).toBe(row.display_id);
		expect(json.inbox_id).toBe(world.otherInbox.id);
		expect((json.meta as any).sender.id).toBe(world.contact.id);
		expectRequestsMatchSpec(sim.requests);
	});

	it('creates by source ID into the inbox the source ID belongs to, simplified', async () => {
		const out = await run(world, { operation: 'create', createBy: 'sourceId', sourceId: 'carla-source', simplify: true });
		expect(out).toHaveLength(1);
		const row = stored(world, out[0].json.id as number);
		expect(row.inbox_id).toBe(world.inbox.id);
		expect(row.contact_id).toBe(world.contact.id);
		expect(row.status).toBe('open');
		expect(out[0].json).toMatchObject({ id: row.display_id, inbox_id: world.inbox.id, status: 'open', contact: { id: world.contact.id, name: 'Carla' } });
		expect(out[0].json.meta).toBeUndefined();
		expectRequestsMatchSpec(sim.requests);
	});

	it('snoozes the new conversation until the given time (Unix seconds via toggle_status)', async () => {
		const until = new Date(Date.now() + 2 * 3600_000);
		until.setMilliseconds(0);
		const out = await run(world, {
			operation: 'create',
			createBy: 'sourceId',
			sourceId: 'carla-source',
			additionalFields: { snoozedUntil: until.toISOString() },
			simplify: true,
		});
		const row = stored(world, out[0].json.id as number);
		expect(row.status).toBe('snoozed');
		expect(row.snoozed_until).toBe(until.getTime());
		expect(out[0].json.status).toBe('snoozed');
		const toggle = sim.requests.find((r: any) => r.method === 'POST' && /toggle_status$/.test(r.path));
		expect(toggle.body).toEqual({ status: 'snoozed', snoozed_until: Math.floor(until.getTime() / 1000) });
		expectRequestsMatchSpec(sim.requests);
	});

	it('creates one conversation per item, in item order', async () => {
		const out = await run(
			world,
			{ operation: 'create', createBy: 'sourceId', sourceId: '={{ $json.source }}', additionalFields: { content: '={{ $json.text }}' }, simplify: true },
			{ items: [1, 2, 3].map((n) => ({ json: { source: 'carla-source', text: `message ${n}` } })) },
		);
		expect(out.map((o) => o.json.id)).toEqual([1, 2, 3]);
		expect(out.map((o) => (o.json.last_message as any).content)).toEqual(['message 1', 'message 2', 'message 3']);
		expect(sim.db.conversations).toHaveLength(3);
	});

	it('names an unknown source ID in the error', async () => {
		await expect(run(world, { operation: 'create', createBy: 'sourceId', sourceId: 'nobody-here' })).rejects.toMatchObject({
			message: expect.stringContaining('No contact inbox with source ID "nobody-here"'),
			httpCode: '404',
		});
		expect(sim.db.conversations).toHaveLength(0);
	});

	it('names the contact and inbox when one of them does not exist', async () => {
		const [item] = await run(
			world,
			{ operation: 'create', createBy: 'contact', contactId: rl(world.contact.id), inboxId: rl(999) },
			{ continueOnFail: true },
		);
		expect(item.json.error).toMatch(/Contact \d+ or inbox 999 was not found/);
		expect(sim.db.conversations).toHaveLength(0);
	});

	it('does not create a second conversation when the answer to the first POST is lost (reconcile)', async () => {
		sim.setFaults({ rate: 1, kinds: ['502'], when: 'after', methods: ['POST'], pathPattern: '/conversations$' });
		try {
			const out = await run(world, {
				operation: 'create',
				createBy: 'contact',
				contactId: rl(world.contact.id),
				inboxId: rl(world.inbox.id),
				additionalFields: { content: 'only once please' },
				simplify: true,
			});
			expect(sim.db.conversations).toHaveLength(1);
			expect(out[0].json.id).toBe(sim.db.conversations[0].display_id);
			expect(sim.requests.filter((r: any) => r.method === 'POST' && /\/conversations$/.test(r.path))).toHaveLength(1);
		} finally {
			sim.setFaults(null);
		}
	});

	it('does not create a second conversation by source ID either (reconcile via the source_id filter)', async () => {
		sim.setFaults({ rate: 1, kinds: ['reset'], when: 'after', methods: ['POST'], pathPattern: '/conversations$' });
		try {
			const out = await run(world, {
				operation: 'create',
				createBy: 'sourceId',
				sourceId: 'carla-source',
				additionalFields: { content: 'only once by source' },
				simplify: true,
			});
			expect(sim.db.conversations).toHaveLength(1);
			expect(out[0].json.id).toBe(sim.db.conversations[0].display_id);
		} finally {
			sim.setFaults(null);
		}
		expectRequestsMatchSpec(sim.requests);
	});
});
