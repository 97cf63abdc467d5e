import type { IDataObject } from 'n8n-workflow';

import { REFETCH_INTERVAL_MS, resetSecretCache } from '../../../nodes/ChatwootTrigger/secrets';
import { activate, calls, checkContract, deliver, items, rl, seedBasics, signedDelivery, startEnv } from './setup';
import type { Env, Simulator } from './setup';

/**
 * Issue 12 item 5: the signing secret is never in static data. Each n8n process (the main process, or
 * a queue-mode webhook process that never ran the activation) fetches it with the credential on its
 * first delivery, keeps it in memory, and fetches again at most once a minute when a signature does
 * not match (a secret reset in Chatwoot then just works). resetSecretCache() = a fresh process.
 */
describe('Chatwoot Trigger: the signing secret is fetched per process, never stored', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
		resetSecretCache();
	});
	afterEach(() => {
		jest.restoreAllMocks();
		checkContract(sim);
	});

	const message = (content: string, id: number) =>
		JSON.stringify({ event: 'message_created', id, content, message_type: 'incoming', private: false, inbox: { id: env.apiInboxId }, sender: { id: 9 }, conversation: { id: 1, inbox_id: env.apiInboxId, status: 'open', labels: [] } });

	it('account webhook: a process that did not activate fetches the secret once (GET /webhooks) and keeps it in memory', async () => {
		const params = { source: 'accountWebhook', events: ['message_created'] };
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		const secret = String(sim.db.webhooks[0].secret);
		resetSecretCache(); // the webhook process of a queue-mode n8n: static data only
		sim.clearRequests();

		expect(items(await deliver(params, staticData, signedDelivery(message('one', 1), secret), { env }))).toHaveLength(1);
		expect(calls(env)).toEqual(['GET /webhooks']);
		expect(items(await deliver(params, staticData, signedDelivery(message('two', 2), secret), { env }))).toHaveLength(1);
		expect(calls(env)).toEqual(['GET /webhooks']);
		expect(JSON.stringify(staticData)).not.toContain(secret);
	});

	it('API inbox: after "Reset secret" in Chatwoot, deliveries with the new secret are accepted after one re-fetch; forgeries cause at most one fetch a minute', async () => {
		const params = { source: 'apiInbox', inboxId: rl(env.apiInboxId, 'list'), events: ['message_created'] };
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		const start = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(start);
		const oldSecret = String(sim.db.inboxes.find((i: IDataObject) => i.id === env.apiInboxId).secret);
		expect(items(await deliver(params, staticData, signedDelivery(message('before reset', 1), oldSecret), { env }))).toHaveLength(1);

		const reset = await fetch(`${sim.url}/api/v1/accounts/${env.accountId}/inboxes/${env.apiInboxId}/reset_secret`, {
			method: 'POST',
			headers: { api_access_token: env.token },
		});
		expect(reset.status).toBe(200);
		const newSecret = String(sim.db.inboxes.find((i: IDataObject) => i.id === env.apiInboxId).secret);
		expect(newSecret).not.toBe(oldSecret);

		// a minute after the activation's fetch: the first mismatch may fetch again
		clock.mockReturnValue(start + REFETCH_INTERVAL_MS + 1000);
		sim.clearRequests();
		expect(items(await deliver(params, staticData, signedDelivery(message('after reset', 2), newSecret), { env }))).toHaveLength(1);
		expect(calls(env)).toEqual([`GET /inboxes/${env.apiInboxId}`]);

		// ten forged deliveries within the same minute: refused, no further request
		sim.clearRequests();
		for (let i = 0; i < 10; i++) {
			const forged = await deliver(params, staticData, signedDelivery(message(`forged ${i}`, 100 + i), 'attacker-secret'), { env });
			expect([forged.status, forged.workflowData]).toEqual([401, undefined]);
		}
		expect(calls(env)).toEqual([]);
		// the old secret no longer works either
		const stale = await deliver(params, staticData, signedDelivery(message('old secret', 3), oldSecret), { env });
		expect(stale.status).toBe(401);
		// another minute later, one more fetch is allowed
		clock.mockReturnValue(start + 2 * REFETCH_INTERVAL_MS + 2000);
		await deliver(params, staticData, signedDelivery(message('forged later', 4), 'attacker-secret'), { env });
		expect(calls(env)).toEqual([`GET /inboxes/${env.apiInboxId}`]);
		expect(JSON.stringify(staticData)).not.toContain(newSecret);
	});

	it('the secret cannot be fetched (token revoked): 503, nothing starts, nothing about the secret in the answer', async () => {
		const params = { source: 'accountWebhook', events: ['message_created'] };
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		const secret = String(sim.db.webhooks[0].secret);
		resetSecretCache();
		const result = await deliver(params, staticData, signedDelivery(message('one', 1), secret), { env: { ...env, token: 'revoked-token-0123456789' } });
		expect([result.status, result.workflowData, result.responseBody]).toEqual([503, undefined, undefined]);
	});
});
