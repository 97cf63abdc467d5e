import type { IDataObject } from 'n8n-workflow';

import { activate, AGENT_TOKEN, deactivate, deliver, items, rl, seedBasics, startEnv, startReceiver } from './setup';
import type { Env, Receiver, Simulator } from './setup';
import type { RunWebhookResult } from '../../helpers/n8n-harness';

/**
 * End to end: the simulator (like Chatwoot) POSTs real signed webhooks over loopback to a small
 * HTTP server standing in for n8n; that server hands the exact headers and raw bytes to the
 * trigger's webhook() and answers with the status it produced.
 */
describe('Chatwoot Trigger: real deliveries from the simulator', () => {
	let sim: Simulator;
	let env: Env;
	let receiver: Receiver;
	let results: RunWebhookResult[];
	let params: IDataObject;
	let staticData: IDataObject;
	let tamper: boolean;

	beforeAll(async () => {
		sim = await startEnv();
		receiver = await startReceiver(async (req) => {
			const headers: Record<string, string> = {};
			for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
			let body = req.body;
			if (tamper) {
				body = Buffer.from(body);
				body[body.length - 2] ^= 1;
			}
			const result = await deliver(params, staticData, { headers, body }, { env });
			results.push(result);
			return result.status;
		});
	});
	afterAll(async () => {
		await receiver.close();
		await sim.close();
	});
	beforeEach(() => {
		env = seedBasics(sim);
		results = [];
		receiver.requests.length = 0;
		staticData = {};
		tamper = false;
	});

	async function customerMessage(content: string, extra: IDataObject = {}): Promise<IDataObject> {
		const res = await fetch(`${sim.url}/__sim/customer-message`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ inboxId: env.apiInboxId, content, ...extra }),
		});
		expect(res.status).toBe(200);
		const out = (await res.json()) as IDataObject;
		await sim.flushDeliveries();
		return out;
	}

	async function agentMessage(token: string, conversationId: number, body: IDataObject): Promise<void> {
		const res = await fetch(`${sim.url}/api/v1/accounts/${env.accountId}/conversations/${conversationId}/messages`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', api_access_token: token },
			body: JSON.stringify(body),
		});
		expect(res.status).toBe(200);
		await sim.flushDeliveries();
	}

	const started = () => results.filter((r) => r.workflowData !== undefined).map((r) => items(r)[0]);

	it('account webhook: a signed customer message starts the workflow; own replies and private notes do not', async () => {
		params = { source: 'accountWebhook', events: ['message_created'], options: {} };
		await activate(env, params, staticData, { webhookUrl: receiver.url });
		expect(staticData.secret).toBeUndefined();
		expect(staticData.signed).toBe(true);

		const first = await customerMessage('Hello, I need help');
		const conversationId = Number((first.conversation as IDataObject).id);
		expect(sim.deliveries).toHaveLength(1);
		expect(sim.deliveries[0]).toMatchObject({ kind: 'account', event: 'message_created', status: 200, error: null });
		expect(sim.deliveries[0].headers['X-Chatwoot-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
		expect(started()).toEqual([JSON.parse(sim.deliveries[0].body)]);
		expect(started()[0]).toMatchObject({ event: 'message_created', content: 'Hello, I need help', message_type: 'incoming' });

		// The workflow replies with the trigger's own credential: delivered, but starts nothing (loop guard).
		await agentMessage(env.token, conversationId, { content: 'We are on it' });
		// Another agent replies: starts the workflow.
		await agentMessage(AGENT_TOKEN, conversationId, { content: 'Agent here' });
		// A private note: dropped by default.
		await agentMessage(AGENT_TOKEN, conversationId, { content: 'internal', private: true });

		expect(sim.deliveries.map((d: IDataObject) => d.status)).toEqual([200, 200, 200, 200]);
		expect(started().map((p) => p.content)).toEqual(['Hello, I need help', 'Agent here']);
		expect(results).toHaveLength(4);

		await deactivate(env, params, staticData, { webhookUrl: receiver.url });
		expect(sim.db.webhooks).toHaveLength(0);
		await customerMessage('anyone there?');
		expect(receiver.requests).toHaveLength(4);
	});

	it('a delivery altered on the way is answered 401 (Chatwoot logs the failure) and starts nothing', async () => {
		params = { source: 'accountWebhook', events: ['message_created'] };
		await activate(env, params, staticData, { webhookUrl: receiver.url });
		tamper = true;
		await customerMessage('Hello');
		expect(sim.deliveries).toHaveLength(1);
		expect(sim.deliveries[0].status).toBe(401);
		expect(started()).toEqual([]);
	});

	it('the same delivery replayed byte for byte is answered 401 and starts nothing the second time', async () => {
		params = { source: 'accountWebhook', events: ['message_created'] };
		await activate(env, params, staticData, { webhookUrl: receiver.url });
		await customerMessage('Hello');
		const original = sim.deliveries[0] as { headers: Record<string, string>; body: string };
		const headers: Record<string, string> = {};
		for (const [k, v] of Object.entries(original.headers)) headers[k.toLowerCase()] = v;
		const replay = await deliver(params, staticData, { headers, body: original.body }, { env });
		expect(replay.status).toBe(401);
		expect(replay.workflowData).toBeUndefined();
		expect(started()).toHaveLength(1);
	});

	it('API inbox callback: events of the inbox arrive signed with the inbox secret, with Simplify', async () => {
		params = { source: 'apiInbox', inboxId: rl(env.apiInboxId, 'list'), events: ['message_created', 'conversation_created'], options: { simplify: true } };
		await activate(env, params, staticData, { webhookUrl: receiver.url });
		const inbox = sim.db.inboxes.find((i: IDataObject) => i.id === env.apiInboxId);
		expect(staticData.secret).toBeUndefined();

		await customerMessage('Via the API inbox', { name: 'Jane', email: 'jane@example.com' });
		expect(sim.deliveries.map((d: IDataObject) => [d.kind, d.event, d.status])).toEqual([
			['api_inbox', 'conversation_created', 200],
			['api_inbox', 'message_created', 200],
		]);
		const [conversationEvent, messageEvent] = started();
		expect(conversationEvent).toMatchObject({ event: 'conversation_created', inbox: { id: env.apiInboxId }, message_id: null });
		expect(messageEvent).toMatchObject({
			event: 'message_created',
			inbox: { id: env.apiInboxId, name: 'API' },
			content: 'Via the API inbox',
			message_type: 'incoming',
			private: false,
			sender: { name: 'Jane', type: 'contact' },
			contact: { name: 'Jane', email: 'jane@example.com' },
		});
		expect(typeof messageEvent.created_at).toBe('string');
		expect(typeof conversationEvent.created_at).toBe('string');
		expect(messageEvent.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);

		await deactivate(env, params, staticData, { webhookUrl: receiver.url });
		expect(inbox.webhook_url ?? '').toBe('');
	});

	it('Chatwoot < 4.12 with Accept Unsigned Deliveries: unsigned deliveries start the workflow', async () => {
		sim.setWebhookSigning(false);
		params = { source: 'accountWebhook', events: ['message_created'], options: { acceptUnsigned: true } };
		await activate(env, params, staticData, { webhookUrl: receiver.url });
		expect(staticData.secret).toBeUndefined();
		await customerMessage('Old Chatwoot');
		expect(sim.deliveries[0].headers['X-Chatwoot-Signature']).toBeUndefined();
		expect(started().map((p) => p.content)).toEqual(['Old Chatwoot']);
	});

	it('an unsigned delivery with default settings starts nothing (401), even to an activated trigger', async () => {
		params = { source: 'accountWebhook', events: ['message_created'] };
		await activate(env, params, staticData, { webhookUrl: receiver.url });
		// Chatwoot stops signing (e.g. downgraded) or someone posts a forged event without a signature
		sim.setWebhookSigning(false);
		await customerMessage('Unsigned');
		expect(sim.deliveries.map((d: IDataObject) => d.status)).toEqual([401]);
		expect(started()).toEqual([]);
	});

	it('Accept Unsigned Deliveries after Chatwoot signed once: unsigned deliveries are refused again (sticky)', async () => {
		params = { source: 'accountWebhook', events: ['message_created'], options: { acceptUnsigned: true } };
		await activate(env, params, staticData, { webhookUrl: receiver.url });
		await customerMessage('Signed');
		sim.setWebhookSigning(false);
		await customerMessage('Unsigned');
		expect(sim.deliveries.map((d: IDataObject) => d.status)).toEqual([200, 401]);
		expect(started().map((p) => p.content)).toEqual(['Signed']);
	});
});
