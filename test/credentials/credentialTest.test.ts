/**
 * The credentials' "Test" buttons, run the way n8n's CredentialsTester runs them: the
 * declarative `test.request` as the routing of a temporary node, executed by n8n-core's
 * RoutingNode (real httpRequestWithAuthentication, real expression resolution), then the
 * `rules` applied to the response. (n8n/dist/services/credentials-tester.service.js)
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { ICredentialType, IDataObject, INodeType } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../credentials/ChatwootSuiteApi.credentials';
import { ChatwootSuiteClientApi } from '../../credentials/ChatwootSuiteClientApi.credentials';
import { ChatwootSuitePlatformApi } from '../../credentials/ChatwootSuitePlatformApi.credentials';
import { runNode } from '../helpers/n8n-harness';
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

describe('Chatwoot API credential test', () => {
	const api = new ChatwootSuiteApi();
	const data = (overrides: IDataObject = {}) => ({ baseUrl: sim.url, accessToken: userToken, accountId, ...overrides });

	it('accepts a user token of the account', async () => {
		expect(await testCredential(api, data())).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('accepts an agent-bot token of the account (bots may not call /profile)', async () => {
		expect((await testCredential(api, data({ accessToken: botToken }))).status).toBe('OK');
	});

	it('forgives /api/v1, /app/... and trailing slashes in the base URL', async () => {
		for (const suffix of ['/', '/api/v1/', `/app/accounts/${accountId}/dashboard`]) {
			expect((await testCredential(api, data({ baseUrl: ` ${sim.url}${suffix} ` }))).status).toBe('OK');
		}
	});

	it('says the token is wrong', async () => {
		const result = await testCredential(api, data({ accessToken: 'wrong-token' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rejected the access token/);
	});

	it('says a Platform App token belongs in the Chatwoot Platform API credential', async () => {
		const result = await testCredential(api, data({ accessToken: platformToken }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/This is a Platform App token: it works only with the Platform API/);
	});

	it('says the token has no access to that account', async () => {
		const result = await testCredential(api, data({ accountId: otherAccountId }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/no access to this Account ID/);
	});

	it('says when the address is not a Chatwoot server', async () => {
		const other = await startEchoServer();
		other.setDefault({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Welcome</html>' });
		try {
			const result = await testCredential(api, data({ baseUrl: other.url }));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/did not answer like a Chatwoot server/);
		} finally {
			await other.close();
		}
	});

	it('never sends the token anywhere but the api_access_token header', async () => {
		sim.clearRequests();
		await testCredential(api, data());
		const [request] = sim.requests;
		expect(request.path).toBe(`/api/v1/accounts/${accountId}/conversations/0`);
		expect(JSON.stringify(request)).not.toContain(userToken);
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
