/**
 * The credentials' "Test" buttons, run the way n8n's CredentialsTester runs them: the
 * declarative `test.request` as the routing of a temporary node, executed by n8n-core's
 * RoutingNode (real httpRequestWithAuthentication, real expression resolution), then the
 * `rules` applied to the response. (n8n/dist/services/credentials-tester.service.js)
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { ICredentialType, IDataObject, INodeType } from 'n8n-workflow';

import { CredentialTestContext } from 'n8n-core';
import type { ICredentialsDecrypted } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../nodes/Chatwoot/Chatwoot.node';
import { ChatwootTrigger } from '../../nodes/ChatwootTrigger/ChatwootTrigger.node';
import { ChatwootSuiteClientApi } from '../../credentials/ChatwootSuiteClientApi.credentials';
import { ChatwootSuitePlatformApi } from '../../credentials/ChatwootSuitePlatformApi.credentials';
import { ensureN8nEnvironment, runNode } from '../helpers/n8n-harness';
import { startEchoServer } from '../helpers/servers';
import { startSimulator } from '../simulator';
import type { ChatwootSimulator } from '../simulator';

/** lodash.get's path syntax, as n8n uses for the rules: `a.b`, `errors[0]`. */
function get(value: unknown, path: string): unknown {
	return path
		.split(/[.[\]]/)
		.filter((key) => key !== '')
		.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as IDataObject)[key] : undefined), value);
}

interface TestResult {
	status: 'OK' | 'Error';
	message: string;
}

async function testCredential(credential: ICredentialType, data: IDataObject): Promise<TestResult> {
	const test = credential.test!;
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'tempCredentialTest',
			group: ['transform'],
			version: 1,
			description: 'credential test',
			defaults: { name: 'Temp' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credential.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	let json: unknown;
	try {
		const [out] = await runNode(nodeType, { parameters: {}, credentials: [{ type: credential.name, data, credentialClass: credential }] });
		json = out[0]?.json;
	} catch (error) {
		const status = Number((error as { httpCode?: string }).httpCode);
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === status) return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'Error', message: (error as Error).message };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && get(json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

let sim: ChatwootSimulator;
let accountId: number;
let otherAccountId: number;
let userToken: string;
let botToken: string;
let inboxIdentifier: string;
const platformToken = 'credential-test-platform-token-01';

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
	const account = sim.seed.account({ name: 'Acme' });
	accountId = account.id;
	otherAccountId = sim.seed.account({ name: 'Other' }).id;
	userToken = sim.seed.user({ name: 'Agent', email: 'agent@acme.test', role: 'agent', accountIds: [accountId] }).access_token;
	botToken = sim.seed.agentBot({ name: 'Bot', accountId }).access_token;
	inboxIdentifier = String(sim.seed.inbox({ accountId, name: "API", channelType: "api" }).inbox_identifier);
	sim.seed.platformApp({ name: 'Provisioner', accessToken: platformToken });
});
afterAll(async () => sim.close());

/**
 * chatwootSuiteApi has no declarative test: n8n's CredentialsTester finds `testedBy` on the nodes and calls the node's
 * `methods.credentialTest` function with a real n8n-core CredentialTestContext (its legacy `helpers.request`).
 */
async function testApiCredential(data: IDataObject): Promise<TestResult> {
	ensureN8nEnvironment();
	const nodes = [new Chatwoot(), new ChatwootTrigger()];
	for (const node of nodes) {
		const entry = node.description.credentials?.find((c) => c.name === 'chatwootSuiteApi');
		expect(entry?.testedBy).toBe('chatwootApiCredentialTest');
	}
	const fn = nodes[0].methods!.credentialTest!.chatwootApiCredentialTest;
	expect(nodes[1].methods!.credentialTest!.chatwootApiCredentialTest).toBe(fn);
	const result = await fn.call(new CredentialTestContext(), { id: '1', name: 'c', type: 'chatwootSuiteApi', data } as ICredentialsDecrypted);
	return result as TestResult;
}

describe('Chatwoot API credential test', () => {
	const api = new ChatwootSuiteApi();
	const data = (overrides: IDataObject = {}) => ({ baseUrl: sim.url, accessToken: userToken, accountId, ...overrides });

	it('has no declarative test, so n8n uses the nodes\' testedBy function', () => {
		expect((api as ICredentialType).test).toBeUndefined();
	});

	it('accepts a user token of the account and names the account', async () => {
		expect(await testApiCredential(data())).toEqual({ status: 'OK', message: `Connection successful: account ${accountId} (Acme).` });
	});

	it('accepts an agent-bot token of the account (bots may not call /profile)', async () => {
		const result = await testApiCredential(data({ accessToken: botToken }));
		expect(result.status).toBe('OK');
		expect(result.message).toMatch(/Agent-bot token accepted/);
	});

	it('forgives /api/v1, /app/... and trailing slashes in the base URL', async () => {
		for (const suffix of ['/', '/api/v1/', `/app/accounts/${accountId}/dashboard`]) {
			expect((await testApiCredential(data({ baseUrl: ` ${sim.url}${suffix} ` }))).status).toBe('OK');
		}
	});

	it('says when Chatwoot received no token (empty field, or a proxy dropping underscore headers)', async () => {
		const result = await testApiCredential(data({ accessToken: '' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/received no access token.*underscores_in_headers/);
	});

	it('says the token is wrong', async () => {
		const result = await testApiCredential(data({ accessToken: 'wrong-token' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rejected the access token/);
	});

	it('says a Platform App token belongs in the Chatwoot Platform API credential', async () => {
		const result = await testApiCredential(data({ accessToken: platformToken }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/This is a Platform App token: it works only with the Platform API/);
	});

	it('says the token has no access to that account, and which accounts it has', async () => {
		const result = await testApiCredential(data({ accountId: otherAccountId }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(new RegExp(`not a member of account ${otherAccountId}; it can use account ${accountId} \\(Acme\\)`));
	});

	// fidelity review A2: Chatwoot answers an unknown account id with the same 404 as the conversation-0 probe
	it('fails for an Account ID that does not exist (user token)', async () => {
		const result = await testApiCredential(data({ accountId: 987654 }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/not a member of account 987654/);
	});

	it("fails for an agent-bot token of another account (401 'Bot is not authorized to access this account')", async () => {
		const result = await testApiCredential(data({ accessToken: botToken, accountId: otherAccountId }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/agent-bot token belongs to another account/);
	});

	it("fails on Chatwoot Cloud's 403 'API access is not enabled for this account', for users and bots", async () => {
		const cloud = sim.seed.account({ name: 'Cloud free', apiAccess: false });
		const user = sim.seed.user({ name: 'Free', email: 'free@cloud.test', role: 'administrator', accountIds: [cloud.id] });
		const bot = sim.seed.agentBot({ name: 'Free bot', accountId: cloud.id });
		for (const token of [user.access_token, bot.access_token]) {
			const result = await testApiCredential(data({ accessToken: token, accountId: cloud.id }));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/refuses API access for this account/);
		}
	});

	it('fails for a suspended account', async () => {
		const suspended = sim.seed.account({ name: 'Gone', status: 'suspended' });
		const user = sim.seed.user({ name: 'S', email: 's@gone.test', role: 'administrator', accountIds: [suspended.id] });
		const result = await testApiCredential(data({ accessToken: user.access_token, accountId: suspended.id }));
		expect(result).toEqual({ status: 'Error', message: 'This Chatwoot account is suspended.' });
	});

	it('says when the address is not a Chatwoot server', async () => {
		const other = await startEchoServer();
		other.setDefault({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Welcome</html>' });
		try {
			const result = await testApiCredential(data({ baseUrl: other.url }));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/did not answer like a Chatwoot server/);
		} finally {
			await other.close();
		}
	});

	it('never sends the token anywhere but the api_access_token header of the credential\'s Chatwoot', async () => {
		sim.clearRequests();
		await testApiCredential(data());
		expect(sim.requests.map((r) => r.path)).toEqual(['/api/v1/profile', `/api/v1/accounts/${accountId}/conversations/0`]);
		expect(JSON.stringify(sim.requests)).not.toContain(userToken);
		expect(sim.requests.every((r) => r.headers.api_access_token === '[redacted]')).toBe(true);
	});
});

describe('Chatwoot Client API credential test', () => {
	const client = new ChatwootSuiteClientApi();

	it('accepts an existing API inbox identifier', async () => {
		expect((await testCredential(client, { baseUrl: `${sim.url}/`, inboxIdentifier })).status).toBe('OK');
	});

	it('says the inbox identifier is unknown', async () => {
		const result = await testCredential(client, { baseUrl: sim.url, inboxIdentifier: 'nope' });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/no API inbox with this inbox identifier/) });
	});
});

describe('Chatwoot Platform API credential test', () => {
	const platform = new ChatwootSuitePlatformApi();
	const data = (overrides: IDataObject = {}) => ({ baseUrl: sim.url, accessToken: platformToken, ...overrides });

	it('accepts a Platform App token, also with /platform/api/v1 pasted after the address', async () => {
		expect(await testCredential(platform, data())).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect((await testCredential(platform, data({ baseUrl: `${sim.url}/platform/api/v1/` }))).status).toBe('OK');
	});

	// platform_controller.rb:22-25: a token whose owner is not a PlatformApp gets 401 "Invalid access_token"
	// (spec/controllers/platform/api/v1/accounts_controller_spec.rb:14-19 with an invalid token).
	it.each([
		['a user access token (even an administrator\'s)', () => userToken],
		["an agent bot's access token", () => botToken],
		['an unknown token', () => 'no-such-token'],
	])('refuses %s and says a Platform App token is needed', async (_what, token) => {
		const result = await testCredential(platform, data({ accessToken: token() }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/did not accept this as a Platform App token/);
	});

	it('says when the address has no Platform API', async () => {
		const other = await startEchoServer();
		other.setDefault({ status: 404, headers: { 'content-type': 'text/html' }, body: '<html>Not here</html>' });
		try {
			const result = await testCredential(platform, data({ baseUrl: other.url }));
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/no Chatwoot Platform API/) });
		} finally {
			await other.close();
		}
	});

	it('sends the token only as the api_access_token header, to the read-only bot list', async () => {
		sim.clearRequests();
		await testCredential(platform, data());
		const [request] = sim.requests;
		expect(request).toMatchObject({ method: 'GET', path: '/platform/api/v1/agent_bots', status: 200 });
		expect(JSON.stringify(request)).not.toContain(platformToken);
	});
});
