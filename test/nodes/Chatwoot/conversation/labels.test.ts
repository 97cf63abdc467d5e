import { ChatwootSuiteApi } from '../../../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../../../nodes/Chatwoot/Chatwoot.node';
import { expectRequestsMatchSpec } from '../../../contract/spec';
import { runNode } from '../../../helpers/n8n-harness';
import { rl, run, seedConversation, seedWorld, startWorld, stored } from './setup';
import type { Sim, World } from './setup';

describe('conversation: labels', () => {
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

	it('addLabels keeps the 3 existing labels and adds the new one', async () => {
		const conv = seedConversation(world, { labels: ['vip', 'billing', 'refund'] });
		const [out] = await run(world, { operation: 'addLabels', conversationId: rl(conv.display_id), labels: ['urgent-care'] });
		expect(stored(world, conv.display_id).labels.sort()).toEqual(['billing', 'refund', 'urgent-care', 'vip']);
		expect(out.json.id).toBe(conv.display_id);
		expect((out.json.labels as string[]).sort()).toEqual(['billing', 'refund', 'urgent-care', 'vip']);
		expectRequestsMatchSpec(sim.requests);
	});

	it('addLabels of labels already present keeps the 3 and writes nothing', async () => {
		const conv = seedConversation(world, { labels: ['vip', 'billing', 'refund'] });
		const [out] = await run(world, { operation: 'addLabels', conversationId: rl(conv.display_id), labels: ['vip', 'billing'] });
		expect(stored(world, conv.display_id).labels.sort()).toEqual(['billing', 'refund', 'vip']);
		expect((out.json.labels as string[]).sort()).toEqual(['billing', 'refund', 'vip']);
		expect(sim.requests.filter((r: any) => r.method === 'POST')).toHaveLength(0);
	});

	it('removeLabels removes one and keeps the rest', async () => {
		const conv = seedConversation(world, { labels: ['vip', 'billing', 'refund'] });
		const [out] = await run(world, { operation: 'removeLabels', conversationId: rl(conv.display_id), labels: ['billing'] });
		expect(stored(world, conv.display_id).labels.sort()).toEqual(['refund', 'vip']);
		expect((out.json.labels as string[]).sort()).toEqual(['refund', 'vip']);
		expectRequestsMatchSpec(sim.requests);
	});

	it('removeLabels accepts a comma-separated expression and removes every given label', async () => {
		const conv = seedConversation(world, { labels: ['vip', 'billing', 'refund'] });
		await run(world, { operation: 'removeLabels', conversationId: rl(conv.display_id), labels: '={{ "vip, refund" }}' });
		expect(stored(world, conv.display_id).labels).toEqual(['billing']);
	});

	it('getLabels returns the current labels', async () => {
		const conv = seedConversation(world, { labels: ['vip', 'refund'] });
		const [out] = await run(world, { operation: 'getLabels', conversationId: rl(conv.display_id) });
		expect(out.json).toEqual({ id: conv.display_id, labels: ['vip', 'refund'] });
		expectRequestsMatchSpec(sim.requests);
	});

	it('several items adding different labels to the same conversation all survive (merge is serialised)', async () => {
		const conv = seedConversation(world, { labels: ['vip'] });
		sim.setLatency?.(20);
		try {
			await run(
				world,
				{ operation: 'addLabels', conversationId: rl(conv.display_id), labels: '={{ $json.label }}' },
				{ items: ['billing', 'refund', 'urgent-care'].map((label) => ({ json: { label } })) },
			);
		} finally {
			sim.setLatency?.(0);
		}
		expect(stored(world, conv.display_id).labels.sort()).toEqual(['billing', 'refund', 'urgent-care', 'vip']);
	});

	it('names the conversation on 404', async () => {
		await expect(run(world, { operation: 'addLabels', conversationId: rl(999), labels: ['vip'] })).rejects.toMatchObject({
			httpCode: '404',
			message: expect.stringMatching(/Conversation 999 was not found/),
		});
	});

	it('refuses a label that does not exist in the account, and writes nothing', async () => {
		const conv = seedConversation(world, { labels: ['vip'] });
		await expect(
			run(world, { operation: 'addLabels', conversationId: rl(conv.display_id), labels: ['billing', 'vipp'] }),
		).rejects.toThrow('The label "vipp" does not exist in this Chatwoot account');
		expect(stored(world, conv.display_id).labels).toEqual(['vip']);
		expect(sim.requests.filter((r: { method: string }) => r.method === "POST")).toHaveLength(0);
	});

	it('lets an agent-bot token add labels (bots may not list the account labels; Chatwoot decides)', async () => {
		const conv = seedConversation(world, { labels: ['vip'] });
		const bot = sim.seed.agentBot({ name: 'Bot', accountId: world.accountId });
		const [out] = await runNode(new Chatwoot(), {
			parameters: { resource: 'conversation', operation: 'addLabels', conversationId: rl(conv.display_id), labels: ['refund'] },
			credentials: [
				{
					type: 'chatwootSuiteApi',
					data: { baseUrl: sim.url, accessToken: bot.access_token, accountId: world.accountId },
					credentialClass: new ChatwootSuiteApi(),
				},
			],
		});
		expect(out[0].json.labels).toEqual(['vip', 'refund']);
		expect(stored(world, conv.display_id).labels).toEqual(['vip', 'refund']);
	});
});

