import { expectRequestsMatchSpec } from '../../../contract/spec';
import { memberIds, options, rl, run, seedWorld, startWorld } from '../message/setup';
import type { Sim, World } from '../message/setup';

describe('inbox', () => {
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

	describe('create', () => {
		it('creates an API-channel inbox with a callback URL and settings', async () => {
			const out = await run(world, 'inbox', {
				operation: 'create',
				name: 'Support bot',
				callbackUrl: 'https://n8n.example.com/webhook/abc',
				additionalFields: { hmacMandatory: true, greetingEnabled: true, greetingMessage: 'Hi there!', enableAutoAssignment: false, timezone: 'Europe/Berlin' },
			});
			expect(out).toHaveLength(1);
			const stored = sim.db.inboxes.find((i) => i.id === out[0].json.id)!;
			expect(stored).toMatchObject({
				name: 'Support bot',
				channel_type: 'Channel::Api',
				webhook_url: 'https://n8n.example.com/webhook/abc',
				hmac_mandatory: true,
				greeting_enabled: true,
				greeting_message: 'Hi there!',
				enable_auto_assignment: false,
			});
			expect(out[0].json).toMatchObject({ id: stored.id, name: 'Support bot', channel_type: 'Channel::Api', webhook_url: 'https://n8n.example.com/webhook/abc' });
			expect(out[0].json.inbox_identifier).toBeTruthy();
			expect(sim.requests.find((r) => r.method === 'POST')!.body).toEqual({
				name: 'Support bot',
				greeting_enabled: true,
				greeting_message: 'Hi there!',
				enable_auto_assignment: false,
				timezone: 'Europe/Berlin',
				channel: { type: 'api', webhook_url: 'https://n8n.example.com/webhook/abc', hmac_mandatory: true },
			});
			expectRequestsMatchSpec(sim.requests);
		});

		it('sends only name and channel type when nothing else is set', async () => {
			const out = await run(world, 'inbox', { operation: 'create', name: 'Plain' });
			expect(sim.db.inboxes.find((i) => i.id === out[0].json.id)).toMatchObject({ name: 'Plain', channel_type: 'Channel::Api', webhook_url: null });
			expect(sim.requests.find((r) => r.method === 'POST')!.body).toEqual({ name: 'Plain', channel: { type: 'api' } });
		});
	});

	describe('get, getAll, update', () => {
		it('gets one inbox and lists them with a limit', async () => {
			const one = await run(world, 'inbox', { operation: 'get', inboxId: rl(world.widgetInbox.id) });
			expect(one[0].json).toMatchObject({ id: world.widgetInbox.id, name: 'Website', channel_type: 'Channel::WebWidget' });
			const all = await run(world, 'inbox', { operation: 'getAll', returnAll: true });
			expect(all.map((o) => o.json.id)).toEqual(sim.db.inboxes.map((i) => i.id));
			const limited = await run(world, 'inbox', { operation: 'getAll', returnAll: false, limit: 1 });
			expect(limited).toHaveLength(1);
			expectRequestsMatchSpec(sim.requests);
		});

		it('names a missing inbox', async () => {
			await expect(run(world, 'inbox', { operation: 'get', inboxId: rl(777) })).rejects.toThrow(/Inbox 777 was not found/);
		});

		it('updates name, callback URL and settings', async () => {
			const out = await run(world, 'inbox', {
				operation: 'update',
				inboxId: rl(world.apiInbox.id),
				updateFields: { name: 'API (renamed)', callbackUrl: 'https://hooks.example.com/new', greetingEnabled: false, hmacMandatory: true },
			});
			const stored = sim.db.inboxes.find((i) => i.id === world.apiInbox.id)!;
			expect(stored).toMatchObject({ name: 'API (renamed)', webhook_url: 'https://hooks.example.com/new', hmac_mandatory: true, greeting_enabled: false });
			expect(out[0].json).toMatchObject({ id: world.apiInbox.id, name: 'API (renamed)', webhook_url: 'https://hooks.example.com/new' });
			expect(sim.requests.find((r) => r.method === 'PATCH')!.body).toEqual({
				name: 'API (renamed)',
				greeting_enabled: false,
				channel: { webhook_url: 'https://hooks.example.com/new', hmac_mandatory: true },
			});
			expectRequestsMatchSpec(sim.requests);
		});

		it('refuses an update without fields', async () => {
			await expect(run(world, 'inbox', { operation: 'update', inboxId: rl(world.apiInbox.id), updateFields: {} })).rejects.toThrow(/Nothing to update/);
			expect(sim.requests).toHaveLength(0);
		});
	});

	describe('agents', () => {
		it('offers the account agents in the picker', async () => {
			const list = (await options(world, 'getAgents')) as Array<{ name: string; value: string }>;
			expect(list.map((o) => [o.name, o.value])).toEqual([
				['Ada Admin', String(world.admin.id)],
				['Alan Agent', String(world.agent.id)],
				['Grace Agent', String(world.otherAgent.id)],
			]);
		});

		it('addAgents keeps the existing members', async () => {
			expect(memberIds(world, world.apiInbox.id)).toEqual([world.admin.id]);
			const out = await run(world, 'inbox', { operation: 'addAgents', inboxId: rl(world.apiInbox.id), agentIds: [String(world.agent.id)] });
			expect(memberIds(world, world.apiInbox.id)).toEqual([world.admin.id, world.agent.id].sort((a, b) => a - b));
			expect(out).toHaveLength(1);
			expect(out[0].json).toMatchObject({ inbox_id: world.apiInbox.id, added: [world.agent.id], removed: [] });
			expect((out[0].json.agent_ids as number[]).sort()).toEqual([world.admin.id, world.agent.id].sort());
			const patch = sim.requests.find((r) => r.method === 'PATCH')!;
			expect(patch.path).toBe(`/api/v1/accounts/${world.accountId}/inbox_members`);
			expect(patch.body.user_ids.sort()).toEqual([world.admin.id, world.agent.id].sort());
			expectRequestsMatchSpec(sim.requests);
		});

		it('addAgents from several items about the same inbox keeps every agent (no lost update)', async () => {
			const items = [world.agent.id, world.otherAgent.id].map((id) => ({ json: { agent: id } }));
			await run(world, 'inbox', { operation: 'addAgents', inboxId: rl(world.apiInbox.id), agentIds: '={{ String($json.agent) }}' }, { items });
			expect(memberIds(world, world.apiInbox.id)).toEqual([world.admin.id, world.agent.id, world.otherAgent.id].sort((a, b) => a - b));
		});

		it('accepts a comma-separated list of IDs and skips the write when nothing changes', async () => {
			await run(world, 'inbox', { operation: 'addAgents', inboxId: rl(world.apiInbox.id), agentIds: `=${world.admin.id}, ${world.agent.id}` });
			expect(memberIds(world, world.apiInbox.id)).toEqual([world.admin.id, world.agent.id].sort((a, b) => a - b));
			sim.clearRequests();
			const out = await run(world, 'inbox', { operation: 'addAgents', inboxId: rl(world.apiInbox.id), agentIds: [String(world.agent.id)] });
			expect(out[0].json).toMatchObject({ added: [], removed: [] });
			expect(sim.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
		});

		it('rejects agent IDs that are not numbers', async () => {
			await expect(run(world, 'inbox', { operation: 'addAgents', inboxId: rl(world.apiInbox.id), agentIds: '=bob' })).rejects.toThrow(
				/"bob" is not a valid agent ID/,
			);
			expect(sim.requests).toHaveLength(0);
		});

		it('removeAgents removes only the given agents, and the last one with DELETE', async () => {
			sim.seed.inboxMember({ inboxId: world.apiInbox.id, userId: world.agent.id });
			sim.seed.inboxMember({ inboxId: world.apiInbox.id, userId: world.otherAgent.id });
			const out = await run(world, 'inbox', { operation: 'removeAgents', inboxId: rl(world.apiInbox.id), agentIds: [String(world.agent.id)] });
			expect(memberIds(world, world.apiInbox.id)).toEqual([world.admin.id, world.otherAgent.id].sort((a, b) => a - b));
			expect(out[0].json).toMatchObject({ removed: [world.agent.id], added: [] });
			await run(world, 'inbox', {
				operation: 'removeAgents',
				inboxId: rl(world.apiInbox.id),
				agentIds: [String(world.admin.id), String(world.otherAgent.id)],
			});
			expect(memberIds(world, world.apiInbox.id)).toEqual([]);
			const del = sim.requests.find((r) => r.method === 'DELETE')!;
			expect(del.body).toMatchObject({ inbox_id: String(world.apiInbox.id) });
			expect(del.body.user_ids.sort()).toEqual([world.admin.id, world.otherAgent.id].sort());
			expectRequestsMatchSpec(sim.requests);
		});

		it('getAgents outputs one item per member', async () => {
			sim.seed.inboxMember({ inboxId: world.apiInbox.id, userId: world.otherAgent.id });
			const out = await run(world, 'inbox', { operation: 'getAgents', inboxId: rl(world.apiInbox.id) });
			expect(out.map((o) => o.json.id).sort()).toEqual([world.admin.id, world.otherAgent.id].sort());
			expect(out.find((o) => o.json.id === world.otherAgent.id)!.json).toMatchObject({ name: 'Grace Agent', email: 'grace@acme.test' });
			expectRequestsMatchSpec(sim.requests);
		});
	});
});

describe('inbox outputs leave credentials out unless asked (security review, finding 8)', () => {
	let sim: Sim;
	let world: World;
	beforeAll(async () => {
		sim = await startWorld();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		world = seedWorld(sim);
	});

	const apiInbox = () => sim.db.inboxes.find((i) => i.channel_type === 'Channel::Api')!;

	it('get and get many: no secret or hmac_token by default; Include Secrets returns them', async () => {
		const inbox = apiInbox();
		expect(String(inbox.secret).length).toBeGreaterThan(10);
		const plain = await run(world, 'inbox', { operation: 'get', inboxId: rl(inbox.id) });
		expect(plain[0].json).toMatchObject({ id: inbox.id, webhook_url: inbox.webhook_url ?? null, inbox_identifier: expect.any(String) });
		expect(plain[0].json).not.toHaveProperty('secret');
		expect(plain[0].json).not.toHaveProperty('hmac_token');
		const all = await run(world, 'inbox', { operation: 'getAll', returnAll: true });
		const text = JSON.stringify(all.map((o) => o.json));
		expect(text).not.toContain(String(inbox.secret));
		expect(text).not.toContain(String(inbox.hmac_token));

		const withSecrets = await run(world, 'inbox', { operation: 'get', inboxId: rl(inbox.id), options: { includeSecrets: true } });
		expect(withSecrets[0].json).toMatchObject({ secret: inbox.secret, hmac_token: inbox.hmac_token });
		const allWithSecrets = await run(world, 'inbox', { operation: 'getAll', returnAll: true, options: { includeSecrets: true } });
		expect(allWithSecrets.find((o) => o.json.id === inbox.id)!.json).toMatchObject({ secret: inbox.secret });
	});

	it('create and update: the new inbox is output without its secret and HMAC token', async () => {
		const created = await run(world, 'inbox', { operation: 'create', name: 'Fresh' });
		const stored = sim.db.inboxes.find((i) => i.id === created[0].json.id)!;
		expect(JSON.stringify(created[0].json)).not.toContain(String(stored.secret));
		expect(JSON.stringify(created[0].json)).not.toContain(String(stored.hmac_token));
		const updated = await run(world, 'inbox', { operation: 'update', inboxId: rl(stored.id), updateFields: { name: 'Renamed' } });
		expect(updated[0].json).toMatchObject({ name: 'Renamed' });
		expect(updated[0].json).not.toHaveProperty('secret');
		expect(updated[0].json).not.toHaveProperty('hmac_token');
	});
});
