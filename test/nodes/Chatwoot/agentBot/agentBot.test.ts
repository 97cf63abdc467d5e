// agentBot resource and inbox setAgentBot/getAgentBot against the simulator (state asserted, contract-checked).
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../../../nodes/Chatwoot/Chatwoot.node';
import { loadOptions, runNode } from '../../../helpers/n8n-harness';
import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, seedWorld, startWorld, TOKEN } from '../message/setup';
import type { Sim, World } from '../message/setup';

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

function creds(token = TOKEN, agentBot = false) {
	return [
		{
			type: 'chatwootSuiteApi',
			data: { baseUrl: world.sim.url, accessToken: token, accountId: world.accountId, agentBot },
			credentialClass: new ChatwootSuiteApi(),
		},
	];
}

async function run(resource: string, parameters: IDataObject, token = TOKEN, continueOnFail = false): Promise<INodeExecutionData[]> {
	const [out] = await runNode(new Chatwoot(), { parameters: { resource, ...parameters }, credentials: creds(token), continueOnFail });
	return out ?? [];
}

describe('agentBot', () => {
	it('creates a bot (token and secret kept out of the output unless asked for) and lists it', async () => {
		const [created] = await run('agentBot', { operation: 'create', botName: 'Triage', outgoingUrl: 'https://n8n.example.com/webhook/bot', additionalFields: { description: 'AI triage' } });
		const stored = sim.db.agentBots.find((b) => b.id === created.json.id)!;
		expect(stored).toMatchObject({ name: 'Triage', outgoing_url: 'https://n8n.example.com/webhook/bot', description: 'AI triage', account_id: world.accountId });
		expect(created.json).toMatchObject({ id: stored.id, name: 'Triage', outgoing_url: 'https://n8n.example.com/webhook/bot' });
		expect(created.json).not.toHaveProperty('access_token');
		expect(created.json).not.toHaveProperty('secret');
		expect(JSON.stringify(created.json)).not.toContain(stored.access_token);

		const withSecrets = await run('agentBot', { operation: 'get', agentBotId: rl(stored.id), options: { includeSecrets: true } });
		expect(withSecrets[0].json).toMatchObject({ access_token: stored.access_token, secret: stored.secret });

		sim.seed.agentBot({ name: 'Second', accountId: world.accountId });
		const all = await run('agentBot', { operation: 'getAll', returnAll: true });
		expect(all.map((i) => i.json.name)).toEqual(['Triage', 'Second']);
		const one = await run('agentBot', { operation: 'getAll', returnAll: false, limit: 1 });
		expect(one.map((i) => i.json.name)).toEqual(['Triage']);
		expectRequestsMatchSpec(sim.requests);
	});

	it('updates only the fields given, and refuses an empty update before calling Chatwoot', async () => {
		const bot = sim.seed.agentBot({ name: 'Old', accountId: world.accountId, outgoingUrl: 'https://a.test/x' });
		sim.clearRequests();
		await run('agentBot', { operation: 'update', agentBotId: rl(bot.id), updateFields: { outgoingUrl: 'https://b.test/y' } });
		expect(sim.db.agentBots.find((b) => b.id === bot.id)).toMatchObject({ name: 'Old', outgoing_url: 'https://b.test/y' });
		expect(sim.requests.find((r) => r.method === 'PATCH')!.body).toEqual({ outgoing_url: 'https://b.test/y' });
		sim.clearRequests();
		await expect(run('agentBot', { operation: 'update', agentBotId: rl(bot.id), updateFields: {} })).rejects.toThrow('Nothing to update');
		expect(sim.requests).toHaveLength(0);
	});

	it('resets the access token and the secret (new values output, old token stops working), and deletes', async () => {
		const bot = sim.seed.agentBot({ name: 'B', accountId: world.accountId, inboxIds: [world.apiInbox.id] });
		const oldToken = bot.access_token;
		const oldSecret = bot.secret;
		const [token] = await run('agentBot', { operation: 'resetAccessToken', agentBotId: rl(bot.id) });
		const stored = sim.db.agentBots.find((b) => b.id === bot.id)!;
		expect(stored.access_token).not.toBe(oldToken);
		expect(token.json.access_token).toBe(stored.access_token);
		const [secret] = await run('agentBot', { operation: 'resetSecret', agentBotId: rl(bot.id), includeSecrets: false });
		expect(stored.secret).not.toBe(oldSecret);
		expect(secret.json).not.toHaveProperty('secret');
		const failed = await run('conversation', { operation: 'get', conversationId: rl(world.conversation.display_id) }, oldToken, true);
		expect(failed[0].json.error).toContain('rejected the access token');
		expectRequestsMatchSpec(sim.requests);

		const [deleted] = await run('agentBot', { operation: 'delete', agentBotId: rl(bot.id) });
		expect(deleted.json).toEqual({ id: bot.id, deleted: true });
		expect(sim.db.agentBots.find((b) => b.id === bot.id)).toBeUndefined();
		expect(sim.db.inboxes.find((i) => i.id === world.apiInbox.id)!.agent_bot_id).toBeNull();
	});

	it('lists bots in the picker', async () => {
		sim.seed.agentBot({ name: 'Picker bot', accountId: world.accountId });
		const result = await loadOptions(new Chatwoot(), 'searchAgentBots', { credentials: creds(), kind: 'listSearch', filter: 'picker' } as any);
		expect(JSON.stringify(result)).toContain('Picker bot');
	});
});

describe('inbox setAgentBot / getAgentBot', () => {
	it('connects, replaces, reads and disconnects the inbox bot', async () => {
		const a = sim.seed.agentBot({ name: 'A', accountId: world.accountId });
		const b = sim.seed.agentBot({ name: 'B', accountId: world.accountId });
		const inbox = () => sim.db.inboxes.find((i) => i.id === world.apiInbox.id)!;

		const [none] = await run('inbox', { operation: 'getAgentBot', inboxId: rl(world.apiInbox.id) });
		expect(none.json).toEqual({ inbox_id: world.apiInbox.id, agent_bot: null });

		const [set] = await run('inbox', { operation: 'setAgentBot', inboxId: rl(world.apiInbox.id), agentBotId: rl(a.id) });
		expect(inbox().agent_bot_id).toBe(a.id);
		expect(set.json).toMatchObject({ inbox_id: world.apiInbox.id, agent_bot: { id: a.id, name: 'A' } });
		expect((set.json.agent_bot as IDataObject).access_token).toBeUndefined();

		await run('inbox', { operation: 'setAgentBot', inboxId: rl(world.apiInbox.id), agentBotId: rl(b.id) });
		expect(inbox().agent_bot_id).toBe(b.id);
		const [got] = await run('inbox', { operation: 'getAgentBot', inboxId: rl(world.apiInbox.id) });
		expect(got.json.agent_bot).toMatchObject({ id: b.id, name: 'B' });

		const [off] = await run('inbox', { operation: 'setAgentBot', inboxId: rl(world.apiInbox.id), connection: 'disconnect' });
		expect(inbox().agent_bot_id).toBeNull();
		expect(off.json).toEqual({ inbox_id: world.apiInbox.id, agent_bot: null });
		expect(sim.requests.filter((r) => r.path.endsWith('/set_agent_bot')).map((r) => r.body)).toEqual([
			{ agent_bot: a.id },
			{ agent_bot: b.id },
			{ agent_bot: null },
		]);
		expectRequestsMatchSpec(sim.requests);
	});
});

describe('agent-bot tokens', () => {
	async function asBot(resource: string, parameters: IDataObject, token: string, agentBot: boolean) {
		const [out] = await runNode(new Chatwoot(), { parameters: { resource, ...parameters }, credentials: creds(token, agentBot), continueOnFail: true });
		return out ?? [];
	}

	it('operations on the allow-list work with a bot token', async () => {
		const bot = sim.seed.agentBot({ name: 'Bot', accountId: world.accountId, inboxIds: [world.apiInbox.id] });
		const conv = world.conversation.display_id;
		const [message] = await asBot('message', { operation: 'create', conversationId: rl(conv), content: 'Hello from the bot' }, bot.access_token, true);
		expect(message.json.error).toBeUndefined();
		const stored = sim.find.messages(world.accountId, conv).find((m) => m.content === 'Hello from the bot')!;
		expect(stored).toMatchObject({ sender_type: 'AgentBot', sender_id: bot.id });
		const [labels] = await asBot('conversation', { operation: 'addLabels', conversationId: rl(conv), labels: ['vip'] }, bot.access_token, true);
		expect(labels.json.error).toBeUndefined();
		expect(sim.find.conversation(world.accountId, conv)!.labels).toEqual(['vip']);
	});

	it('an operation a bot may not call stops before anything is sent when the credential says it is a bot token', async () => {
		const bot = sim.seed.agentBot({ name: 'Bot', accountId: world.accountId, inboxIds: [world.apiInbox.id] });
		sim.clearRequests();
		const [out] = await asBot('conversation', { operation: 'getChatHistory', conversationId: rl(world.conversation.display_id) }, bot.access_token, true);
		expect(out.json.error).toContain('Agent bots may not do this in Chatwoot');
		expect(out.json.error).toContain("user's access token");
		expect(sim.requests).toHaveLength(0);
		const [contacts] = await asBot('contact', { operation: 'getAll', returnAll: true }, bot.access_token, true);
		expect(contacts.json.error).toContain('Agent bots may not do this in Chatwoot');
		expect(sim.requests).toHaveLength(0);
	});

	it('without the credential flag, Chatwoot refuses and the error explains it', async () => {
		const bot = sim.seed.agentBot({ name: 'Bot', accountId: world.accountId, inboxIds: [world.apiInbox.id] });
		const [out] = await asBot('contact', { operation: 'getAll', returnAll: true }, bot.access_token, false);
		expect(out.json.error).toContain('Agent-bot tokens cannot do this in Chatwoot');
		expect(out.json.error).toContain('Belongs to an Agent Bot');
	});
});
