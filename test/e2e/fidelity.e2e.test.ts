// End-to-end (real n8n + the packed package + the simulator): behaviours the fidelity review found broken against a
// real Chatwoot — the credential test for a non-existent account (A2) and Client API Contact → Get on an inbox that
// enforces identity validation (A1/A3).
import { createHmac } from 'crypto';

import { httpJson, N8nInstance } from './harness';
import { manualWorkflow, SCENARIO_TIMEOUT, SETUP_TIMEOUT, startE2e, stopE2e } from './setup';
import type { E2eEnv } from './setup';

let env: E2eEnv;

beforeAll(async () => {
	env = await startE2e();
}, SETUP_TIMEOUT);

afterAll(async () => {
	await stopE2e(env);
}, SCENARIO_TIMEOUT);

/** n8n's own "Test" button: POST /rest/credentials/test with the stored credential (CredentialsController#testCredentials). */
async function testCredential(cred: { id: string; name: string }, data: Record<string, unknown>) {
	const r = await httpJson('POST', `${env.n8n.baseUrl}/rest/credentials/test`, {
		cookie: env.n8n.cookie,
		body: { credentials: { id: cred.id, name: cred.name, type: 'chatwootSuiteApi', data } },
	});
	expect(r.status).toBe(200);
	return r.json.data as { status: 'OK' | 'Error'; message: string };
}

describe('credential test through n8n (fidelity review A2)', () => {
	test(
		'a valid credential passes; one with a non-existent Account ID fails (Chatwoot answers both with 404 on conversation 0)',
		async () => {
			const good = { baseUrl: env.sim.url, accessToken: env.token, accountId: env.accountId };
			expect(await testCredential(env.cred, good)).toEqual({ status: 'OK', message: expect.stringContaining(`account ${env.accountId}`) });

			const wrong = { ...good, accountId: 987654 };
			const cred = await env.n8n.createCredential('Chatwoot (wrong account)', 'chatwootSuiteApi', wrong);
			const result = await testCredential(cred, wrong);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/not a member of account 987654/);
			// the secret never shows up in the answer
			expect(JSON.stringify(result)).not.toContain(env.token);
		},
		SCENARIO_TIMEOUT,
	);
});

describe('Client API Contact → Get on an inbox that enforces identity validation (fidelity review A1, A3)', () => {
	test(
		'create with an identifier, then Get with the identifier: both succeed and the contact ends verified',
		async () => {
			const hmacToken = 'E2eHmacToken000000000001';
			const inbox = await env.sim.seed('inbox', {
				accountId: env.accountId,
				name: 'Verified API',
				channelType: 'api',
				hmacMandatory: true,
				inboxIdentifier: 'E2eVerifiedInbox00000001',
				hmacToken,
			});
			const clientCred = await env.n8n.createCredential('Chatwoot Client (HMAC)', 'chatwootSuiteClientApi', {
				baseUrl: env.sim.url,
				inboxIdentifier: inbox.inbox_identifier,
				hmacToken,
			});
			const credentials = { chatwootSuiteClientApi: { id: clientCred.id, name: clientCred.name } };
			const node = (name: string, parameters: Record<string, unknown>) => ({
				name,
				type: 'n8n-nodes-chatwoot-suite.chatwootClient',
				parameters,
				credentials: { chatwootSuiteClientApi: credentials.chatwootSuiteClientApi },
			});
			const wf = await env.n8n.createWorkflow(
				manualWorkflow('fidelity: client contact get with HMAC', [
					node('Create Contact', { resource: 'contact', operation: 'create', additionalFields: { identifier: 'member-42', name: 'Verified Member' } }),
					node('Get Contact', { resource: 'contact', operation: 'get', contactIdentifier: '={{ $json.source_id }}', identifier: 'member-42' }),
				]),
				credentials,
			);
			const run = await env.n8n.execute(wf.id);
			expect(run.output).not.toContain('Error executing workflow');
			expect(run.ok).toBe(true);
			const [created] = N8nInstance.nodeOutput(run.result, 'Create Contact');
			const [got] = N8nInstance.nodeOutput(run.result, 'Get Contact');
			expect(got).toMatchObject({ id: created.id, source_id: created.source_id, name: 'Verified Member' });

			const requests = (await env.sim.requests()).filter((r: any) => String(r.path).startsWith(`/public/api/v1/inboxes/${inbox.inbox_identifier}/contacts/`));
			const hash = createHmac('sha256', hmacToken).update('member-42').digest('hex');
			expect(requests.every((r: any) => r.method === 'GET' && r.status === 200 && r.query.identifier_hash === hash)).toBe(true);
			const state = await env.sim.state();
			expect(state.contactInboxes.find((ci: any) => ci.source_id === created.source_id)).toMatchObject({ hmac_verified: true });
		},
		SCENARIO_TIMEOUT,
	);
});

describe("Return All through Chatwoot's own 429 (fidelity review A7)", () => {
	test(
		'a 429 without Retry-After (as Rack::Attack answers) pauses until the next clock minute and the list completes',
		async () => {
			const { accountId } = env;
			await env.sim.seedMany('contacts', { accountId, n: 40 });
			// one 429 on the contact list, answered like config/initializers/rack_attack.rb does: text/plain "Retry later",
			// no Retry-After header (the simulator's default); the node must wait for the next minute window, not give up
			await env.sim.control('POST', '/requests/clear');
			await env.sim.control('POST', '/faults', { rate: 1, kinds: ['429'], methods: ['GET'], pathPattern: '/contacts$', limit: 1 });
			try {
				const wf = await env.n8n.createWorkflow(
					manualWorkflow('E2E return all through a 429', [
						{
							name: 'All Contacts',
							type: 'n8n-nodes-chatwoot-suite.chatwoot',
							parameters: { resource: 'contact', operation: 'getAll', returnAll: true },
							credentials: { chatwootSuiteApi: env.cred },
						},
					]),
					env.credentials,
				);
				const run = await env.n8n.execute(wf.id);
				expect(run.ok).toBe(true);
				const requests = (await env.sim.requests()).filter((r: any) => /\/contacts$/.test(r.path));
				const throttled = requests.filter((r: any) => r.status === 429);
				expect(throttled).toHaveLength(1);
				const state = await env.sim.state();
				const expected = state.contacts.filter((c: any) => c.account_id === accountId).map((c: any) => c.id);
				const got = N8nInstance.nodeOutput(run.result, 'All Contacts').map((c: any) => c.id);
				expect([...got].sort((a, b) => a - b)).toEqual([...expected].sort((a: number, b: number) => a - b));
			} finally {
				await env.sim.control('POST', '/faults', {});
			}
		},
		SCENARIO_TIMEOUT,
	);
});
