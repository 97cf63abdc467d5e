/**
 * Shared setup for the Chatwoot Trigger tests: the simulator, the trigger's webhook methods and
 * webhook() run inside n8n-core's real HookContext / WebhookContext (test/helpers/n8n-harness).
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, WorkflowExecuteMode } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../credentials/ChatwootSuiteApi.credentials';
import { ChatwootTrigger } from '../../../nodes/ChatwootTrigger/ChatwootTrigger.node';
import { secretKeyFor } from '../../../nodes/ChatwootTrigger/lifecycle';
import { rememberSecret } from '../../../nodes/ChatwootTrigger/secrets';
import { computeSignature } from '../../../nodes/ChatwootTrigger/signature';
import { expectRequestsMatchSpec } from '../../contract/spec';
import { runWebhook, runWebhookMethod } from '../../helpers/n8n-harness';
import type { RunWebhookResult } from '../../helpers/n8n-harness';

const { startSimulator } = require('../../simulator');

export type Simulator = any;

export const TOKEN = 'trigger-admin-token-0123456789';
export const AGENT_TOKEN = 'trigger-agent-token-0123456789';

export interface Env {
	sim: Simulator;
	accountId: number;
	adminId: number;
	agentId: number;
	apiInboxId: number;
	widgetInboxId: number;
	token: string;
}

export async function startEnv(): Promise<Simulator> {
	return await startSimulator();
}

/** Resets the simulator: one account, an administrator, an agent, an API inbox and a web-widget inbox. */
export function seedBasics(sim: Simulator): Env {
	sim.reset();
	const account = sim.seed.account({ name: 'Acme' });
	const admin = sim.seed.user({ name: 'Admin', email: 'admin@acme.test', role: 'administrator', accountIds: [account.id], accessToken: TOKEN });
	const agent = sim.seed.user({ name: 'Agent', email: 'agent@acme.test', role: 'agent', accountIds: [account.id], accessToken: AGENT_TOKEN });
	const apiInbox = sim.seed.inbox({ accountId: account.id, name: 'API', channelType: 'api', memberIds: [admin.id, agent.id] });
	const widgetInbox = sim.seed.inbox({ accountId: account.id, name: 'Widget', channelType: 'web_widget', memberIds: [admin.id] });
	return {
		sim,
		accountId: account.id,
		adminId: admin.id,
		agentId: agent.id,
		apiInboxId: apiInbox.id,
		widgetInboxId: widgetInbox.id,
		token: TOKEN,
	};
}

export const rl = (value: string | number, mode = 'id') => ({ __rl: true, mode, value: String(value) });

export const DEFAULT_URL = 'http://127.0.0.1:9/webhook/trigger-test/webhook';

export function credentials(env: Env, token = env.token) {
	return [
		{
			type: 'chatwootSuiteApi',
			data: { baseUrl: env.sim.url, accessToken: token, accountId: env.accountId },
			credentialClass: new ChatwootSuiteApi(),
		},
	];
}

export interface HookOptions {
	webhookUrl?: string;
	mode?: WorkflowExecuteMode;
	token?: string;
}

export async function hook(
	env: Env,
	method: 'checkExists' | 'create' | 'delete',
	parameters: IDataObject,
	staticData: IDataObject,
	options: HookOptions = {},
): Promise<boolean | undefined> {
	return await runWebhookMethod(new ChatwootTrigger(), method, {
		parameters,
		credentials: credentials(env, options.token),
		staticData,
		webhookUrl: options.webhookUrl ?? DEFAULT_URL,
		mode: options.mode,
		nodeName: 'Chatwoot Trigger',
	});
}

/** What n8n's ActiveWorkflowManager / TestWebhooks do on activation: checkExists, then create if needed. */
export async function activate(env: Env, parameters: IDataObject, staticData: IDataObject, options: HookOptions = {}) {
	const exists = await hook(env, 'checkExists', parameters, staticData, options);
	if (!exists) await hook(env, 'create', parameters, staticData, options);
	return exists;
}

export async function deactivate(env: Env, parameters: IDataObject, staticData: IDataObject, options: HookOptions = {}) {
	return await hook(env, 'delete', parameters, staticData, options);
}

export interface Delivery {
	headers: Record<string, string>;
	body: string | Buffer;
}

/**
 * For deliveries without a simulator: a credential whose Chatwoot does not answer (port 9), so the
 * trigger can only know a secret that primeSecret() put into its in-memory cache, as activation in
 * the same n8n process does. A fetch attempt fails (503).
 */
export const OFFLINE_BASE_URL = 'http://127.0.0.1:9';
const OFFLINE_ACCOUNT = 1;

function offlineCredentials() {
	return [
		{
			type: 'chatwootSuiteApi',
			data: { baseUrl: OFFLINE_BASE_URL, accessToken: 'offline-token-0123456789', accountId: OFFLINE_ACCOUNT },
			credentialClass: new ChatwootSuiteApi(),
		},
	];
}

/** What this process knows about a registration's secret (`webhook:<id>` or `inbox:<id>`; undefined = Chatwoot has none). */
export function primeSecret(record: string, secret: string | undefined, baseUrl = OFFLINE_BASE_URL, accountId: number = OFFLINE_ACCOUNT): void {
	rememberSecret(secretKeyFor(baseUrl, accountId, record), secret, Date.now());
}

let deliveryCounter = 0;

/**
 * Headers Chatwoot sends for a signed delivery (lib/webhooks/trigger.rb#request_headers). Without a
 * given timestamp each call uses a different second within the last 4 minutes: tests deliver the same
 * payload many times, and the same body at the same second is the same signature, i.e. a replay.
 */
export function signedDelivery(
	body: string | Buffer,
	secret: string,
	options: { timestamp?: number; delivery?: string | null } = {},
): Delivery {
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000) - (++deliveryCounter % 240));
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'x-chatwoot-timestamp': timestamp,
		'x-chatwoot-signature': computeSignature(secret, timestamp, body),
	};
	if (options.delivery !== null) headers['x-chatwoot-delivery'] = options.delivery ?? `delivery-${Date.now()}-${++deliveryCounter}`;
	return { headers, body };
}

/** Feeds one HTTP delivery into the trigger's webhook() (real WebhookContext). */
export async function deliver(
	parameters: IDataObject,
	staticData: IDataObject,
	delivery: Delivery,
	options: { mode?: WorkflowExecuteMode; parsedBody?: unknown; env?: Env; rawBodyMode?: 'eager' | 'lazy' | 'none' } = {},
): Promise<RunWebhookResult> {
	const rawBody = Buffer.isBuffer(delivery.body) ? delivery.body : Buffer.from(delivery.body, 'utf8');
	let parsed: unknown = options.parsedBody;
	if (parsed === undefined) {
		try {
			parsed = JSON.parse(rawBody.toString('utf8'));
		} catch {
			parsed = {};
		}
	}
	return await runWebhook(new ChatwootTrigger(), {
		parameters,
		credentials: options.env ? credentials(options.env) : offlineCredentials(),
		staticData,
		webhookUrl: DEFAULT_URL,
		mode: options.mode,
		nodeName: 'Chatwoot Trigger',
		request: { headers: delivery.headers, body: parsed, rawBody, rawBodyMode: options.rawBodyMode },
	});
}

/** Items the delivery produced (empty when it started nothing). */
export function items(result: RunWebhookResult): IDataObject[] {
	return (result.workflowData?.[0] ?? []).map((i) => i.json);
}

export function checkContract(sim: Simulator): void {
	const requests = (sim.requests as Array<{ path: string }>).filter((r) => !r.path.startsWith('/__sim'));
	if (requests.length) expectRequestsMatchSpec(requests as never);
}

/** Chatwoot requests (method + path without the account prefix) since the last clearRequests(). */
export function calls(env: Env): string[] {
	const prefix = `/api/v1/accounts/${env.accountId}`;
	return (env.sim.requests as Array<{ method: string; path: string }>)
		.filter((r) => !r.path.startsWith('/__sim'))
		.map((r) => `${r.method} ${r.path.startsWith(prefix) ? r.path.slice(prefix.length) : r.path}`);
}

export interface Receiver {
	url: string;
	requests: Array<{ headers: IncomingHttpHeaders; body: Buffer }>;
	close(): Promise<void>;
}

/**
 * A loopback HTTP server standing in for n8n's webhook endpoint: records each request and lets
 * `onRequest` answer it (e.g. by running the trigger's webhook()).
 */
export async function startReceiver(
	onRequest?: (req: { headers: IncomingHttpHeaders; body: Buffer }) => Promise<number>,
): Promise<Receiver> {
	const requests: Receiver['requests'] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const recorded = { headers: req.headers, body: Buffer.concat(chunks) };
			requests.push(recorded);
			const answer = onRequest ? onRequest(recorded) : Promise.resolve(200);
			answer
				.then((status) => {
					res.statusCode = status;
					res.end();
				})
				.catch(() => {
					res.statusCode = 500;
					res.end();
				});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/trigger-e2e/webhook`,
		requests,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
