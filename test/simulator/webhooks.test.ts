import * as http from 'http';
import { createHmac } from 'crypto';
import { AddressInfo } from 'net';
import { ChatwootSimulator } from './index';
import { call, seedWorld, withSim, World } from './_helpers';

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
let failPaths = new Set<string>();

beforeAll(async () => {
	sim = await withSim();
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			received.push({ path: req.url || '', headers: req.headers, raw, json: JSON.parse(raw) });
			res.writeHead(failPaths.has(req.url || '') ? 500 : 200);
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
	failPaths = new Set();
});
const tok = () => w.admin.access_token;
const events = (path?: string) => received.filter((r) => !path || r.path === path).map((r) => r.json.event);

function expectSigned(r: Received, secret: string) {
	const ts = r.headers['x-chatwoot-timestamp'] as string;
	expect(ts).toMatch(/^\d+$/);
	const expected = 'sha256=' + createHmac('sha256', secret).update(`${ts}.${r.raw}`).digest('hex');
	expect(r.headers['x-chatwoot-signature']).toBe(expected);
	expect(r.headers['x-chatwoot-delivery']).toMatch(/^[0-9a-f-]{36}$/);
	expect(r.headers['content-type']).toBe('application/json');
	expect(r.headers.accept).toBe('application/json');
}

describe('account webhooks', () => {
	it('delivers subscribed events only, signed with the webhook secret (independent HMAC check)', async () => {
		const hook = sim.seed.webhook({ accountId: w.accountId, url: `${rurl}/acct`, subscriptions: ['message_created', 'conversation_created', 'contact_created'] });
		const c = sim.seed.contact({ accountId: w.accountId, name: 'Cust', email: 'cust@x.test', inboxId: w.apiInbox.id, sourceId: 's1' });
		let r = await call(sim, 'POST', `${w.A}/conversations`, { token: tok(), body: { source_id: 's1', message: { content: 'Welcome!' } } });
		expect(r.status).toBe(200);
		r = await call(sim, 'POST', `${w.A}/conversations/${r.json.id}/toggle_status`, { token: tok(), body: { status: 'resolved' } }); // not subscribed
		await sim.flushDeliveries();
		expect(events('/acct')).toEqual(['conversation_created', 'message_created']);
		for (const rec of received) expectSigned(rec, hook.secret);
		const msg = received[1].json;
		expect(msg).toMatchObject({
			event: 'message_created',
			message_type: 'outgoing',
			content: 'Welcome!',
			private: false,
			account: { id: w.accountId, name: 'Acme' },
			inbox: { id: w.apiInbox.id, name: 'API' },
			sender: { id: w.admin.id, name: 'Alice', email: 'alice@acme.test', type: 'user' },
			conversation: { id: 1, inbox_id: w.apiInbox.id, channel: 'Channel::Api', meta: { sender: { id: c.id, type: 'contact' } }, contact_inbox: { source_id: 's1' } },
		});
		expect(msg.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(sim.deliveries.map((d) => [d.kind, d.event, d.status])).toEqual([
			['account', 'conversation_created', 200],
			['account', 'message_created', 200],
		]);
		expect(sim.deliveries[1].body).toBe(received[1].raw);
	});

	it('contact_created / contact_updated with changed_attributes; contact sender has no type', async () => {
		sim.seed.webhook({ accountId: w.accountId, url: `${rurl}/c`, subscriptions: ['contact_created', 'contact_updated', 'message_created'] });
		let r = await call(sim, 'POST', `${w.A}/contacts`, { token: tok(), body: { name: 'Ann', email: 'ann@x.test', inbox_id: w.apiInbox.id } });
		const id = r.json.payload.contact.id;
		await call(sim, 'PUT', `${w.A}/contacts/${id}`, { token: tok(), body: { name: 'Anna' } });
		await call(sim, 'PUT', `${w.A}/contacts/${id}`, { token: tok(), body: { name: 'Anna' } }); // no change -> no event
		const conv = sim.seed.conversation({ accountId: w.accountId, inboxId: w.apiInbox.id, contactId: id });
		r = await call(sim, 'POST', `${w.A}/conversations/${conv.display_id}/messages`, { token: tok(), body: { content: 'in', message_type: 'incoming' } });
		await sim.flushDeliveries();
		// message.rb#update_contact_activity: every contact message updates last_activity_at → contact_updated (review A6)
		expect(events()).toEqual(['contact_created', 'contact_updated', 'message_created', 'contact_updated']);
		expect(received[3].json.changed_attributes.map((c: object) => Object.keys(c)[0])).toEqual(['last_activity_at', 'updated_at']);
		expect(received[0].json).toMatchObject({ id, name: 'Ann', email: 'ann@x.test', account: { id: w.accountId, name: 'Acme' } });
		expect(received[1].json.changed_attributes).toEqual(
			expect.arrayContaining([{ name: { previous_value: 'Ann', current_value: 'Anna' } }]),
		);
		expect(received[2].json.message_type).toBe('incoming');
		expect(received[2].json.sender).toMatchObject({ id, name: 'Anna' });
		expect(received[2].json.sender.type).toBeUndefined();
	});

	it('conversation_status_changed + conversation_updated carry changed_attributes; typing on/off; labels', async () => {
		sim.seed.webhook({ accountId: w.accountId, url: `${rurl}/s`, subscriptions: ['conversation_status_changed', 'conversation_updated', 'conversation_typing_on', 'conversation_typing_off'] });
		const c = sim.seed.contact({ accountId: w.accountId, email: 'z@x.test' });
		const conv = sim.seed.conversation({ accountId: w.accountId, inboxId: w.apiInbox.id, contactId: c.id });
		const P = `${w.A}/conversations/${conv.display_id}`;
		await call(sim, 'POST', `${P}/toggle_status`, { token: tok(), body: { status: 'resolved' } });
		await call(sim, 'POST', `${P}/labels`, { token: tok(), body: { labels: ['vip'] } });
		await call(sim, 'POST', `${P}/assignments`, { token: tok(), body: { assignee_id: w.agent.id } });
		await call(sim, 'POST', `${P}/toggle_typing_status`, { token: tok(), body: { typing_status: 'on', is_private: true } });
		await call(sim, 'POST', `${P}/toggle_typing_status`, { token: tok(), body: { typing_status: 'off' } });
		await sim.flushDeliveries();
		expect(events()).toEqual(['conversation_status_changed', 'conversation_updated', 'conversation_updated', 'conversation_updated', 'conversation_typing_on', 'conversation_typing_off']);
		// conversation.rb#notify_status_change passes `status_change`, already nil after commit (review A5)
		expect(received[0].json.changed_attributes).toBeNull();
		expect(received[1].json.changed_attributes[0]).toEqual({ status: { previous_value: 'open', current_value: 'resolved' } });
		expect(received[2].json.changed_attributes[0]).toEqual({ label_list: { previous_value: [], current_value: ['vip'] } });
		expect(received[3].json.changed_attributes[0]).toEqual({ assignee_id: { previous_value: null, current_value: w.agent.id } });
		expect(received[3].json.meta.assignee).toMatchObject({ id: w.agent.id, type: 'user' });
		expect(received[4].json).toMatchObject({ event: 'conversation_typing_on', is_private: true, user: { id: w.admin.id, type: 'user' }, conversation: { id: conv.display_id } });
	});

	it('signing off (Chatwoot < 4.12): no secret in API, no signature headers', async () => {
		sim.setWebhookSigning(false);
		sim.seed.webhook({ accountId: w.accountId, url: `${rurl}/u`, subscriptions: ['contact_created'] });
		await call(sim, 'POST', `${w.A}/contacts`, { token: tok(), body: { name: 'N', email: 'n@x.test' } });
		await sim.flushDeliveries();
		expect(received).toHaveLength(1);
		expect(received[0].headers['x-chatwoot-signature']).toBeUndefined();
		expect(received[0].headers['x-chatwoot-timestamp']).toBeUndefined();
		expect(received[0].headers['x-chatwoot-delivery']).toBeDefined();
	});

	it('inbox_created / inbox_updated go to account webhooks only with ENABLE_INBOX_EVENTS; no inbox id/name in the payload', async () => {
		sim.seed.webhook({ accountId: w.accountId, url: `${rurl}/i`, subscriptions: ['inbox_created', 'inbox_updated'] });
		// inbox.rb#dispatch_create_event / dispatch_update_event: `return if ENV['ENABLE_INBOX_EVENTS'].blank?` (review A4)
		const off = await call(sim, 'POST', `${w.A}/inboxes`, { token: tok(), body: { name: 'Off', channel: { type: 'api' } } });
		await call(sim, 'PATCH', `${w.A}/inboxes/${off.json.id}`, { token: tok(), body: { name: 'Off2' } });
		await sim.flushDeliveries();
		expect(events()).toEqual([]);
		sim.setInboxEvents(true);
		const r = await call(sim, 'POST', `${w.A}/inboxes`, { token: tok(), body: { name: 'X', channel: { type: 'api' } } });
		await call(sim, 'PATCH', `${w.A}/inboxes/${r.json.id}`, { token: tok(), body: { name: 'Y' } });
		await sim.flushDeliveries();
		expect(events()).toEqual(['inbox_created', 'inbox_updated']);
		expect(received[1].json).toMatchObject({ channel: expect.any(Object), account: { id: w.accountId } });
		expect(received[1].json.changed_attributes[0]).toEqual({ name: { previous_value: 'X', current_value: 'Y' } });
		// Inbox::EventDataPresenter: no inbox id, name, channel_type; the channel row carries its secrets
		for (const k of ['id', 'name', 'channel_type']) expect(received[0].json).not.toHaveProperty(k);
		expect(received[0].json.channel).toMatchObject({ hmac_token: expect.any(String), identifier: expect.any(String) });
	});
});

describe('API inbox callback (channel webhook_url)', () => {
	it('receives conversation/message events (not contact events), signed with the inbox secret; failure marks message failed', async () => {
		const inbox = sim.seed.inbox({ accountId: w.accountId, name: 'Bot API', channelType: 'api', webhookUrl: `${rurl}/cb` });
		const c = sim.seed.contact({ accountId: w.accountId, email: 'q@x.test', inboxId: inbox.id });
		const r = await call(sim, 'POST', `${w.A}/conversations`, { token: tok(), body: { inbox_id: inbox.id, contact_id: c.id } });
		await call(sim, 'POST', `${w.A}/contacts/${c.id}/labels`, { token: tok(), body: { labels: ['x'] } });
		failPaths.add('/cb');
		const m = await call(sim, 'POST', `${w.A}/conversations/${r.json.id}/messages`, { token: tok(), body: { content: 'Reply' } });
		await sim.flushDeliveries();
		expect(events('/cb')).toEqual(['conversation_created', 'message_created']);
		for (const rec of received) expectSigned(rec, inbox.secret!);
		const stored = sim.db.messages.find((x) => x.id === m.json.id)!;
		expect(stored.status).toBe('failed');
		expect(stored.external_error).toContain('500');
		expect(sim.deliveries.at(-1)).toMatchObject({ kind: 'api_inbox', status: 500, error: expect.stringContaining('500') });
	});

	it('control API customer-message creates conversation + incoming message and fires events', async () => {
		const inbox = sim.seed.inbox({ accountId: w.accountId, name: 'CB', channelType: 'api', webhookUrl: `${rurl}/cb2` });
		const c = sim.seed.contact({ accountId: w.accountId, email: 'k@x.test', inboxId: inbox.id, sourceId: 'k-src' });
		const res = await fetch(`${sim.url}/__sim/customer-message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inboxId: inbox.id, sourceId: 'k-src', content: 'Help!' }) });
		const body = await res.json();
		expect(res.status).toBe(200);
		expect(body.message).toMatchObject({ content: 'Help!', message_type: 0, sender: { id: c.id } });
		expect(body.source_id).toBe('k-src');
		// second message re-uses the open conversation
		const again = await (await fetch(`${sim.url}/__sim/customer-message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inboxId: inbox.id, contactId: c.id, content: 'Still there?' }) })).json();
		expect(again.conversation.id).toBe(body.conversation.id);
		await fetch(`${sim.url}/__sim/flush`, { method: 'POST' });
		expect(events('/cb2')).toEqual(['conversation_created', 'message_created', 'message_created']);
		const deliveries = await (await fetch(`${sim.url}/__sim/deliveries`)).json();
		expect(deliveries).toHaveLength(3);
		expect(sim.requests).toHaveLength(0); // control calls are not logged
	});

	it('agent bot connected to an inbox receives bot events with bot secret', async () => {
		const bot = sim.seed.agentBot({ name: 'B', accountId: w.accountId, outgoingUrl: `${rurl}/bot`, inboxIds: [w.apiInbox.id] });
		const c = sim.seed.contact({ accountId: w.accountId, email: 'b@x.test' });
		const conv = sim.seed.conversation({ accountId: w.accountId, inboxId: w.apiInbox.id, contactId: c.id });
		await call(sim, 'POST', `${w.A}/conversations/${conv.display_id}/toggle_status`, { token: bot.access_token, body: { status: 'resolved' } });
		await sim.flushDeliveries();
		expect(events('/bot')).toEqual(['conversation_resolved', 'conversation_status_changed', 'conversation_updated']);
		expectSigned(received[0], bot.secret);
	});
});

describe('delivery failures', () => {
	it('a receiver that never answers times out (webhookTimeoutMs) and is logged as an error, without retry', async () => {
		const { startSimulator } = await import('./index');
		const hanging = http.createServer(() => undefined);
		await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', () => r()));
		const port = (hanging.address() as AddressInfo).port;
		const s2 = await startSimulator({ webhookTimeoutMs: 100 });
		try {
			const acc = s2.seed.account({ name: 'T' });
			const u = s2.seed.user({ accountIds: [acc.id] });
			s2.seed.webhook({ accountId: acc.id, url: `http://127.0.0.1:${port}/never`, subscriptions: ['contact_created'] });
			s2.seed.webhook({ accountId: acc.id, url: 'http://127.0.0.1:1/refused', subscriptions: ['contact_created'] });
			const r = await call(s2, 'POST', `/api/v1/accounts/${acc.id}/contacts`, { token: u.access_token, body: { name: 'x' } });
			expect(r.status).toBe(200);
			await s2.flushDeliveries();
			expect(s2.deliveries.map((d) => [d.url.split('/').pop(), d.status, !!d.error, d.attempts])).toEqual([
				['never', null, true, 1],
				['refused', null, true, 1],
			]);
		} finally {
			await s2.close();
			hanging.closeAllConnections();
			await new Promise((r) => hanging.close(r));
		}
	});
});
