import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, run, seedConversation, seedWorld, startWorld, stored } from './setup';
import type { Sim, World } from './setup';

describe('conversation: status, priority, assignment, typing', () => {
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

	describe('setStatus', () => {
		it('resolves, reopens and marks pending; output is the flattened toggle answer', async () => {
			const conv = seedConversation(world);
			const [resolved] = await run(world, { operation: 'setStatus', conversationId: rl(conv.display_id), status: 'resolved' });
			expect(stored(world, conv.display_id).status).toBe('resolved');
			expect(resolved.json).toEqual({ id: conv.display_id, status: 'resolved', snoozed_until: null, success: true });

			await run(world, { operation: 'setStatus', conversationId: rl(conv.display_id), status: 'pending' });
			expect(stored(world, conv.display_id).status).toBe('pending');
			await run(world, { operation: 'setStatus', conversationId: rl(conv.display_id), status: 'open' });
			expect(stored(world, conv.display_id).status).toBe('open');
			expectRequestsMatchSpec(sim.requests);
		});

		it('snoozes until a date, sent as Unix seconds', async () => {
			const conv = seedConversation(world);
			const until = new Date(Date.now() + 86_400_000);
			until.setMilliseconds(0);
			const [out] = await run(world, {
				operation: 'setStatus',
				conversationId: rl(conv.display_id),
				status: 'snoozed',
				snoozedUntil: until.toISOString(),
			});
			const row = stored(world, conv.display_id);
			expect(row.status).toBe('snoozed');
			expect(row.snoozed_until).toBe(until.getTime());
			expect(out.json.status).toBe('snoozed');
			expect(out.json.snoozed_until).toBe(until.toISOString());
			const post = sim.requests.find((r: any) => /toggle_status$/.test(r.path));
			expect(post.body).toEqual({ status: 'snoozed', snoozed_until: Math.floor(until.getTime() / 1000) });
			expectRequestsMatchSpec(sim.requests);
		});

		it('snoozes until the next reply when no date is given', async () => {
			const conv = seedConversation(world);
			await run(world, { operation: 'setStatus', conversationId: rl(conv.display_id), status: 'snoozed' });
			expect(stored(world, conv.display_id)).toMatchObject({ status: 'snoozed', snoozed_until: null });
		});

		it('keeps item order for the same conversation and is retried on 502 (idempotent)', async () => {
			const conv = seedConversation(world);
			const items = ['resolved', 'open', 'pending', 'resolved'].map((status) => ({ json: { status } }));
			await run(world, { operation: 'setStatus', conversationId: rl(conv.display_id), status: '={{ $json.status }}' }, { items });
			expect(stored(world, conv.display_id).status).toBe('resolved');
			const sent = sim.requests.filter((r: any) => /toggle_status$/.test(r.path)).map((r: any) => r.body.status);
			expect(sent).toEqual(['resolved', 'open', 'pending', 'resolved']);

			// Seed 7: the first toggle_status answer is lost (502 after it landed), the repeat succeeds.
			sim.clearRequests();
			sim.setFaults({ rate: 0.5, seed: 7, kinds: ['502'], when: 'after', methods: ['POST'], pathPattern: 'toggle_status$' });
			try {
				const [out] = await run(world, { operation: 'setStatus', conversationId: rl(conv.display_id), status: 'open' });
				expect(out.json).toMatchObject({ id: conv.display_id, status: 'open' });
			} finally {
				sim.setFaults(null);
			}
			expect(stored(world, conv.display_id).status).toBe('open');
			expect(sim.requests.filter((r: any) => /toggle_status$/.test(r.path)).map((r: any) => r.status)).toEqual([502, 200]);
		});

		it('names the conversation on 404', async () => {
			await expect(run(world, { operation: 'setStatus', conversationId: rl(777), status: 'resolved' })).rejects.toMatchObject({
				httpCode: '404',
				message: expect.stringMatching(/Conversation 777 was not found/),
			});
		});
	});

	describe('setPriority', () => {
		it('sets and clears the priority; output {id, priority}', async () => {
			const conv = seedConversation(world);
			const [set] = await run(world, { operation: 'setPriority', conversationId: rl(conv.display_id), priority: 'urgent' });
			expect(stored(world, conv.display_id).priority).toBe('urgent');
			expect(set.json).toEqual({ id: conv.display_id, priority: 'urgent' });

			await run(world, { operation: 'setPriority', conversationId: rl(conv.display_id), priority: 'low' });
			expect(stored(world, conv.display_id).priority).toBe('low');

			const [cleared] = await run(world, { operation: 'setPriority', conversationId: rl(conv.display_id), priority: 'none' });
			expect(stored(world, conv.display_id).priority).toBeNull();
			expect(cleared.json).toEqual({ id: conv.display_id, priority: null });
			expectRequestsMatchSpec(sim.requests);
		});

		it('updates several conversations from several items', async () => {
			const convs = [seedConversation(world), seedConversation(world), seedConversation(world)];
			const priorities = ['high', 'medium', 'urgent'];
			await run(
				world,
				{ operation: 'setPriority', conversationId: rl('={{ $json.id }}'), priority: '={{ $json.p }}' },
				{ items: convs.map((c: any, i: number) => ({ json: { id: c.display_id, p: priorities[i] } })) },
			);
			expect(convs.map((c: any) => stored(world, c.display_id).priority)).toEqual(priorities);
		});
	});

	describe('assign', () => {
		it('assigns an agent, then removes the agent', async () => {
			const conv = seedConversation(world);
			const [out] = await run(world, { operation: 'assign', conversationId: rl(conv.display_id), assignTo: 'agent', assigneeId: rl(world.agent.id) });
			expect(stored(world, conv.display_id).assignee_id).toBe(world.agent.id);
			expect(out.json).toMatchObject({ id: conv.display_id, assignee_type: 'User', assignee: { id: world.agent.id, name: 'Alan Agent' } });

			const [none] = await run(world, { operation: 'assign', conversationId: rl(conv.display_id), assignTo: 'unassignAgent' });
			expect(stored(world, conv.display_id).assignee_id).toBeNull();
			expect(none.json).toEqual({ id: conv.display_id, assignee_type: null, assignee: null });
			expectRequestsMatchSpec(sim.requests);
		});

		it('hands the conversation to an agent bot', async () => {
			const conv = seedConversation(world, { assigneeId: world.agent.id });
			const [out] = await run(world, { operation: 'assign', conversationId: rl(conv.display_id), assignTo: 'agentBot', agentBotId: world.bot.id });
			const row = stored(world, conv.display_id);
			expect(row.assignee_agent_bot_id).toBe(world.bot.id);
			expect(row.assignee_id).toBeNull();
			expect(out.json).toMatchObject({ id: conv.display_id, assignee_type: 'AgentBot', assignee: { id: world.bot.id } });
			expectRequestsMatchSpec(sim.requests);
		});

		it('assigns a team, then removes the team', async () => {
			const conv = seedConversation(world);
			const [out] = await run(world, { operation: 'assign', conversationId: rl(conv.display_id), assignTo: 'team', teamId: rl(world.team.id) });
			expect(stored(world, conv.display_id).team_id).toBe(world.team.id);
			expect(out.json).toMatchObject({ id: conv.display_id, team: { id: world.team.id } });

			const [none] = await run(world, { operation: 'assign', conversationId: rl(conv.display_id), assignTo: 'unassignTeam' });
			expect(stored(world, conv.display_id).team_id).toBeNull();
			expect(none.json).toEqual({ id: conv.display_id, team: null });
			expectRequestsMatchSpec(sim.requests);
		});

		// fidelity review A12: Chatwoot answers null (200) and unassigns for an agent outside the account / unknown team
		it('refuses an agent outside the account and an unknown team before calling Chatwoot: nothing changes', async () => {
			const conv = seedConversation(world, { assigneeId: world.agent.id, teamId: world.team.id });
			const outsider = sim.seed.user({ name: 'Out', email: 'out@other.test', role: 'agent', accountIds: [sim.seed.account({ name: 'Elsewhere' }).id] });
			await expect(run(world, { operation: 'assign', conversationId: rl(conv.display_id), assignTo: 'agent', assigneeId: rl(outsider.id) })).rejects.toThrow(
				new RegExp(`Agent ${outsider.id} is not an agent of this account`),
			);
			await expect(run(world, { operation: 'assign', conversationId: rl(conv.display_id), assignTo: 'team', teamId: rl(98765) })).rejects.toThrow(
				/Team 98765 does not exist/,
			);
			expect(sim.requests.filter((r: any) => String(r.path).endsWith('/assignments'))).toHaveLength(0);
			expect(stored(world, conv.display_id)).toMatchObject({ assignee_id: world.agent.id, team_id: world.team.id });
		});

		it("reports Chatwoot's null answer for an unknown agent bot as an error (Chatwoot changes nothing)", async () => {
			const conv = seedConversation(world, { assigneeId: world.agent.id });
			await expect(run(world, { operation: 'assign', conversationId: rl(conv.display_id), assignTo: 'agentBot', agentBotId: 4242 })).rejects.toThrow(
				/did not assign conversation .* to agent bot 4242/,
			);
			expect(stored(world, conv.display_id).assignee_id).toBe(world.agent.id);
		});

		it('rejects an empty agent bot ID before calling Chatwoot', async () => {
			const conv = seedConversation(world);
			sim.clearRequests();
			await expect(run(world, { operation: 'assign', conversationId: rl(conv.display_id), assignTo: 'agentBot', agentBotId: 0 })).rejects.toThrow(
				/No agent bot ID/,
			);
			expect(sim.requests).toHaveLength(0);
		});
	});

	describe('toggleTyping', () => {
		it('turns typing on and off (public and private), which Chatwoot announces as typing events', async () => {
			const conv = seedConversation(world);
			sim.seed.webhook({ accountId: world.accountId, url: 'http://127.0.0.1:9/typing', subscriptions: ['conversation_typing_on', 'conversation_typing_off'] });
			const [on] = await run(world, { operation: 'toggleTyping', conversationId: rl(conv.display_id), typingStatus: 'on', options: { private: true } });
			expect(on.json).toEqual({ id: conv.display_id, typing_status: 'on', private: true });
			await run(world, { operation: 'toggleTyping', conversationId: rl(conv.display_id), typingStatus: 'off' });
			await sim.flushDeliveries();
			const events = sim.deliveries.map((d: any) => {
				const body = typeof d.body === 'string' ? JSON.parse(d.body) : d.body;
				return { event: d.event, conversation: body.conversation.id, isPrivate: body.is_private };
			});
			expect(events).toEqual([
				{ event: 'conversation_typing_on', conversation: conv.display_id, isPrivate: true },
				{ event: 'conversation_typing_off', conversation: conv.display_id, isPrivate: false },
			]);
			expectRequestsMatchSpec(sim.requests);
		});
	});
});
