// Shared helpers for the simulator's own tests (not a test file).
import { startSimulator, ChatwootSimulator } from './index';

export interface ApiResponse {
	status: number;
	headers: Headers;
	text: string;
	json: any;
}

export async function call(
	sim: ChatwootSimulator,
	method: string,
	path: string,
	opts: { token?: string | null; body?: unknown; form?: FormData; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
	const headers: Record<string, string> = { ...(opts.headers || {}) };
	if (opts.token) headers.api_access_token = opts.token;
	let body: any;
	if (opts.form) body = opts.form;
	else if (opts.body !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(opts.body);
	}
	const res = await fetch(sim.url + path, { method, headers, body, redirect: 'manual' });
	const text = await res.text();
	let json: any;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

export interface World {
	sim: ChatwootSimulator;
	accountId: number;
	admin: { id: number; access_token: string };
	agent: { id: number; access_token: string };
	apiInbox: ReturnType<ChatwootSimulator['seed']['inbox']>;
	widgetInbox: ReturnType<ChatwootSimulator['seed']['inbox']>;
	A: string;
}

/** One account with an admin, an agent (member of the widget inbox only), an API inbox and a web widget inbox. */
export function seedWorld(sim: ChatwootSimulator): World {
	const account = sim.seed.account({ name: 'Acme' });
	const admin = sim.seed.user({ name: 'Alice', email: 'alice@acme.test', role: 'administrator', accountIds: [account.id] });
	const agent = sim.seed.user({ name: 'Bob', email: 'bob@acme.test', role: 'agent', accountIds: [account.id] });
	const apiInbox = sim.seed.inbox({ accountId: account.id, name: 'API', channelType: 'api', memberIds: [admin.id] });
	const widgetInbox = sim.seed.inbox({ accountId: account.id, name: 'Widget', channelType: 'web_widget', memberIds: [admin.id, agent.id] });
	return { sim, accountId: account.id, admin, agent, apiInbox, widgetInbox, A: `/api/v1/accounts/${account.id}` };
}

export async function withSim(): Promise<ChatwootSimulator> {
	return startSimulator({ port: 0 });
}
