// End-to-end: the Chatwoot ACTION node started by a webhook, so that in queue mode (E2E_QUEUE_MODE=1, the
// `2.8.4-queue` matrix entry) the execution is handed to the worker process. `n8n execute` (used by the other
// action scenarios) always falls back to regular mode, so this is the one scenario where the action node runs on
// a worker. In regular mode the same scenario runs in the main process and the worker checks are skipped.
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

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

function webhookToChatwoot(name: string, webhookPath: string): any {
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: webhookPath,
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Create Contact',
				type: 'n8n-nodes-chatwoot-suite.chatwoot',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'contact',
					operation: 'create',
					name: '={{ $json.body.name }}',
					email: '={{ $json.body.email }}',
				},
				credentials: { chatwootSuiteApi: env.cred },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Create Contact', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

describe('action node started by a webhook (queue mode: on the worker)', () => {
	test(
		'a POST to the production webhook runs Contact → Create; in queue mode the worker process ran that execution',
		async () => {
			const webhookPath = randomUUID();
			const wf = await env.n8n.createWorkflow(webhookToChatwoot('E2E webhook → Chatwoot (queue)', webhookPath));
			await env.n8n.activate(wf.id);
			const email = `queue-${Date.now()}@e2e.test`;
			const answer = await httpJson('POST', `${env.n8n.webhookBase}webhook/${webhookPath}`, { body: { name: 'Queued Person', email } });
			expect(answer.status).toBe(200);
			// responseMode lastNode: the answer is the Chatwoot node's output, so the node really ran
			expect(answer.json).toMatchObject({ email, name: 'Queued Person' });

			const [execution] = await env.n8n.waitForExecutions(wf.id, 1);
			expect(execution.status).toBe('success');
			expect(execution.mode).toBe('webhook');
			const [item] = N8nInstance.nodeOutput(execution, 'Create Contact');
			expect(item).toMatchObject({ email, name: 'Queued Person' });
			const stored = (await env.sim.state()).contacts.filter((c: any) => c.email === email);
			expect(stored).toHaveLength(1);

			const n8n = env.n8n as any;
			if (n8n.queue) {
				const workerLog = fs.readFileSync(path.join(n8n.logDir, 'worker.log'), 'utf8');
				expect(workerLog).toContain(`Worker started execution ${execution.id} `);
				expect(workerLog).toContain(`Worker finished execution ${execution.id} `);
			}
			await env.n8n.deactivate(wf.id);
		},
		SCENARIO_TIMEOUT,
	);
});
