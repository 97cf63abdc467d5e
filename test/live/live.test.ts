/**
 * Against a REAL Chatwoot, opt-in: set CHATWOOT_URL, CHATWOOT_TOKEN (an administrator's user
 * token) and optionally CHATWOOT_ACCOUNT_ID (default 1). Without them this file is skipped;
 * the simulator-backed suites cover the same operations. It creates contacts and deletes them.
 * Optional:
 *  - CHATWOOT_INBOX_IDENTIFIER + CHATWOOT_HMAC_TOKEN of an API inbox: the Client API identity (HMAC) checks
 *    (with CHATWOOT_HMAC_MANDATORY=1 when that inbox enforces identity validation);
 *  - CHATWOOT_BOT_TOKEN: an agent-bot token of the account (credential test);
 *  - CHATWOOT_LIVE_RATE_LIMIT=1: spends the account's contact-search throttle (100/min) to see the 429 shape;
 *    only a production Chatwoot throttles (Rack::Attack is enabled in production only).
 * The same checks run against the simulator in test/simulator/oracle and the node tests (fidelity review).
 */
import { createHmac } from 'crypto';
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialsDecrypted, IDataObject } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../credentials/ChatwootSuiteApi.credentials';
import { ChatwootSuiteClientApi } from '../../credentials/ChatwootSuiteClientApi.credentials';
import { Chatwoot } from '../../nodes/Chatwoot/Chatwoot.node';
import { ChatwootClient } from '../../nodes/ChatwootClient/ChatwootClient.node';
import { chatwootApiCredentialTest } from '../../nodes/shared/methods/credentialTest';
import { ensureN8nEnvironment, runNode } from '../helpers/n8n-harness';

const url = process.env.CHATWOOT_URL;
const token = process.env.CHATWOOT_TOKEN;
const accountId = Number(process.env.CHATWOOT_ACCOUNT_ID ?? 1);
const live = url && token ? describe : describe.skip;
const inboxIdentifier = process.env.CHATWOOT_INBOX_IDENTIFIER;
const hmacToken = process.env.CHATWOOT_HMAC_TOKEN;
const liveHmac = url && token && inboxIdentifier && hmacToken ? describe : describe.skip;
const liveRateLimit = url && token && process.env.CHATWOOT_LIVE_RATE_LIMIT === '1' ? describe : describe.skip;
const base = () => String(url).replace(/\/+$/, '');

async function api(method: string, path: string, body?: unknown, accessToken = token!) {
	const res = await fetch(`${base()}${path}`, {
		method,
		headers: { api_access_token: accessToken, 'content-type': 'application/json', accept: 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

async function credentialTest(data: IDataObject) {
	ensureN8nEnvironment();
	return await chatwootApiCredentialTest.call(new CredentialTestContext(), { id: 'live', name: 'live', type: 'chatwootSuiteApi', data } as ICredentialsDecrypted);
}

async function runClient(parameters: IDataObject, credential: IDataObject = {}) {
	const [out] = await runNode(new ChatwootClient(), {
		parameters,
		credentials: [
			{ type: 'chatwootSuiteClientApi', data: { baseUrl: url!, inboxIdentifier: inboxIdentifier!, hmacToken: hmacToken!, ...credential }, credentialClass: new ChatwootSuiteClientApi() },
		],
	});
	return out.map((i) => i.json);
}

async function run(parameters: IDataObject, accessToken = token!) {
	const [out] = await runNode(new Chatwoot(), {
		parameters,
		credentials: [{ type: 'chatwootSuiteApi', data: { baseUrl: url!, accessToken, accountId }, credentialClass: new ChatwootSuiteApi() }],
	});
	return out.map((i) => i.json);
}

live('real Chatwoot (CHATWOOT_URL)', () => {
	const email = `n8n-live-${Date.now()}@example.com`;
	let contactId: number | undefined;

	afterAll(async () => {
		if (contactId) await run({ resource: 'contact', operation: 'delete', contactId: { __rl: true, mode: 'id', value: String(contactId) } });
	});

	it('lists inboxes and conversations', async () => {
		expect(Array.isArray(await run({ resource: 'inbox', operation: 'getAll', returnAll: true }))).toBe(true);
		const conversations = await run({ resource: 'conversation', operation: 'getAll', status: 'all', returnAll: false, limit: 30 });
		expect(conversations.length).toBeLessThanOrEqual(30);
	});

	it('creates, labels, reads and finds a contact', async () => {
		const [created] = await run({ resource: 'contact', operation: 'create', name: 'n8n live test', email });
		contactId = Number(created.id);
		expect(created.email).toBe(email);
		const [found] = await run({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: String(contactId) } });
		expect(found.id).toBe(contactId);
		const [upserted] = await run({ resource: 'contact', operation: 'upsert', email, name: 'n8n live test 2' });
		expect(upserted).toMatchObject({ id: contactId, upsert_action: 'updated' });
	});

	it('says clearly that a wrong token is wrong', async () => {
		await expect(run({ resource: 'inbox', operation: 'getAll', returnAll: true }, 'definitely-not-a-token')).rejects.toThrow(
			/rejected the access token/,
		);
	});
});

live('real Chatwoot: credential test and API shapes (fidelity review A2, A8, A9)', () => {
	it('the credential test accepts the token with its account', async () => {
		expect((await credentialTest({ baseUrl: url, accessToken: token, accountId })).status).toBe('OK');
	});

	it('the credential test fails for an Account ID that does not exist (Chatwoot answers it with the same 404 as conversation 0)', async () => {
		const probe = await api('GET', '/api/v1/accounts/987654321/conversations/0');
		expect(probe.status).toBe(404);
		expect(probe.json).toEqual({ error: 'Resource could not be found' });
		const result = await credentialTest({ baseUrl: url, accessToken: token, accountId: 987654321 });
		expect(result.status).toBe('Error');
	});

	(process.env.CHATWOOT_BOT_TOKEN ? it : it.skip)('an agent-bot token: accepted for its account, and the probe of another account id is refused or not found', async () => {
		const bot = process.env.CHATWOOT_BOT_TOKEN!;
		expect((await credentialTest({ baseUrl: url, accessToken: bot, accountId })).status).toBe('OK');
		const profile = await api('GET', '/api/v1/profile', undefined, bot);
		expect(profile.json).toEqual({ error: 'Access to this endpoint is not authorized for bots' });
	});

	it('a contact filter on an unknown attribute key answers 422 naming the allowed keys', async () => {
		const r = await api('POST', `/api/v1/accounts/${accountId}/contacts/filter`, {
			payload: [{ attribute_key: 'company', filter_operator: 'equal_to', values: ['x'], query_operator: null }],
		});
		expect(r.status).toBe(422);
		expect(r.json.error).toMatch(/^Invalid attribute key - \[company\]\. The key should be one of \[name,phone_number,email,identifier,country_code,city,company_name,labels,created_at,last_activity_at,blocked\]/);
	});

	it('a contact filter operator not allowed for the key answers 422', async () => {
		const r = await api('POST', `/api/v1/accounts/${accountId}/contacts/filter`, {
			payload: [{ attribute_key: 'identifier', filter_operator: 'contains', values: ['x'], query_operator: null }],
		});
		expect(r.status).toBe(422);
		expect(r.json.error).toBe('Invalid operator. The allowed operators for identifier are [equal_to,not_equal_to].');
	});
});

liveHmac('real Chatwoot: Client API identity (HMAC) (fidelity review A1, A3)', () => {
	const identifier = `n8n-live-${Date.now()}`;
	const hash = () => createHmac('sha256', hmacToken!).update(identifier).digest('hex');
	let sourceId: string;

	it('create with identifier_hash does not verify the contact; a GET with it does', async () => {
		const P = `/public/api/v1/inboxes/${inboxIdentifier}`;
		const created = await fetch(`${base()}${P}/contacts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ identifier, identifier_hash: hash(), name: 'n8n live hmac' }),
		}).then(async (r) => (await r.json()) as IDataObject);
		sourceId = String(created.source_id);
		const conversation = await fetch(`${base()}${P}/contacts/${sourceId}/conversations`, { method: 'POST' }).then(async (r) => (await r.json()) as IDataObject);
		let seen = await api('GET', `/api/v1/accounts/${accountId}/conversations/${String(conversation.id)}`);
		expect(seen.json.meta.hmac_verified).toBe(false);
		const get = await fetch(`${base()}${P}/contacts/${sourceId}?identifier=${identifier}&identifier_hash=${hash()}`);
		expect(get.status).toBe(200);
		seen = await api('GET', `/api/v1/accounts/${accountId}/conversations/${String(conversation.id)}`);
		expect(seen.json.meta.hmac_verified).toBe(true);
	});

	(process.env.CHATWOOT_HMAC_MANDATORY === '1' ? it : it.skip)('an enforcing inbox answers a GET without the hash with HTTP 500; the node\'s Get with the identifier works', async () => {
		const bare = await fetch(`${base()}/public/api/v1/inboxes/${inboxIdentifier}/contacts/${sourceId}`);
		expect(bare.status).toBe(500);
		const [out] = await runClient({ resource: 'contact', operation: 'get', contactIdentifier: sourceId, identifier });
		expect(out.source_id).toBe(sourceId);
	});
});

liveRateLimit('real Chatwoot: rate limit answer (Rack::Attack)', () => {
	it('the contact-search throttle answers 429 text/plain "Retry later" without Retry-After', async () => {
		let limited: Awaited<ReturnType<typeof api>> | undefined;
		for (let i = 0; i < 120 && !limited; i++) {
			const r = await api('GET', `/api/v1/accounts/${accountId}/contacts/search?q=n8n-live-rate-${i}`);
			if (r.status === 429) limited = r;
		}
		expect(limited).toBeDefined();
		expect(limited!.text).toBe('Retry later\n');
		expect(limited!.headers.get('content-type')).toMatch(/text\/plain/);
		expect(limited!.headers.get('retry-after')).toBeNull();
	});
});

