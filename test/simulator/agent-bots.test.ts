// Agent bots in the simulator, per Chatwoot's source (f66b551c): app/listeners/agent_bot_listener.rb,
// lib/webhooks/trigger.rb, app/models/conversation.rb, app/controllers/api/v1/accounts/{agent_bots,inboxes,conversations}_controller.rb.
import * as http from 'http';
import { createHmac } from 'crypto';
import { AddressInfo } from 'net';
import { ChatwootSimulator, startSimulator } from './index';
import { call, seedWorld, World } from './_helpers';

interface Received {
	path: string;
	headers: http.IncomingHttpHeaders;
	raw: string;
	json: any;
}

let sim: ChatwootSimulator;
let w: World;
let receiver: http.Server;
let rurl: string;
let received: Received[] = [];
let answer: Record<string, number> = {};

beforeAll(async () => {
	sim = await startSimulator({ port: 0, botRetryDelayMs: 0 });
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			received.push({ path: req.url || '', headers: req.headers, raw, json: JSON.parse(raw) });
			res.writeHead(answer[req.url || ''] ?? 200);
			res.end('ok');
		});
	});
	await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
	rurl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await sim.close();
	await new Promise((r) => receiver.close(r));
});
beforeEach(() => {
	sim.reset();
	w = seedWorld(sim);
	received = [];
	answer = {};
});

const events = (path: string) => received.filter((r) => r.path === path).map((r) => r.json.event);
const activities = (displayId: number) =>
	sim.find.messages(w.accountId, displayId).filter((m: any) => m.message_type === 'activity').map((m: any) => m.content);

function connectBot(path = '/bot') {
	return sim.seed.agentBot({ name: 'Helper', accountId: w.accountId, outgoingUrl: `${rurl}${path}`, inboxIds: [w.apiInbox.id] });
}

describe('bot connected to an inbox', () => {
	it('new conversations start pending; the bot gets the customer message, signed with its secret', async () => {
		const bot = connectBot();
		const r = sim.customerMessage({ inboxId: w.apiInbox.id, content: 'Hi, I need help', name: 'Jo' });
		expect(r.conversation.status).toBe('pending');
		await sim.flushDeliveries();
		// conversation_created is not a bot event (AgentBotListener has no such handler)
		expect(events('/bot')).toEqual(['message_created']);
		const d = received[0];
		const ts = String(d.headers['x-chatwoot-timestamp']);
		expect(d.headers['x-chatwoot-signature']).toBe('sha256=' + createHmac('sha256', bot.secret).update(`${ts}.${d.raw}`).digest('hex'));
		expect(d.json).toMatchObject({ event: 'message_created', message_type: 'incoming', content: 'Hi, I need help' });
		expect(d.json.conversation.status).toBe('pending');
	});

	it('an inbox without a bot starts conversations open', () => {
		const r = sim.customerMessage({ inboxId: w.apiInbox.id, content: 'Hi' });
		expect(r.conversation.status).toBe('open');
	});

	it('a bot the conversation is assigned to gets its events too, once, even when it is not the inbox bot', async () => {
		const inboxBot = connectBot('/inbox-bot');
		const other = sim.seed.agentBot({ name: 'Other', accountId: w.accountId, outgoingUrl: `${rurl}/assigned-bot` });
		const r = sim.customerMessage({ inboxId: w.apiInbox.id, content: 'first' });
		await call(sim, 'POST', `${w.A}/conversations/${r.conversation.id}/assignments`, {
			token: w.admin.access_token,
			body: { assignee_id: other.id, assignee_type: 'AgentBot' },
		});
		await sim.flushDeliveries();
		received = [];
		sim.customerMessage({ inboxId: w.apiInbox.id, sourceId: r.source_id, content: 'second' });
		await sim.flushDeliveries();
		expect(events('/assigned-bot')).toEqual(['message_created']);
		expect(events('/inbox-bot')).toEqual(['message_created']);
		expect(inboxBot.id).not.toBe(other.id);
	});
});

describe('handoff (pending → open by the bot)', () => {
	it('a bot token opening a pending conversation is the bot handoff: waiting_since, one reporting event, no assignee', async () => {
		const bot = connectBot();
		const r = sim.customerMessage({ inboxId: w.apiInbox.id, content: 'Talk to a human' });
		const conv = sim.find.conversation(w.accountId, r.conversation.id)!;
		conv.waiting_since = null;
		const res = await call(sim, 'POST', `${w.A}/conversations/${r.conversation.id}/toggle_status`, { token: bot.access_token, body: { status: 'open' } });
		expect(res.status).toBe(200);
		expect(res.json.payload).toMatchObject({ success: true, current_status: 'open' });
		expect(conv.status).toBe('open');
		expect(conv.waiting_since).not.toBeNull();
		expect(conv.assignee_id).toBeNull();
		expect(sim.db.reportingEvents.map((e: any) => [e.name, e.conversation_id])).toEqual([['conversation_bot_handoff', conv.id]]);
		expect(activities(r.conversation.id)).toContain('Conversation was reopened by Helper');
		// pending again and handed off again: still one handoff event per conversation
		await call(sim, 'POST', `${w.A}/conversations/${r.conversation.id}/toggle_status`, { token: bot.access_token, body: { status: 'pending' } });
		await call(sim, 'POST', `${w.A}/conversations/${r.conversation.id}/toggle_status`, { token: bot.access_token, body: { status: 'open' } });
		expect(sim.db.reportingEvents).toHaveLength(1);
	});

	it('a user opening a pending conversation is a plain status change (no handoff event)', async () => {
		connectBot();
		const r = sim.customerMessage({ inboxId: w.apiInbox.id, content: 'x' });
		await call(sim, 'POST', `${w.A}/conversations/${r.conversation.id}/toggle_status`, { token: w.admin.access_token, body: { status: 'open' } });
		expect(sim.find.conversation(w.accountId, r.conversation.id)!.status).toBe('open');
		expect(sim.db.reportingEvents).toHaveLength(0);
	});
});

describe('bot failure fallback (Webhooks::Trigger#handle_error)', () => {
	it('500 is retried 3 times, then the pending conversation opens with the system activity', async () => {
		connectBot('/broken');
		answer['/broken'] = 500;
		const r = sim.customerMessage({ inboxId: w.apiInbox.id, content: 'hello?' });
		await sim.flushDeliveries();
		const messageDeliveries = sim.deliveries.filter((d) => d.event === 'message_created');
		expect(messageDeliveries.map((d) => [d.kind, d.attempts, d.status])).toEqual([['agent_bot', 3, 500]]);
		// opening it is itself reported to the (still broken) bot, as Chatwoot would
		expect(sim.deliveries.map((d) => d.event)).toEqual(['message_created', 'conversation_opened', 'conversation_status_changed', 'conversation_updated']);
		expect(sim.find.conversation(w.accountId, r.conversation.id)!.status).toBe('open');
		expect(activities(r.conversation.id)).toContain('Conversation was marked open by system due to an error with the agent bot.');
	});

	it('a non-retryable answer (404) opens the conversation after one attempt', async () => {
		connectBot('/gone');
		answer['/gone'] = 404;
		const r = sim.customerMessage({ inboxId: w.apiInbox.id, content: 'hello?' });
		await sim.flushDeliveries();
		expect(sim.deliveries.filter((d) => d.event === 'message_created').map((d) => d.attempts)).toEqual([1]);
		expect(sim.find.conversation(w.accountId, r.conversation.id)!.status).toBe('open');
	});

	it('the account setting keep_pending_on_bot_failure keeps it pending', async () => {
		connectBot('/broken');
		answer['/broken'] = 404;
		sim.db.accounts.find((a: any) => a.id === w.accountId)!.settings.keep_pending_on_bot_failure = true;
		const r = sim.customerMessage({ inboxId: w.apiInbox.id, content: 'hello?' });
		await sim.flushDeliveries();
		expect(sim.find.conversation(w.accountId, r.conversation.id)!.status).toBe('pending');
		expect(activities(r.conversation.id)).not.toContain('Conversation was marked open by system due to an error with the agent bot.');
	});

	it('a failure on a conversation that is no longer pending changes nothing', async () => {
		connectBot('/broken');
		answer['/broken'] = 404;
		const r = sim.customerMessage({ inboxId: w.apiInbox.id, content: 'hello?' });
		await sim.flushDeliveries();
		await call(sim, 'POST', `${w.A}/conversations/${r.conversation.id}/toggle_status`, { token: w.admin.access_token, body: { status: 'resolved' } });
		await call(sim, 'POST', `${w.A}/conversations/${r.conversation.id}/messages`, { token: w.admin.access_token, body: { content: 'bye' } });
		await sim.flushDeliveries();
		expect(sim.find.conversation(w.accountId, r.conversation.id)!.status).toBe('resolved');
	});

	it('a successful delivery leaves the conversation pending', async () => {
		connectBot();
		const r = sim.customerMessage({ inboxId: w.apiInbox.id, content: 'hello' });
		await sim.flushDeliveries();
		expect(sim.find.conversation(w.accountId, r.conversation.id)!.status).toBe('pending');
	});
});

describe('agent bot and inbox routes', () => {
	it('set_agent_bot answers 200; agent_bot is {} without a bot; reset_secret changes the secret', async () => {
		const token = w.admin.access_token;
		const created = await call(sim, 'POST', `${w.A}/agent_bots`, { token, body: { outgoing_url: 'https://bot.test/hook' } });
		expect(created.status).toBe(200);
		expect(created.json).toMatchObject({ name: null, outgoing_url: 'https://bot.test/hook', system_bot: false });
		const none = await call(sim, 'GET', `${w.A}/inboxes/${w.apiInbox.id}/agent_bot`, { token });
		expect([none.status, none.json]).toEqual([200, { agent_bot: {} }]);
		const set = await call(sim, 'POST', `${w.A}/inboxes/${w.apiInbox.id}/set_agent_bot`, { token, body: { agent_bot: created.json.id } });
		expect([set.status, set.text]).toEqual([200, '']);
		const got = await call(sim, 'GET', `${w.A}/inboxes/${w.apiInbox.id}/agent_bot`, { token });
		expect(got.json.agent_bot).toMatchObject({ id: created.json.id, outgoing_url: 'https://bot.test/hook' });
		const reset = await call(sim, 'POST', `${w.A}/agent_bots/${created.json.id}/reset_secret`, { token });
		expect(reset.status).toBe(200);
		expect(reset.json.secret).toEqual(expect.any(String));
		expect(reset.json.secret).not.toBe(created.json.secret);
		const unset = await call(sim, 'POST', `${w.A}/inboxes/${w.apiInbox.id}/set_agent_bot`, { token, body: { agent_bot: null } });
		expect(unset.status).toBe(200);
		expect(sim.db.inboxes.find((i: any) => i.id === w.apiInbox.id)!.agent_bot_id).toBeNull();
	});

	it('a bot token may not list messages (not in BOT_ACCESSIBLE_ENDPOINTS)', async () => {
		const bot = connectBot();
		const r = sim.customerMessage({ inboxId: w.apiInbox.id, content: 'x' });
		const res = await call(sim, 'GET', `${w.A}/conversations/${r.conversation.id}/messages`, { token: bot.access_token });
		expect([res.status, res.json]).toEqual([401, { error: 'Access to this endpoint is not authorized for bots' }]);
	});
});
