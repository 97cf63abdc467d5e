import type { IDataObject } from 'n8n-workflow';

import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, run, seedConversation, seedWorld, startWorld } from './setup';
import type { Sim, World } from './setup';

describe('conversation: get and getAll', () => {
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

	describe('get', () => {
		it('returns the raw record, or a simplified one', async () => {
			const conv = seedConversation(world, { labels: ['vip'], priority: 'high', custom_attributes: { plan: 'pro' }, assigneeId: world.agent.id, teamId: world.team.id });
			sim.seed.message({ accountId: world.accountId, conversationId: conv.display_id, content: 'Where is my parcel?' });

			const [raw] = await run(world, { operation: 'get', conversationId: rl(conv.display_id), simplify: false });
			expect(raw.json).toMatchObject({ id: conv.display_id, inbox_id: world.inbox.id, status: 'open', labels: ['vip'], priority: 'high' });
			expect((raw.json.meta as any).sender.id).toBe(world.contact.id);

			const [simple] = await run(world, {
				operation: 'get',
				conversationId: rl(`${sim.url}/app/accounts/${world.accountId}/conversations/${conv.display_id}`, 'url'),
				simplify: true,
			});
			expect(simple.json).toMatchObject({
				id: conv.display_id,
				status: 'open',
				priority: 'high',
				labels: ['vip'],
				custom_attributes: { plan: 'pro' },
				contact: { id: world.contact.id, name: 'Carla', email: 'carla@example.test' },
				assignee: { id: world.agent.id, name: 'Alan Agent' },
				team: { id: world.team.id, name: expect.stringMatching(/^billing$/i) },
				last_message: { content: 'Where is my parcel?', message_type: 'incoming' },
			});
			expect(simple.json.meta).toBeUndefined();
			expect(simple.json.messages).toBeUndefined();
			expectRequestsMatchSpec(sim.requests);
		});

		it('names the conversation and its ID when it does not exist (404)', async () => {
			const error = await run(world, { operation: 'get', conversationId: rl(4242) }).then(
				() => undefined,
				(e) => e,
			);
			expect(error).toBeDefined();
			expect(error.httpCode).toBe('404');
			expect(error.message).toMatch(/Conversation 4242 was not found/);

			const [item] = await run(world, { operation: 'get', conversationId: rl(4243) }, { continueOnFail: true });
			expect(item.json.error).toMatch(/Conversation 4243 was not found/);
		});
	});

	describe('getAll', () => {
		function seedMany(n: number, extra: IDataObject = {}) {
			const out = [];
			for (let i = 0; i < n; i++) out.push(seedConversation(world, extra));
			return out;
		}

		it('returns one item per conversation over several pages with Return All (65 conversations, 25 per page)', async () => {
			const seeded = seedMany(65);
			const out = await run(world, { operation: 'getAll', returnAll: true, status: 'open', simplify: true });
			expect(out).toHaveLength(65);
			expect(new Set(out.map((o) => o.json.id))).toEqual(new Set(seeded.map((c: any) => c.display_id)));
			const pages = sim.requests.filter((r: any) => r.method === 'GET' && /\/conversations$/.test(r.path)).map((r: any) => String(r.query.page));
			expect(pages).toEqual(['1', '2', '3']);
			expectRequestsMatchSpec(sim.requests);
		});

		it('returns exactly the limit (30 of 65)', async () => {
			seedMany(65);
			const out = await run(world, { operation: 'getAll', returnAll: false, limit: 30, status: 'open', simplify: false });
			expect(out).toHaveLength(30);
			expect(new Set(out.map((o) => o.json.id)).size).toBe(30);
			// Two pages suffice for 30.
			expect(sim.requests.filter((r: any) => r.method === 'GET' && /\/conversations$/.test(r.path))).toHaveLength(2);
		});

		it('stops at a page of exactly 25 followed by an empty page (50 conversations)', async () => {
			seedMany(50);
			const out = await run(world, { operation: 'getAll', returnAll: true, status: 'all', simplify: true });
			expect(out).toHaveLength(50);
		});

		it('filters by status (default open; all includes resolved)', async () => {
			seedMany(3);
			seedMany(2, { status: 'resolved' });
			const open = await run(world, { operation: 'getAll', returnAll: true, simplify: true });
			expect(open).toHaveLength(3);
			expect(open.every((o) => o.json.status === 'open')).toBe(true);
			const resolved = await run(world, { operation: 'getAll', returnAll: true, status: 'resolved', simplify: true });
			expect(resolved).toHaveLength(2);
			const all = await run(world, { operation: 'getAll', returnAll: true, status: 'all', simplify: true });
			expect(all).toHaveLength(5);
		});

		it('filters by assignee type, inbox, team, labels and search text, and sorts', async () => {
			const a = seedConversation(world, { assigneeId: world.admin.id, labels: ['vip'] });
			const b = seedConversation(world, { assigneeId: world.agent.id, teamId: world.team.id, labels: ['billing'] });
			const c = world.sim.seed.conversation({ accountId: world.accountId, inboxId: world.otherInbox.id, contactId: world.contact.id });
			sim.seed.message({ accountId: world.accountId, conversationId: c.display_id, content: 'My refund never arrived' });

			const ids = async (filters: Record<string, unknown>) =>
				(await run(world, { operation: 'getAll', returnAll: true, status: 'all', filters, simplify: true })).map((o) => o.json.id).sort();

			expect(await ids({ assigneeType: 'me' })).toEqual([a.display_id]);
			expect(await ids({ assigneeType: 'assigned' })).toEqual([a.display_id, b.display_id].sort());
			expect(await ids({ assigneeType: 'unassigned' })).toEqual([c.display_id]);
			expect(await ids({ inboxId: rl(world.otherInbox.id) })).toEqual([c.display_id]);
			expect(await ids({ teamId: rl(world.team.id) })).toEqual([b.display_id]);
			expect(await ids({ labels: ['vip'] })).toEqual([a.display_id]);
			expect(await ids({ q: 'refund' })).toEqual([c.display_id]);

			// Distinct creation times, newest first in DB order, so the sort is what orders them.
			[a, b, c].forEach((conv: any, i: number) => (conv.created_at = Date.now() - (3 - i) * 60_000));
			const sorted = await run(world, { operation: 'getAll', returnAll: true, status: 'all', filters: { sortBy: 'created_at_asc' }, simplify: true });
			expect(sorted.map((o) => o.json.id)).toEqual([a.display_id, b.display_id, c.display_id]);
			const q = sim.requests.filter((r: any) => r.method === 'GET' && /\/conversations$/.test(r.path)).map((r: any) => r.query);
			expect(q).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ assignee_type: 'me', status: 'all' }),
					expect.objectContaining({ inbox_id: String(world.otherInbox.id) }),
					expect.objectContaining({ team_id: String(world.team.id) }),
					expect.objectContaining({ q: 'refund' }),
					expect.objectContaining({ sort_by: 'created_at_asc' }),
				]),
			);
			expectRequestsMatchSpec(sim.requests);
		});

		it('runs once per input item', async () => {
			seedMany(2);
			const out = await run(world, { operation: 'getAll', returnAll: true, simplify: true }, { items: [{ json: {} }, { json: {} }] });
			expect(out).toHaveLength(4);
			expect(out.map((o) => (o.pairedItem as any).item)).toEqual([0, 0, 1, 1]);
		});
	});
});
