import { expectRequestsMatchSpec } from '../../../contract/spec';
import { calls, rl, run, search, seedWorld, startWorld } from './setup';
import type { Sim, World } from './setup';

describe('campaign', () => {
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

	const create = (extra: Record<string, unknown> = {}) =>
		run(world, 'campaign', {
			operation: 'create',
			title: 'Pricing help',
			inboxId: rl(world.widgetInbox.id),
			message: 'Questions about plans? Ask us.',
			additionalFields: extra,
		});

	it('creates a website campaign, always with trigger rules', async () => {
		const out = await create({ url: 'https://shop.example.com/pricing', timeOnPage: 15, senderId: String(world.agent.id) });
		const stored = sim.db.campaigns[0];
		expect(stored).toMatchObject({
			title: 'Pricing help',
			inbox_id: world.widgetInbox.id,
			sender_id: world.agent.id,
			trigger_rules: { url: 'https://shop.example.com/pricing', time_on_page: 15 },
			campaign_type: 'ongoing',
		});
		expect(out[0].json).toMatchObject({ id: stored.display_id, title: 'Pricing help', campaign_type: 'ongoing' });
		// without page rules the node still sends {}: Chatwoot fails with a 500 on a campaign without trigger_rules
		await create();
		expect(calls(sim, 'POST')[1].body).toMatchObject({ trigger_rules: {} });
		expect(sim.db.campaigns).toHaveLength(2);
		expectRequestsMatchSpec(sim.requests);
	});

	it("explains Chatwoot's rejection of an API inbox", async () => {
		await expect(
			run(world, 'campaign', { operation: 'create', title: 'x', inboxId: rl(world.apiInbox.id), message: 'y', additionalFields: {} }),
		).rejects.toThrow(/Unsupported Inbox type/);
	});

	it('update merges the page URL into the trigger rules (time on page stays)', async () => {
		await create({ url: 'https://shop.example.com/pricing', timeOnPage: 30 });
		const id = sim.db.campaigns[0].display_id;
		await run(world, 'campaign', { operation: 'update', campaignId: rl(id), updateFields: { url: 'https://shop.example.com/plans', enabled: false } });
		expect(sim.db.campaigns[0]).toMatchObject({ enabled: false, trigger_rules: { url: 'https://shop.example.com/plans', time_on_page: 30 } });
		expectRequestsMatchSpec(sim.requests);
	});

	it('lists simplified or raw, gets, searches and deletes; an unknown number is "not found"', async () => {
		await create();
		const id = sim.db.campaigns[0].display_id;
		const simple = await run(world, 'campaign', { operation: 'getAll', returnAll: true, simplify: true });
		expect(simple[0].json).toMatchObject({ id, title: 'Pricing help', inbox: { id: world.widgetInbox.id, name: 'Website', channel_type: 'Channel::WebWidget' }, sender: null });
		expect(simple[0].json.inbox).not.toHaveProperty('greeting_enabled');
		const raw = await run(world, 'campaign', { operation: 'get', campaignId: rl(id), simplify: false });
		expect(raw[0].json.inbox).toHaveProperty('greeting_enabled');
		expect((await search(world, 'searchCampaigns')).results).toEqual([{ name: 'Pricing help (Website)', value: String(id) }]);
		expect((await run(world, 'campaign', { operation: 'delete', campaignId: rl(id) }))[0].json).toEqual({ id, deleted: true });
		expect(sim.db.campaigns).toHaveLength(0);
		await expect(run(world, 'campaign', { operation: 'get', campaignId: rl(id) })).rejects.toThrow(`Campaign ${id} was not found`);
	});
});
