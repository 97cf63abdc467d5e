// Chatwoot Trigger, source "Agent Bot": lifecycle against the simulator (state before == state after) and
// deliveries from the simulator's bot webhook job through the trigger's webhook() (signature, events, loop guard).
import type { IDataObject } from 'n8n-workflow';

import { applyFilters } from '../../../nodes/ChatwootTrigger/filters';

import { activate, calls, checkContract, deactivate, DEFAULT_URL, deliver, items, rl, seedBasics, startEnv, startReceiver } from './setup';
import type { Env, Simulator } from './setup';

function bots(env: Env): IDataObject[] {
	return (env.sim.db.agentBots as IDataObject[]).map((b) => ({ id: b.id, name: b.name, outgoing_url: b.outgoing_url, account_id: b.account_id }));
}
function inboxBots(env: Env): Record<number, number | null> {
	return Object.fromEntries((env.sim.db.inboxes as IDataObject[]).map((i) => [i.id, i.agent_bot_id ?? null]));
}
const snapshot = (env: Env) => JSON.stringify({ bots: bots(env), inboxes: inboxBots(env) });

describe('Chatwoot Trigger, source agentBot: lifecycle', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
	});
	afterEach(() => checkContract(sim));

	it('creates a bot pointing at n8n, connects it, and removes it again: Chatwoot exactly as before', async () => {
		const before = snapshot(env);
		const params = { source: 'agentBot', agentBotMode: 'create', inboxIds: [String(env.apiInboxId)], events: ['message_created'] };
		const staticData: IDataObject = {};
		expect(await activate(env, params, staticData)).toBe(false);
		const created = (sim.db.agentBots as IDataObject[])[0];
		expect(created).toMatchObject({ outgoing_url: DEFAULT_URL, account_id: env.accountId, name: 'n8n: Harness workflow (Chatwoot Trigger)' });
		expect(inboxBots(env)[env.apiInboxId]).toBe(created.id);
		expect(staticData).toMatchObject({
			source: 'agentBot',
			ownUrl: DEFAULT_URL,
			signed: true,
			agentBot: { botId: created.id, createdByUs: true, inboxes: [{ inboxId: env.apiInboxId, previousBotId: null }] },
		});
		// the bot's secret and token never land in static data
		expect(JSON.stringify(staticData)).not.toContain(String(created.secret));
		expect(JSON.stringify(staticData)).not.toContain(String(created.access_token));

		sim.clearRequests();
		expect(await activate(env, params, staticData)).toBe(true);
		expect(calls(env)).toEqual([`GET /agent_bots/${created.id}`, `GET /inboxes/${env.apiInboxId}/agent_bot`]);

		expect(await deactivate(env, params, staticData)).toBe(true);
		expect(snapshot(env)).toBe(before);
		expect(staticData).toEqual({});
	});

	it('uses an existing bot: its URL and every inbox bot (another bot, none) come back on deactivation, over several cycles', async () => {
		const mine = sim.seed.agentBot({ name: 'Support AI', accountId: env.accountId, outgoingUrl: 'https://old.example.com/bot' });
		const other = sim.seed.agentBot({ name: 'Legacy bot', accountId: env.accountId, outgoingUrl: 'https://legacy.example.com', inboxIds: [env.widgetInboxId] });
		const before = snapshot(env);
		const params = {
			source: 'agentBot',
			agentBotMode: 'existing',
			agentBotId: rl(mine.id),
			inboxIds: [String(env.apiInboxId), String(env.widgetInboxId)],
			events: ['message_created', 'conversation_opened'],
		};
		for (let cycle = 0; cycle < 3; cycle++) {
			const staticData: IDataObject = {};
			await activate(env, params, staticData);
			expect(sim.db.agentBots.find((b: IDataObject) => b.id === mine.id).outgoing_url).toBe(DEFAULT_URL);
			expect(inboxBots(env)).toMatchObject({ [env.apiInboxId]: mine.id, [env.widgetInboxId]: mine.id });
			expect(staticData.agentBot).toMatchObject({
				botId: mine.id,
				createdByUs: false,
				previousOutgoingUrl: 'https://old.example.com/bot',
				inboxes: [
					{ inboxId: env.apiInboxId, previousBotId: null },
					{ inboxId: env.widgetInboxId, previousBotId: other.id },
				],
			});
			// n8n restarts and activates again without a deactivation in between: the "before" values survive
			await hook(env, params, staticData);
			expect((staticData.agentBot as IDataObject).previousOutgoingUrl).toBe('https://old.example.com/bot');
			await deactivate(env, params, staticData);
			expect(snapshot(env)).toBe(before);
		}
	});

	it('refuses a system bot and an empty inbox list before changing anything', async () => {
		const system = sim.seed.agentBot({ name: 'System', accountId: null });
		const before = snapshot(env);
		await expect(
			activate(env, { source: 'agentBot', agentBotMode: 'existing', agentBotId: rl(system.id), inboxIds: [String(env.apiInboxId)], events: ['message_created'] }, {}),
		).rejects.toThrow('is a system bot');
		await expect(activate(env, { source: 'agentBot', agentBotMode: 'create', inboxIds: [], events: ['message_created'] }, {})).rejects.toThrow(
			'Choose at least one inbox',
		);
		expect(snapshot(env)).toBe(before);
	});

	it('a Chatwoot that does not sign bot deliveries (< 4.13): activation fails and undoes itself, unless unsigned is accepted', async () => {
		sim.setWebhookSigning(false);
		try {
			const before = snapshot(env);
			const params = { source: 'agentBot', agentBotMode: 'create', inboxIds: [String(env.apiInboxId)], events: ['message_created'] };
			await expect(activate(env, params, {})).rejects.toThrow('does not sign agent bot deliveries');
			expect(snapshot(env)).toBe(before);
			const existing = sim.seed.agentBot({ name: 'Old', accountId: env.accountId, outgoingUrl: 'https://old.example.com' });
			const withExisting = { ...params, agentBotMode: 'existing', agentBotId: rl(existing.id) };
			const beforeExisting = snapshot(env);
			sim.clearRequests();
			await expect(activate(env, withExisting, {})).rejects.toThrow('does not sign agent bot deliveries');
			expect(calls(env).filter((c) => !c.startsWith('GET'))).toEqual([]);
			expect(snapshot(env)).toBe(beforeExisting);
			const staticData: IDataObject = {};
			await activate(env, { ...withExisting, options: { acceptUnsigned: true } }, staticData);
			expect(inboxBots(env)[env.apiInboxId]).toBe(existing.id);
			await deactivate(env, withExisting, staticData);
			expect(snapshot(env)).toBe(beforeExisting);
		} finally {
			sim.setWebhookSigning(true);
		}
	});

	it('does not undo what someone changed meanwhile (inbox given another bot, bot re-pointed)', async () => {
		const mine = sim.seed.agentBot({ name: 'Mine', accountId: env.accountId, outgoingUrl: 'https://old.example.com' });
		const third = sim.seed.agentBot({ name: 'Third', accountId: env.accountId });
		const params = { source: 'agentBot', agentBotMode: 'existing', agentBotId: rl(mine.id), inboxIds: [String(env.apiInboxId)], events: ['message_created'] };
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		sim.db.inboxes.find((i: IDataObject) => i.id === env.apiInboxId).agent_bot_id = third.id;
		sim.db.agentBots.find((b: IDataObject) => b.id === mine.id).outgoing_url = 'https://someone-else.example.com';
		expect(await deactivate(env, params, staticData)).toBe(true);
		expect(inboxBots(env)[env.apiInboxId]).toBe(third.id);
		expect(sim.db.agentBots.find((b: IDataObject) => b.id === mine.id).outgoing_url).toBe('https://someone-else.example.com');
	});
});

/** create() as n8n calls it after a restart when checkExists() said no (here: forced). */
async function hook(env: Env, params: IDataObject, staticData: IDataObject) {
	const { hook: run } = await import('./setup');
	await run(env, 'create', params, staticData);
}

describe('Chatwoot Trigger, source agentBot: deliveries', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
	});

	it('a signed bot delivery of a customer message starts the workflow; the bot\'s own reply and a forged delivery do not', async () => {
		const params = { source: 'agentBot', agentBotMode: 'create', inboxIds: [String(env.apiInboxId)], events: ['message_created', 'conversation_opened'] };
		const staticData: IDataObject = {};
		const results: IDataObject[][] = [];
		const receiver = await startReceiver(async (req) => {
			const result = await deliver(params, staticData, { headers: req.headers as Record<string, string>, body: req.body }, { env });
			results.push(items(result));
			return (result as { statusCode?: number }).statusCode ?? 200;
		});
		try {
			await activate(env, params, staticData, { webhookUrl: receiver.url });
			const bot = (sim.db.agentBots as IDataObject[])[0];
			const sent = sim.customerMessage({ inboxId: env.apiInboxId, name: 'Jo', content: 'Hello bot' });
			expect(sent.conversation.status).toBe('pending');
			await sim.flushDeliveries();
			expect(results.flat().map((r) => [r.event, r.content])).toEqual([['message_created', 'Hello bot']]);
			expect(receiver.requests[0].headers['x-chatwoot-signature']).toMatch(/^sha256=/);

			// the bot replies with its own token: delivered to the bot too, dropped by the loop guard
			results.length = 0;
			const res = await fetch(`${sim.url}/api/v1/accounts/${env.accountId}/conversations/${sent.conversation.id}/messages`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', api_access_token: String(bot.access_token) },
				body: JSON.stringify({ content: 'Hi, I am the bot' }),
			});
			expect(res.status).toBe(200);
			// and hands off: conversation_opened passes
			await fetch(`${sim.url}/api/v1/accounts/${env.accountId}/conversations/${sent.conversation.id}/toggle_status`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', api_access_token: String(bot.access_token) },
				body: JSON.stringify({ status: 'open' }),
			});
			await sim.flushDeliveries();
			expect(results.flat().map((r) => r.event)).toEqual(['conversation_opened']);

			// a forged delivery is refused
			const forged = await deliver(
				params,
				staticData,
				{
					headers: { 'content-type': 'application/json', 'x-chatwoot-timestamp': String(Math.floor(Date.now() / 1000)), 'x-chatwoot-signature': 'sha256=00' },
					body: JSON.stringify({ event: 'message_created', message_type: 'incoming', content: 'forged', inbox: { id: env.apiInboxId } }),
				},
				{ env },
			);
			expect(items(forged)).toEqual([]);
		} finally {
			await deactivate(env, params, staticData, { webhookUrl: receiver.url });
			await receiver.close();
		}
	});
});

describe('Chatwoot Trigger, source agentBot: filters', () => {
	const settings = {
		events: ['message_created'],
		messageTypes: [],
		includePrivate: false,
		senderTypes: [],
		conversationStatuses: [],
		labels: [],
		ignoreOwnMessages: true,
		ignoreContactActivity: true,
		ownBotId: 7,
		inboxIds: [1],
	};
	const message = (inboxId: number, sender: IDataObject) => ({ event: 'message_created', message_type: 'incoming', inbox: { id: inboxId }, sender, conversation: { inbox_id: inboxId } });

	it("passes the chosen inboxes' messages, drops another inbox's (a conversation assigned to the bot elsewhere) and the bot's own", () => {
		expect(applyFilters('message_created', message(1, { id: 3, name: 'Jo' }), settings).pass).toBe(true);
		expect(applyFilters('message_created', message(2, { id: 3, name: 'Jo' }), settings).pass).toBe(false);
		expect(applyFilters('message_created', { ...message(1, { id: 7, name: 'Bot', type: 'agent_bot' }), message_type: 'outgoing' }, settings).pass).toBe(false);
		expect(applyFilters('message_created', { ...message(1, { id: 8, name: 'Other bot', type: 'agent_bot' }), message_type: 'outgoing' }, settings).pass).toBe(true);
	});
});
