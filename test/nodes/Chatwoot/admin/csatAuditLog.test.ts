import { expectRequestsMatchSpec } from '../../../contract/spec';
import { calls, run, seedWorld, startWorld } from './setup';
import type { Sim, World } from './setup';

describe('csat and auditLog', () => {
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

	describe('csat', () => {
		beforeEach(() => {
			// 30 responses: more than one page of 25
			for (let i = 0; i < 30; i++) {
				sim.seed.csatSurveyResponse({
					accountId: world.accountId,
					conversationId: i % 2 ? world.conversation.display_id : world.widgetConversation.display_id,
					rating: (i % 5) + 1,
					feedbackMessage: `feedback ${i}`,
					assignedAgentId: i % 3 === 0 ? world.agent.id : null,
				});
			}
			sim.clearRequests();
		});

		it('returns all responses across pages, simplified', async () => {
			const out = await run(world, 'csat', { operation: 'getAll', returnAll: true, filters: {}, simplify: true });
			expect(out).toHaveLength(30);
			expect(calls(sim).map((r) => r.query.page)).toEqual(['1', '2']);
			expect(out[0].json).toEqual({
				id: sim.db.csatSurveyResponses[0].id,
				rating: 1,
				feedback_message: 'feedback 0',
				conversation_id: world.widgetConversation.display_id,
				contact: { id: world.contact.id, name: 'Carla', email: 'carla@example.test', phone_number: null },
				assigned_agent: { id: world.agent.id, name: 'Alan Agent', email: 'alan@acme.test' },
				created_at: expect.any(Number),
			});
			expectRequestsMatchSpec(sim.requests);
		});

		it('filters by rating, agent and inbox, stops at the limit', async () => {
			const out = await run(world, 'csat', {
				operation: 'getAll',
				returnAll: false,
				limit: 3,
				filters: { ratings: [1, 4], agentIds: [String(world.agent.id)], inboxId: world.widgetInbox.id },
				simplify: false,
			});
			expect(out.map((o) => o.json.rating)).toEqual([1, 4, 4].slice(0, out.length));
			for (const o of out) {
				expect([1, 4]).toContain(o.json.rating);
				expect((o.json.assigned_agent as any).id).toBe(world.agent.id);
				expect(o.json.conversation_id).toBe(world.widgetConversation.display_id);
				expect(o.json.contact).toHaveProperty('custom_attributes'); // raw record
			}
			expect(calls(sim)).toHaveLength(1);
			expect(calls(sim)[0].query).toMatchObject({ rating: ['1', '4'], user_ids: [String(world.agent.id)], inbox_id: String(world.widgetInbox.id) });
		});

		it('getMetrics adds the response rate', async () => {
			const out = await run(world, 'csat', { operation: 'getMetrics', filters: {} });
			expect(out[0].json).toEqual({ total_count: 30, ratings_count: { 1: 6, 2: 6, 3: 6, 4: 6, 5: 6 }, total_sent_messages_count: 30, response_rate: 100 });
		});

		it('needs both ends of a date range', async () => {
			await expect(run(world, 'csat', { operation: 'getAll', returnAll: true, filters: { since: '2026-11-01T00:00:00Z' } })).rejects.toThrow(/both "Since" and "Until"/);
			expect(calls(sim)).toHaveLength(0);
		});
	});

	describe('auditLog', () => {
		it('explains that a community edition has no audit logs', async () => {
			sim.setEdition('community');
			const error = await run(world, 'auditLog', { operation: 'getAll', returnAll: true }).catch((e) => e);
			expect(error.message).toBe('This Chatwoot has no audit logs');
			expect(error.description).toMatch(/Chatwoot Enterprise feature/);
		});

		it('returns every entry, newest first, across pages (enterprise)', async () => {
			sim.setEdition('enterprise');
			for (let i = 0; i < 27; i++) sim.seed.auditLog({ accountId: world.accountId, action: 'update', auditableId: i + 1, createdAt: Date.UTC(2026, 10, 1) + i * 1000 });
			const out = await run(world, 'auditLog', { operation: 'getAll', returnAll: true });
			expect(out).toHaveLength(27);
			expect(out[0].json.auditable_id).toBe(27);
			expect(calls(sim).map((r) => r.query.page)).toEqual(['1', '2']);
			expectRequestsMatchSpec(sim.requests);
			sim.clearRequests();
			expect(await run(world, 'auditLog', { operation: 'getAll', returnAll: false, limit: 5 })).toHaveLength(5);
			expect(calls(sim)).toHaveLength(1);
		});

		it('records the node\'s own automation changes (enterprise audits them)', async () => {
			sim.setEdition('enterprise');
			await run(world, 'macro', { operation: 'create', name: 'Audited', visibility: 'global', actions: { action: [{ actionName: 'resolve_conversation', params: '' }] } });
			const out = await run(world, 'auditLog', { operation: 'getAll', returnAll: true });
			expect(out[0].json).toMatchObject({ auditable_type: 'Macro', action: 'create', username: 'ada@acme.test' });
		});
	});
});
