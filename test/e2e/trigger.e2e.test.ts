// End-to-end: the Chatwoot Trigger inside a real n8n — activation registers with the simulator, signed deliveries
// start executions, filtered / forged / replayed / unsigned ones don't, deactivation cleans up; the signing secret is
// fetched by the process that receives (queue mode: the webhook process) and never stored; attachment downloads
// carry no token (issue 12).
import { createHmac, randomUUID } from 'crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { httpJson, N8nInstance, waitFor } from './harness';
import { manualWorkflow, SCENARIO_TIMEOUT, SETUP_TIMEOUT, startE2e, stopE2e } from './setup';
import type { E2eEnv } from './setup';

let env: E2eEnv;

beforeAll(async () => {
	env = await startE2e();
}, SETUP_TIMEOUT);

afterAll(async () => {
	await stopE2e(env);
}, SCENARIO_TIMEOUT);

const out = N8nInstance.nodeOutput;
const QUEUE_MODE = !!process.env.E2E_QUEUE_MODE;
/** the account webhook's signing secret, as Chatwoot handed it to the trigger */
let webhookSecret = '';
/** workflows whose static data must not contain a secret */
const triggerWorkflowIds: string[] = [];

/** Chatwoot API requests the simulator logged (method + path), excluding control calls. */
async function apiCalls(): Promise<string[]> {
	const log = (await env.sim.requests()) as Array<{ method: string; path: string }>;
	return log.filter((r) => !r.path.startsWith('/__sim')).map((r) => `${r.method} ${r.path}`);
}

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
			triggerWorkflowIds.push(wf.id);
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
			const listWebhooks = `GET /api/v1/accounts/${env.accountId}/webhooks`;
			const webhookListsBefore = (await apiCalls()).filter((c) => c === listWebhooks).length;

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
			// issue 12 item 5: the secret is not in static data, so the process that receives the deliveries knows it from
			// memory: the main process from the activation, queue mode's webhook process by asking Chatwoot once (on its
			// first delivery, the outgoing reply above; the forged one did not make it ask again within the minute)
			const webhookLists = (await apiCalls()).filter((c) => c === listWebhooks).length - webhookListsBefore;
			expect(webhookLists).toBe(QUEUE_MODE ? 1 : 0);

			// 5. issue 12 item 4: the signed delivery replayed with a new or without a delivery id → 401, no execution
			const original = incomingDeliveries[0];
			const replayHeaders: Record<string, string> = { 'content-type': 'application/json' };
			for (const [k, v] of Object.entries(original.headers as Record<string, string>)) {
				if (/^x-chatwoot-(timestamp|signature)$/i.test(k)) replayHeaders[k.toLowerCase()] = v;
			}
			const replayNewId = await fetch(url, { method: 'POST', headers: { ...replayHeaders, 'x-chatwoot-delivery': randomUUID() }, body: original.body });
			expect(replayNewId.status).toBe(401);
			expect(await replayNewId.text()).toBe('');
			const replayNoId = await fetch(url, { method: 'POST', headers: replayHeaders, body: original.body });
			expect(replayNoId.status).toBe(401);
			expect(await env.n8n.executions(wf.id)).toHaveLength(1);

			// 5. Ruby-style bytes (Rails' JSON escapes <, >, & as \u003c \u003e \u0026; text stays UTF-8), signed over
			// exactly those bytes, posted to n8n's real webhook endpoint: accepted. The same payload re-serialised by
			// JavaScript is different bytes, so the same signature must not verify it — n8n must hand the raw body over.
			const rubyPayload = { ...JSON.parse(incomingDeliveries[0].body), id: sent.message.id + 100_000, content: 'Grüße <b>Paket</b> & 📦 ok?' };
			const rubyBody = JSON.stringify(rubyPayload).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
			const jsBody = JSON.stringify(JSON.parse(rubyBody));
			expect(jsBody).not.toBe(rubyBody);
			const rubyTs = String(Math.floor(Date.now() / 1000));
			const rubySignature = 'sha256=' + createHmac('sha256', webhookSecret).update(`${rubyTs}.${rubyBody}`).digest('hex');
			const post = (body: string) =>
				fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json; charset=utf-8', 'x-chatwoot-delivery': randomUUID(), 'x-chatwoot-timestamp': rubyTs, 'x-chatwoot-signature': rubySignature },
					body,
				});
			expect((await post(jsBody)).status).toBe(401);
			expect((await post(rubyBody)).status).toBe(200);
			const afterRuby = await env.n8n.waitForExecutions(wf.id, 2);
			expect(afterRuby).toHaveLength(2);
			const rubyItems = afterRuby.map((e: any) => out(e, 'Chatwoot Trigger')[0]).filter((i: any) => i.id === rubyPayload.id);
			expect(rubyItems).toEqual([expect.objectContaining({ content: 'Grüße <b>Paket</b> & 📦 ok?', message_type: 'incoming' })]);

			// deactivation removes the webhook from Chatwoot
			await env.n8n.deactivate(wf.id);
			hooks = await env.sim.waitForState('the webhook to be removed', (st) => {
				const found = st.webhooks.filter((w: any) => w.url === url);
				return found.length ? undefined : found;
			});
			expect(hooks).toEqual([]);
			expect((await env.sim.state()).webhooks).toEqual([]);
			expect(await env.n8n.executions(wf.id)).toHaveLength(2);
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
			triggerWorkflowIds.push(wf.id);
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

describe('trigger, Chatwoot that does not sign (issue 12 item 3)', () => {
	test(
		'activation fails with a message about the signing secret and leaves no webhook behind (unsigned deliveries to a signed trigger: see the account webhook scenario)',
		async () => {
			await env.sim.control('POST', '/webhook-signing', { enabled: false });
			try {
				const webhookId = randomUUID();
				const wf = await env.n8n.createWorkflow(
					triggerWorkflow('E2E trigger (old Chatwoot)', webhookId, { source: 'accountWebhook', events: ['message_created'] }),
				);
				const url = `${env.n8n.webhookBase}webhook/${webhookId}/webhook`;
				const answer = await env.n8n.apiRaw('POST', `/workflows/${wf.id}/activate`);
				if (answer.status < 400) {
					// n8n >= 2.4x publishes after answering: the workflow stays "published" and the trigger's error is
					// in the publication status (what the editor shows); versions without that status flip `active` back
					const publication = await env.n8n.waitForPublication(wf.id);
					if (publication) {
						expect(publication.status).toBe('failed');
						expect(publication.triggers.map((t) => t.errorMessage).join(' ')).toContain('signing secret');
					} else {
						await waitFor('n8n to give up the activation', async () => {
							const w = await env.n8n.api('GET', `/workflows/${wf.id}`);
							return w.active === false ? true : undefined;
						});
					}
				} else {
					expect(answer.text).toContain('signing secret');
				}
				const state = await env.sim.waitForState('no webhook left at the URL', (st) =>
					st.webhooks.some((w: any) => w.url === url) ? undefined : st,
				);
				expect(state.webhooks.filter((w: any) => w.url === url)).toEqual([]);
				expect(await env.n8n.executions(wf.id)).toEqual([]);
			} finally {
				await env.sim.control('POST', '/webhook-signing', { enabled: true });
			}
		},
		SCENARIO_TIMEOUT,
	);
});

describe('attachment download in a real n8n (issue 12 items 1 and 2)', () => {
	test(
		"Message → Get Many → Download Attachments: the blob redirect to a storage host on another port carries no token; a sender's URL to a loopback service is not fetched",
		async () => {
			const seen: Array<{ port: 'storage' | 'internal'; path: string; headers: IncomingHttpHeaders }> = [];
			const serve = (port: 'storage' | 'internal', body: string) =>
				createServer((req, res) => {
					seen.push({ port, path: req.url ?? '', headers: req.headers });
					res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(Buffer.byteLength(body)) });
					res.end(body);
				});
			const storage = serve('storage', '%PDF-1.4 e2e');
			const internal = serve('internal', '{"internal":true}');
			await Promise.all([storage, internal].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
			const portOf = (s: typeof storage) => (s.address() as AddressInfo).port;
			try {
				await env.sim.control('POST', '/storage-url', { url: `http://127.0.0.1:${portOf(storage)}/bucket` });
				const state = await env.sim.state();
				const conv = state.conversations.find((c: any) => c.account_id === env.accountId && c.inbox_id === env.apiInboxId);
				await env.sim.seed('message', {
					accountId: env.accountId,
					conversationId: conv.display_id,
					content: 'E2E attachments',
					attachments: [
						{ filename: 'invoice.pdf', contentType: 'application/pdf', data: '%PDF-1.4 e2e' },
						{ filename: 'x', data: '', fileType: 'file', externalUrl: `http://127.0.0.1:${portOf(internal)}/admin` },
					],
				});
				const wf = await env.n8n.createWorkflow(
					manualWorkflow('E2E download attachments', [
						{
							name: 'Messages',
							type: 'n8n-nodes-chatwoot-suite.chatwoot',
							parameters: {
								resource: 'message',
								operation: 'getAll',
								conversationId: { __rl: true, mode: 'id', value: String(conv.display_id) },
								returnAll: true,
								options: { downloadAttachments: true },
							},
							credentials: { chatwootSuiteApi: env.cred },
						},
					]),
				);
				const run = await env.n8n.execute(wf.id);
				expect(run.output).not.toContain('Error executing workflow');
				expect(run.ok).toBe(true);
				const resultData = run.result.data ? run.result.data.resultData : run.result.resultData;
				const items = resultData.runData.Messages[0].data.main[0] as Array<{ json: any; binary?: Record<string, any> }>;
				const item = items.find((i) => i.json.content === 'E2E attachments')!;
				expect(Object.keys(item.binary ?? {})).toEqual(['attachment_0']);
				expect(item.json.skipped_attachments).toEqual([
					{ index: 1, id: expect.any(Number), file_type: 'file', reason: expect.stringContaining('not Chatwoot') },
				]);
				expect(seen.map((r) => [r.port, r.path.split('/')[1]])).toEqual([['storage', 'bucket']]);
				expect(JSON.stringify(seen[0].headers)).not.toContain(env.token);
				expect(seen[0].headers.api_access_token).toBeUndefined();
			} finally {
				await env.sim.control('POST', '/storage-url', { url: null });
				await Promise.all([storage, internal].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
			}
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
		// issue 12 item 5: the webhook secret is in no output item, no log, no workflow (static data) and no file of n8n
		expect(JSON.stringify(execs)).not.toContain(webhookSecret);
		expect(env.n8n.allLogs()).not.toContain(webhookSecret);
		for (const id of triggerWorkflowIds) {
			const wf = await env.n8n.api('GET', `/workflows/${id}`);
			expect(JSON.stringify(wf)).not.toContain(webhookSecret);
			expect(JSON.stringify(wf.staticData ?? {})).not.toMatch(/"secret"/);
		}
		expect(env.n8n.filesContaining(webhookSecret)).toEqual([]);
		expect(env.n8n.filesContaining('Where is my parcel?').some((f) => f.includes('database.sqlite'))).toBe(true);
	});
});
