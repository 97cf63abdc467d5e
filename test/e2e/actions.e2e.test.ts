// End-to-end: the packed package inside a real n8n, talking to the Chatwoot simulator.
import { httpJson } from './harness';
import { SCENARIO_TIMEOUT, SETUP_TIMEOUT, startE2e, stopE2e } from './setup';
import type { E2eEnv } from './setup';

let env: E2eEnv;

beforeAll(async () => {
	env = await startE2e();
}, SETUP_TIMEOUT);

afterAll(async () => {
	await stopE2e(env);
}, SCENARIO_TIMEOUT);

describe('n8n loads the package', () => {
	test(
		'n8n export:nodes lists the three node types of n8n-nodes-chatwoot',
		async () => {
			const names = (await env.n8n.exportNodeTypes()).map((n) => n.name);
			expect(names).toEqual(
				expect.arrayContaining([
					'n8n-nodes-chatwoot.chatwoot',
					'n8n-nodes-chatwoot.chatwootTrigger',
					'n8n-nodes-chatwoot.chatwootClient',
				]),
			);
		},
		SCENARIO_TIMEOUT,
	);

	test('the running server knows both credential types', async () => {
		const r = await httpJson('GET', `${env.n8n.baseUrl}/types/credentials.json`, { cookie: env.n8n.cookie });
		expect(r.status).toBe(200);
		const names = (r.json as Array<{ name: string }>).map((c) => c.name);
		expect(names).toEqual(expect.arrayContaining(['chatwootApi', 'chatwootClientApi']));
	});
});
