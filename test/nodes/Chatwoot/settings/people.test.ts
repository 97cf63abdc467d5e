/* account, profile, agent, team: run through n8n against the simulator, asserting its state
 * and checking every request against Chatwoot's spec. */
import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, run, search, seedWorld, startWorld, TOKEN, writes } from './setup';
import type { Sim, World } from './setup';

describe('account, profile, agent, team', () => {
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

	it('account: gets it and updates name and auto-resolve settings', async () => {
		const got = await run(world, 'account', { operation: 'get' });
		expect(got[0].json).toMatchObject({ id: world.accountId, name: 'Acme' });
		const out = await run(world, 'account', { operation: 'update', updateFields: { name: 'Acme Inc', autoResolveAfter: 2880 } });
		const stored = sim.db.accounts.find((a) => a.id === world.accountId)!;
		expect(stored.name).toBe('Acme Inc');
		expect(stored.settings).toMatchObject({ auto_resolve_after: 2880 });
		expect(out[0].json).toMatchObject({ name: 'Acme Inc' });
		expect(writes(world)[0].body).toEqual({ name: 'Acme Inc', auto_resolve_after: 2880 });
		expectRequestsMatchSpec(sim.requests);
		await expect(run(world, 'account', { operation: 'update', updateFields: {} })).rejects.toThrow(/Nothing to update/);
	});

	it('profile: never outputs the access token, and sets availability through its own route', async () => {
		const got = await run(world, 'profile', { operation: 'get' });
		expect(got[0].json).toMatchObject({ id: world.admin.id, email: 'ada@acme.test' });
		expect(JSON.stringify(got)).not.toContain(TOKEN);
		const out = await run(world, 'profile', { operation: 'update', updateFields: { displayName: 'Ada', messageSignature: '-- Ada', availability: 'busy' } });
		const me = sim.db.users.find((u) => u.id === world.admin.id)!;
		expect(me).toMatchObject({ display_name: 'Ada', message_signature: '-- Ada', availability: 'busy' });
		expect(JSON.stringify(out)).not.toContain(TOKEN);
		const [put, availability] = writes(world);
		expect(put).toMatchObject({ method: 'PUT', path: '/api/v1/profile', body: { profile: { display_name: 'Ada', message_signature: '-- Ada' } } });
		expect(availability).toMatchObject({ method: 'POST', path: '/api/v1/profile/availability', body: { profile: { account_id: world.accountId, availability: 'busy' } } });
		expectRequestsMatchSpec(sim.requests);
	});

	describe('agent', () => {
		it('creates, gets, lists with filters, updates and deletes an agent', async () => {
			const created = await run(world, 'agent', { operation: 'create', name: 'Nia', email: 'nia@acme.test', role: 'administrator', additionalFields: { availability: 'busy' } });
			const nia = sim.db.users.find((u) => u.email === 'nia@acme.test')!;
			expect(nia.account_ids).toContain(world.accountId);
			expect(created[0].json).toMatchObject({ id: nia.id, role: 'administrator', availability_status: 'busy' });

			const one = await run(world, 'agent', { operation: 'get', agentId: rl(world.agent.id) });
			expect(one[0].json).toMatchObject({ id: world.agent.id, name: 'Alan Agent' });
			const admins = await run(world, 'agent', { operation: 'getAll', returnAll: true, filters: { role: 'administrator' } });
			expect(admins.map((o) => o.json.id)).toEqual([world.admin.id, nia.id]);
			expect(await run(world, 'agent', { operation: 'getAll', returnAll: false, limit: 2 })).toHaveLength(2);

			await run(world, 'agent', { operation: 'update', agentId: rl(nia.id), updateFields: { role: 'agent', autoOffline: false } });
			expect(sim.db.users.find((u) => u.id === nia.id)).toMatchObject({ auto_offline: false, roles: { [world.accountId]: 'agent' } });

			const gone = await run(world, 'agent', { operation: 'delete', agentId: rl(nia.id) });
			expect(gone[0].json).toEqual({ success: true, resource: 'agent', id: nia.id });
			expect(sim.db.users.find((u) => u.id === nia.id)?.account_ids ?? []).not.toContain(world.accountId);
			expectRequestsMatchSpec(sim.requests);
		});

		it('names an agent that is not in the account', async () => {
			await expect(run(world, 'agent', { operation: 'get', agentId: rl(999) })).rejects.toThrow(/Agent 999 was not found in Chatwoot account/);
		});

		it('reads the agent list once for several items', async () => {
			const items = [world.agent.id, world.otherAgent.id].map((id) => ({ json: { id } }));
			const out = await run(world, 'agent', { operation: 'get', agentId: rl('={{ $json.id }}') }, { items });
			expect(out.map((o) => o.json.id)).toEqual([world.agent.id, world.otherAgent.id]);
			expect(sim.requests.filter((r) => r.path.endsWith('/agents'))).toHaveLength(1);
		});
	});

	describe('team', () => {
		it('creates, gets, lists, updates and deletes a team', async () => {
			const created = await run(world, 'team', { operation: 'create', name: 'Billing', additionalFields: { description: 'Invoices', allowAutoAssign: false } });
			const team = sim.db.teams.find((t) => t.id === created[0].json.id)!;
			expect(team).toMatchObject({ name: 'billing', description: 'Invoices', allow_auto_assign: false });
			expect((await run(world, 'team', { operation: 'get', teamId: rl(team.id) }))[0].json).toMatchObject({ id: team.id, name: 'billing' });
			expect(await run(world, 'team', { operation: 'getAll', returnAll: true })).toHaveLength(1);
			await run(world, 'team', { operation: 'update', teamId: rl(team.id), updateFields: { description: 'Invoices and refunds' } });
			expect(team.description).toBe('Invoices and refunds');
			await run(world, 'team', { operation: 'delete', teamId: rl(team.id) });
			expect(sim.db.teams).toHaveLength(0);
			expectRequestsMatchSpec(sim.requests);
		});

		it('addAgents and removeAgents keep members someone else added (never the replacing PATCH)', async () => {
			const team = sim.seed.team({ accountId: world.accountId, name: 'support', memberIds: [world.admin.id] });
			sim.clearRequests();
			const added = await run(world, 'team', { operation: 'addAgents', teamId: rl(team.id), agentIds: [String(world.agent.id), String(world.admin.id)] });
			expect(sim.db.teams[0].member_ids.sort()).toEqual([world.admin.id, world.agent.id].sort());
			expect(added[0].json).toMatchObject({ team_id: team.id, added: [world.agent.id], removed: [] });
			// someone adds Grace in Chatwoot meanwhile
			sim.db.teams[0].member_ids.push(world.otherAgent.id);
			const removed = await run(world, 'team', { operation: 'removeAgents', teamId: rl(team.id), agentIds: [String(world.agent.id)] });
			expect(sim.db.teams[0].member_ids.sort()).toEqual([world.admin.id, world.otherAgent.id].sort());
			expect(removed[0].json).toMatchObject({ removed: [world.agent.id], added: [] });
			expect(sim.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
			const members = await run(world, 'team', { operation: 'getAgents', teamId: rl(team.id), returnAll: true });
			expect(members.map((m) => m.json.id).sort()).toEqual([world.admin.id, world.otherAgent.id].sort());
			expectRequestsMatchSpec(sim.requests);
		});

		it('several items adding to one team keep every agent', async () => {
			const team = sim.seed.team({ accountId: world.accountId, name: 'support' });
			const items = [world.agent.id, world.otherAgent.id].map((id) => ({ json: { id } }));
			const out = await run(world, 'team', { operation: 'addAgents', teamId: rl(team.id), agentIds: '={{ String($json.id) }}' }, { items });
			expect(sim.db.teams[0].member_ids.sort()).toEqual([world.agent.id, world.otherAgent.id].sort());
			expect(out.map((o) => o.json.added)).toEqual([[world.agent.id], [world.otherAgent.id]]);
		});

		it('explains an agent of another account and changes nothing', async () => {
			const team = sim.seed.team({ accountId: world.accountId, name: 'support' });
			const stranger = sim.seed.user({ name: 'Stranger', email: 'x@other.test', role: 'agent', accountIds: [] });
			await expect(run(world, 'team', { operation: 'addAgents', teamId: rl(team.id), agentIds: [String(stranger.id)] })).rejects.toThrow(
				/not a member of this Chatwoot account/,
			);
			expect(sim.db.teams[0].member_ids).toEqual([]);
		});

		it('offers teams in the list search', async () => {
			sim.seed.team({ accountId: world.accountId, name: 'support' });
			const found = (await search(world, 'searchTeams', 'sup')) as { results: Array<{ name: string }> };
			expect(found.results.map((r) => r.name)).toEqual(['support']);
		});
	});
});
