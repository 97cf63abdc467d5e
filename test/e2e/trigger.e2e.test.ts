// End-to-end: the Chatwoot Trigger inside a real n8n — activation registers with the simulator, signed deliveries
// start executions, filtered / forged ones don't, deactivation cleans up.
import { createHmac, randomUUID } from 'crypto';

import { httpJson, N8nInstance } from './harness';
import { SCENARIO_TIMEOUT, SETUP_TIMEOUT, startE2e, stopE2e } from './setup';
import type { E2eEnv } from './setup';

let env: E2eEnv;

beforeAll(async () => {
	env = await startE2e();
}, SETUP_TIMEOUT);

afterAll(async () => {
	await stopE2e(env);
}, SCENARIO_TIMEOUT);

const out = N8nInstance.nodeOutput;
/** the account webhook's signing secret, as Chatwoot handed it to the trigger */
let webhookSecret = '';

function triggerWorkflow(name: string, webhookId: string, parameters: Record<string, unknown>): any {
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: 'Chatwoot Trigger',
				type: 'n8n-nodes-chatwoot-suite.chatwootTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters,
				credentials: { chatwootSuiteApi: env.cred },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** An agent (not the trigger's credential) posts into a conversation through the Application API. */
async function agentPost(displayId: number, body: Record<string, unknown>): Promise<any> {
	const r = await httpJson('POST', `${env.sim.url}/api/v1/accounts/${env.accountId}/conversations/${displayId}/messages`, {
		body,
		headers: { api_access_token: env.sim.info.agentToken },
	});
	expect(r.status).toBe(200);
	return r.json;
}

describe('trigger, account webhook', () => {
	test(
		'registers the production URL with the chosen events, runs once per signed incoming message, ignores outgoing, private and forged deliveries, removes the webhook on deactivation',
		async () => {
			const webhookId = randomUUID();
			const wf = await env.n8n.createWorkflow(
				triggerWorkflow('E2E trigger (account webhook)', webhookId, {
					source: 'accountWebhook',
					events: ['message_created', 'conversation_status_changed'],
					options: { messageTypes: ['incoming'] },
				}),
			);
			const url = `${env.n8n.webhookBase}webhook/${webhookId}/webhook`;
			await env.n8n.activate(wf.id);

			let hooks = await env.sim.waitForState('the webhook to be registered', (st) => {
				const found = st.webhooks.filter((w: any) => w.url === url);
				return found.length ? found : undefined;
			});
			expect(hooks).toHaveLength(1);
			expect([...hooks[0].subscriptions].sort()).toEqual(['conversation_status_changed', 'message_created']);
			expect(hooks[0].account_id).toBe(env.accountId);
			webhookSecret = hooks[0].secret;
			expect(webhookSecret).toEqual(expect.any(String));

			// a demo conversation (open, API inbox) and its contact
			const state = await env.sim.state();
			const conv = state.conversations.find((c: any) => c.account_id === env.accountId && c.inbox_id === env.apiInboxId && c.status === 'open');
			expect(conv).toBeDefined();

			// 1. an agent's outgoing reply and 2. a private note: delivered (signed), answered, start nothing
			const outgoing = await agentPost(conv.display_id, { content: 'Agent reply (must not trigger)', message_type: 'outgoing' });
			const note = await agentPost(conv.display_id, { content: 'Private note (must not trigger)', message_type: 'outgoing', private: true });
			await env.sim.flush();
			const deliveries = (await env.sim.deliveries()).filter((d: any) => d.url === url);
			const forMsg = (id: number) => deliveries.filter((d: any) => d.messageId === id);
			expect(forMsg(outgoing.id).map((d: any) => [d.event, d.status])).toEqual([['message_created', 200]]);
			expect(forMsg(note.id).map((d: any) => [d.event, d.status])).toEqual([['message_created', 200]]);
			expect(forMsg(note.id)[0].headers['X-Chatwoot-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);

			// 3. a forged delivery: a real payload turned into an incoming message, signed with a wrong secret
			const forgedBody = JSON.stringify({
				...JSON.parse(forMsg(outgoing.id)[0].body),
				message_type: 'incoming',
				content: 'Forged (must not trigger)',
			});
			const ts = String(Math.floor(Date.now() / 1000));
			const forged = await fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-chatwoot-delivery': randomUUID(),
					'x-chatwoot-timestamp': ts,
					'x-chatwoot-signature': 'sha256=' + createHmac('sha256', 'not-the-secret').update(`${ts}.${forgedBody}`).digest('hex'),
				},
				body: forgedBody,
			});
			expect(forged.status).toBe(401);
			// unsigned: also refused
			const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: forgedBody });
			expect(unsigned.status).toBe(401);
			expect(await env.n8n.executions(wf.id)).toEqual([]);

			// 4. a customer writes: signed incoming message_created → exactly one execution carrying that message
			const sent = await env.sim.customerMessage({ inboxId: env.apiInboxId, conversationId: conv.display_id, contactId: conv.contact_id, content: 'Where is my parcel?' });
			await env.sim.flush();
			const incomingDeliveries = (await env.sim.deliveries()).filter((d: any) => d.url === url && d.messageId === sent.message.id);
			expect(incomingDeliveries.map((d: any) => [d.event, d.status])).toEqual([['message_created', 200]]);
			const execs = await env.n8n.waitForExecutions(wf.id, 1);
			expect(execs).toHaveLength(1);
			expect(execs[0].status).toBe('success');
			expect(execs[0].mode).toBe('webhook');
			const [item] = out(execs[0], 'Chatwoot Trigger');
			expect(item).toMatchObject({ event: 'message_created', id: sent.message.id, message_type: 'incoming', content: 'Where is my parcel?' });
			expect(item.conversation.id).toBe(conv.display_id);

			// deactivation removes the webhook from Chatwoot
			await env.n8n.deactivate(wf.id);
			hooks = await env.sim.waitForState('the webhook to be removed', (st) => {
				const found = st.webhooks.filter((w: any) => w.url === url);
				return found.length ? undefined : found;
			});
			expect(hooks).toEqual([]);
			expect((await env.sim.state()).webhooks).toEqual([]);
			expect(await env.n8n.executions(wf.id)).toHaveLength(1);
		},
		SCENARIO_TIMEOUT,
	);
});

describe('trigger, API inbox callback', () => {
	test(
		"activation points the inbox's callback URL at n8n, a delivery runs the workflow, deactivation restores the previous URL",
		async () => {
			const previous = 'http://127.0.0.1:9/previous-callback';
			const inbox = await env.sim.seed('inbox', { accountId: env.accountId, name: 'E2E API inbox', channelType: 'api', webhookUrl: previous });
			const webhookId = randomUUID();
			const wf = await env.n8n.createWorkflow(
				triggerWorkflow('E2E trigger (API inbox)', webhookId, {
					source: 'apiInbox',
					inboxId: { __rl: true, mode: 'id', value: String(inbox.id) },
					events: ['message_created'],
				}),
			);
			const url = `${env.n8n.webhookBase}webhook/${webhookId}/webhook`;
			await env.n8n.activate(wf.id);
			const inboxNow = async () => (await env.sim.state()).inboxes.find((i: any) => i.id === inbox.id);
			await env.sim.waitForState('the callback URL to be set', (st) => st.inboxes.find((i: any) => i.id === inbox.id && i.webhook_url !== previous));
			expect((await inboxNow()).webhook_url).toBe(url);
			expect((await env.sim.state()).webhooks).toEqual([]);

			// a new visitor writes: conversation_created + message_created go to the callback; Events lets one through
			const sent = await env.sim.customerMessage({ inboxId: inbox.id, name: 'Visitor E2E', content: 'Hello from the API inbox' });
			await env.sim.flush();
			const deliveries = (await env.sim.deliveries()).filter((d: any) => d.url === url);
			expect(deliveries.map((d: any) => d.event).sort()).toEqual(['conversation_created', 'message_created']);
			expect(deliveries.every((d: any) => d.status === 200 && d.kind === 'api_inbox')).toBe(true);
			const execs = await env.n8n.waitForExecutions(wf.id, 1);
			expect(execs).toHaveLength(1);
			expect(execs[0].status).toBe('success');
			const [item] = out(execs[0], 'Chatwoot Trigger');
			expect(item).toMatchObject({ event: 'message_created', id: sent.message.id, content: 'Hello from the API inbox' });
			expect(item.inbox.id).toBe(inbox.id);

			await env.n8n.deactivate(wf.id);
			await env.sim.waitForState('the callback URL to be restored', (st) => st.inboxes.find((i: any) => i.id === inbox.id && i.webhook_url !== url));
			expect((await inboxNow()).webhook_url).toBe(previous);
		},
		SCENARIO_TIMEOUT,
	);
});

describe('secrets', () => {
	test("the access token appears nowhere in n8n's database, execution data or logs; the webhook secret in no output item or log", async () => {
		const execs = await env.n8n.executions(undefined, { includeData: true, limit: 250 });
		expect(execs.length).toBeGreaterThanOrEqual(2);
		expect(JSON.stringify(execs)).not.toContain(env.token);
		expect(env.n8n.allLogs()).not.toContain(env.token);
		expect(env.n8n.filesContaining(env.token)).toEqual([]);
		expect(webhookSecret.length).toBeGreaterThan(10);
		// the secret lives in the workflow's static data (as n8n's own Stripe trigger keeps its webhook secret), which
		// n8n copies into each execution's workflowData; it must never reach an output item or a log
		expect(JSON.stringify(execs.map((e: any) => e.data.resultData))).not.toContain(webhookSecret);
		expect(env.n8n.allLogs()).not.toContain(webhookSecret);
		expect(env.n8n.filesContaining('Where is my parcel?').some((f) => f.includes('database.sqlite'))).toBe(true);
	});
});
