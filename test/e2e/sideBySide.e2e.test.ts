// End-to-end: this package installed next to the most-used other Chatwoot package in one n8n. Our names are our own
// (node types n8n-nodes-chatwoot-suite.*, credential types chatwootSuiteApi/chatwootSuiteClientApi), so both load,
// each node gets its own credential form, and workflows of both run in the same n8n.
import { N8nInstance } from './harness';
import { manualWorkflow, SCENARIO_TIMEOUT, SETUP_TIMEOUT, startE2e, stopE2e } from './setup';
import type { E2eEnv } from './setup';

const PEER = '@devlikeapro/n8n-nodes-chatwoot';
const PEER_VERSION = '1.0.2';

let env: E2eEnv;

beforeAll(async () => {
	env = await startE2e({ peerPackages: [`${PEER}@${PEER_VERSION}`] });
}, SETUP_TIMEOUT);

afterAll(async () => {
	await stopE2e(env);
}, SCENARIO_TIMEOUT);

describe(`side by side with ${PEER}@${PEER_VERSION}`, () => {
	test(
		'n8n loads the node types of both packages',
		async () => {
			const names = (await env.n8n.exportNodeTypes()).map((n) => n.name);
			expect(names).toEqual(
				expect.arrayContaining([
					'n8n-nodes-chatwoot-suite.chatwoot',
					'n8n-nodes-chatwoot-suite.chatwootTrigger',
					'n8n-nodes-chatwoot-suite.chatwootClient',
					`${PEER}.chatWoot`,
				]),
			);
		},
		SCENARIO_TIMEOUT,
	);

	test('both packages keep their own credential types, each with its own fields', async () => {
		const types = await env.n8n.apiRaw('GET', '/credentials/schema/chatwootSuiteApi');
		expect(types.status).toBe(200);
		expect(Object.keys(types.json.properties)).toEqual(expect.arrayContaining(['baseUrl', 'accessToken', 'accountId']));
		const theirs = await env.n8n.apiRaw('GET', '/credentials/schema/chatwootApi');
		expect(theirs.status).toBe(200);
		expect(Object.keys(theirs.json.properties)).toEqual(expect.arrayContaining(['url', 'accessToken']));
		expect(Object.keys(theirs.json.properties)).not.toContain('accountId');
		const client = await env.n8n.apiRaw('GET', '/credentials/schema/chatwootSuiteClientApi');
		expect(Object.keys(client.json.properties)).toEqual(expect.arrayContaining(['baseUrl', 'inboxIdentifier', 'hmacToken']));
	});

	test(
		'one workflow runs a contact create through each package, each with its own credential',
		async () => {
			const theirCred = await env.n8n.createCredential(`Chatwoot (${PEER})`, 'chatwootApi', {
				url: env.sim.url,
				accessToken: env.token,
			});
			const wf = manualWorkflow('Both Chatwoot packages', [
				{
					name: 'Ours',
					type: 'n8n-nodes-chatwoot-suite.chatwoot',
					parameters: { resource: 'contact', operation: 'create', name: 'Side By Side Ours', email: 'ours@side.test' },
					credentials: { chatwootSuiteApi: env.cred },
				},
				{
					name: 'Theirs',
					type: `${PEER}.chatWoot`,
					parameters: {
						resource: 'Contacts',
						operation: 'Contact Create',
						account_id: env.accountId,
						inbox_id: env.apiInboxId,
						name: 'Side By Side Theirs',
						email: 'theirs@side.test',
					},
					credentials: { chatwootApi: { id: theirCred.id, name: theirCred.name } },
				},
			]);
			const created = await env.n8n.createWorkflow(wf);
			const run = await env.n8n.execute(created.id);
			expect(run.ok).toBe(true);
			expect(run.result.status).toBe('success');
			expect(N8nInstance.nodeOutput(run.result, 'Ours')[0]).toMatchObject({ name: 'Side By Side Ours' });

			const state = await env.sim.state();
			const emails = state.contacts.map((c: any) => c.email);
			expect(emails).toEqual(expect.arrayContaining(['ours@side.test', 'theirs@side.test']));
		},
		SCENARIO_TIMEOUT,
	);
});
