// Shared set-up for the e2e files: one simulator (demo seed) + one real n8n with the packed package per test file.
import { randomBytes } from 'crypto';

import { startN8n, startSimulator } from './harness';
import type { CredentialRef, N8nInstance, SimulatorProcess } from './harness';

export interface E2eEnv {
	sim: SimulatorProcess;
	n8n: N8nInstance;
	accountId: number;
	apiInboxId: number;
	/** a fresh admin token, seeded into the simulator for this run only (so a leak check can grep for it) */
	token: string;
	cred: CredentialRef;
	credentials: Record<string, CredentialRef>;
}

/** The first run on a clean machine installs n8n (minutes); later runs reuse the cached install. */
export const SETUP_TIMEOUT = 20 * 60 * 1000;
export const SCENARIO_TIMEOUT = 3 * 60 * 1000;

export async function startE2e(n8nOptions: Parameters<typeof startN8n>[0] = {}): Promise<E2eEnv> {
	const sim = await startSimulator({ seed: 'demo' });
	let n8n: N8nInstance | undefined;
	try {
		const accountId = sim.info.accountId;
		const apiInboxId = sim.info.apiInboxId;
		const token = `e2e-secret-${randomBytes(16).toString('hex')}`;
		const user = await sim.seed('user', {
			name: 'E2E Admin',
			email: 'e2e-admin@acme.test',
			role: 'administrator',
			accountIds: [accountId],
			accessToken: token,
		});
		await sim.seed('inboxMember', { inboxId: apiInboxId, userId: user.id });
		n8n = await startN8n(n8nOptions);
		const cred = await n8n.createCredential('Chatwoot (simulator)', 'chatwootSuiteApi', { baseUrl: sim.url, accessToken: token, accountId });
		const clientCred = await n8n.createCredential('Chatwoot Client (simulator)', 'chatwootSuiteClientApi', {
			baseUrl: sim.url,
			inboxIdentifier: sim.info.inbox_identifier,
		});
		const platformCred = await n8n.createCredential('Chatwoot Platform (simulator)', 'chatwootSuitePlatformApi', {
			baseUrl: sim.url,
			accessToken: sim.info.platformToken,
		});
		// examples/platform-provisioning.json: the Chatwoot node acts in the account the run just created, with the
		// new administrator's token, through expressions in the credential (README → Chatwoot Platform).
		const handover = await n8n.createCredentialInEditor('Chatwoot (the new account)', 'chatwootSuiteApi', {
			baseUrl: sim.url,
			accessToken: "={{ $('Create Admin User').item.json.access_token }}",
			accountId: "={{ $('Create Account').item.json.id }}",
		});
		const credentials = {
			chatwootSuiteApi: { id: cred.id, name: cred.name },
			chatwootSuiteClientApi: { id: clientCred.id, name: clientCred.name },
			chatwootSuitePlatformApi: { id: platformCred.id, name: platformCred.name },
			// the placeholder id of the example's hand-over credential
			chatwootProvisionedAccount: { id: handover.id, name: handover.name },
		};
		return { sim, n8n, accountId, apiInboxId, token, cred: credentials.chatwootSuiteApi, credentials };
	} catch (e) {
		if (n8n) await n8n.stop().catch(() => undefined);
		await sim.stop().catch(() => undefined);
		throw e;
	}
}

export async function stopE2e(env: E2eEnv | undefined): Promise<void> {
	if (!env) return;
	try {
		await env.n8n.stop({
			afterDeactivate: () =>
				env.sim.waitForState('n8n to remove its registrations', (st) => !env.n8n.registeredIn(st), { timeoutMs: 15000 }),
		});
	} finally {
		await env.sim.stop();
	}
}

/** A manual-trigger workflow: Manual Trigger → the given nodes in a chain. */
export function manualWorkflow(name: string, nodes: Array<Record<string, unknown> & { name: string }>): any {
	const all = [
		{
			id: 'a0000000-0000-4000-8000-000000000000',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...nodes.map((n, i) => ({
			id: `a0000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
			typeVersion: 1,
			position: [220 * (i + 1), 0],
			...n,
		})),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}
