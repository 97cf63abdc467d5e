import type { IDataObject } from 'n8n-workflow';

import { activate, calls, checkContract, deactivate, DEFAULT_URL, hook, rl, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

const TEST_URL = 'http://127.0.0.1:9/webhook-test/trigger-test/webhook';

function webhooksOf(env: Env): IDataObject[] {
	return (env.sim.db.webhooks as IDataObject[]).filter((w) => w.account_id === env.accountId);
}

describe('Chatwoot Trigger lifecycle: account webhook', () => {
	let sim: Simulator;
	let env: Env;
	const params = { source: 'accountWebhook', events: ['message_created', 'conversation_created'] };
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
	});
	afterEach(() => checkContract(sim));

	it('fresh activation creates one webhook with the selected events and stores its id and own user, never the secret', async () => {
		const staticData: IDataObject = {};
		expect(await activate(env, params, staticData)).toBe(false);
		expect(calls(env)).toEqual(['GET /api/v1/profile', 'GET /webhooks', 'POST /webhooks']);
		const stored = webhooksOf(env);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ url: DEFAULT_URL, subscriptions: ['conversation_created', 'message_created'] });
		expect(String(stored[0].name)).toBe('n8n: Harness workflow (Chatwoot Trigger)');
		expect(staticData).toMatchObject({
			source: 'accountWebhook',
			webhookId: stored[0].id,
			ownUrl: DEFAULT_URL,
			createdByUs: true,
			ownUserId: env.adminId,
			signed: true,
		});
		expect(String(stored[0].secret).length).toBeGreaterThan(10);
		expect(JSON.stringify(staticData)).not.toContain(String(stored[0].secret));
		expect(Object.keys(staticData).sort()).toEqual(['createdByUs', 'ownUrl', 'ownUserId', 'signed', 'source', 'webhookId']);
	});

	it('a second activation with the webhook still in place only checks it (checkExists true)', async () => {
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		sim.clearRequests();
		expect(await activate(env, params, staticData)).toBe(true);
		expect(calls(env)).toEqual(['GET /webhooks']);
		expect(webhooksOf(env)).toHaveLength(1);
	});

	it('deactivation deletes the webhook and clears the static data', async () => {
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		const id = webhooksOf(env)[0].id;
		sim.clearRequests();
		expect(await deactivate(env, params, staticData)).toBe(true);
		expect(calls(env)).toEqual([`DELETE /webhooks/${id}`]);
		expect(webhooksOf(env)).toHaveLength(0);
		expect(staticData).toEqual({});
	});

	it('a webhook an admin deleted in Chatwoot is noticed (checkExists false) and re-created', async () => {
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		const firstId = staticData.webhookId;
		sim.db.webhooks.splice(0, sim.db.webhooks.length);
		sim.clearRequests();
		expect(await activate(env, params, staticData)).toBe(false);
		const stored = webhooksOf(env);
		expect(stored).toHaveLength(1);
		expect(stored[0].id).not.toBe(firstId);
		expect(staticData.webhookId).toBe(stored[0].id);
		expect(staticData.secret).toBeUndefined();
	});

	it('a leftover webhook of ours at the same URL is reused and updated, no duplicate error', async () => {
		const leftover = sim.seed.webhook({
			accountId: env.accountId,
			url: DEFAULT_URL,
			subscriptions: ['contact_created'],
			name: 'n8n: Old name (Chatwoot Trigger)',
		});
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		expect(calls(env)).toEqual(['GET /api/v1/profile', 'GET /webhooks', `PATCH /webhooks/${leftover.id}`]);
		const stored = webhooksOf(env);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({
			id: leftover.id,
			subscriptions: ['conversation_created', 'message_created'],
			name: 'n8n: Harness workflow (Chatwoot Trigger)',
		});
		expect(staticData).toMatchObject({ webhookId: leftover.id, createdByUs: true, signed: true });
		expect(JSON.stringify(staticData)).not.toContain(String(leftover.secret));
		await deactivate(env, params, staticData);
		expect(webhooksOf(env)).toHaveLength(0);
	});

	it("someone else's webhook at our URL is adopted while active and restored (not deleted) afterwards", async () => {
		const manual = sim.seed.webhook({ accountId: env.accountId, url: DEFAULT_URL, subscriptions: ['contact_created'], name: 'Set up by hand' });
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		expect(webhooksOf(env)).toHaveLength(1);
		expect(webhooksOf(env)[0]).toMatchObject({ id: manual.id, subscriptions: ['conversation_created', 'message_created'] });
		expect(staticData).toMatchObject({ createdByUs: false, previousName: 'Set up by hand', previousSubscriptions: ['contact_created'] });
		await deactivate(env, params, staticData);
		expect(webhooksOf(env)).toEqual([expect.objectContaining({ id: manual.id, name: 'Set up by hand', subscriptions: ['contact_created'] })]);
		expect(staticData).toEqual({});
	});

	it('changed events while inactive: checkExists false, create updates the subscriptions', async () => {
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		const id = staticData.webhookId;
		const changed = { ...params, events: ['contact_updated'] };
		expect(await activate(env, changed, staticData)).toBe(false);
		expect(webhooksOf(env)).toEqual([expect.objectContaining({ id, subscriptions: ['contact_updated'] })]);
	});

	it('deleting a webhook that is already gone (404) is fine', async () => {
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		sim.db.webhooks.splice(0, sim.db.webhooks.length);
		expect(await deactivate(env, params, staticData)).toBe(true);
		expect(staticData).toEqual({});
	});

	it('test URL ("listen for test event") and production URL get separate webhooks', async () => {
		const production: IDataObject = {};
		const test: IDataObject = {};
		await activate(env, params, production);
		await activate(env, params, test, { webhookUrl: TEST_URL, mode: 'manual' });
		expect(webhooksOf(env).map((w) => w.url).sort()).toEqual([DEFAULT_URL, TEST_URL].sort());
		await deactivate(env, params, test, { webhookUrl: TEST_URL, mode: 'manual' });
		expect(webhooksOf(env).map((w) => w.url)).toEqual([DEFAULT_URL]);
		await deactivate(env, params, production);
		expect(webhooksOf(env)).toHaveLength(0);
	});

	it('Chatwoot without webhook secrets (< 4.12): activation fails with the version and the opt-in, and leaves no webhook behind', async () => {
		sim.setWebhookSigning(false);
		const staticData: IDataObject = {};
		const error = await activate(env, params, staticData).catch((e: unknown) => e as Error & { description?: string });
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toBe('Chatwoot returned no signing secret: it does not sign account webhooks');
		expect((error as { description?: string }).description).toMatch(/from version 4\.12\.0 on.*Accept Unsigned Deliveries \(Insecure\)/);
		expect(webhooksOf(env)).toHaveLength(0);
		expect(staticData).toEqual({});
	});

	it('Chatwoot without webhook secrets, someone else\'s webhook adopted: restored when activation fails', async () => {
		sim.setWebhookSigning(false);
		const manual = sim.seed.webhook({ accountId: env.accountId, url: DEFAULT_URL, subscriptions: ['contact_created'], name: 'Set up by hand' });
		await expect(activate(env, params, {})).rejects.toThrow('Chatwoot returned no signing secret');
		expect(webhooksOf(env)).toEqual([expect.objectContaining({ id: manual.id, name: 'Set up by hand', subscriptions: ['contact_created'] })]);
	});

	it('Chatwoot without webhook secrets and Accept Unsigned Deliveries on: activates, nothing marks it signed', async () => {
		sim.setWebhookSigning(false);
		const staticData: IDataObject = {};
		const insecure = { ...params, options: { acceptUnsigned: true } };
		await activate(env, insecure, staticData);
		expect(staticData.webhookId).toBe(webhooksOf(env)[0].id);
		expect(staticData.secret).toBeUndefined();
		expect(staticData.signed).toBeUndefined();
		// checkExists keeps it (no re-creation on every start)
		sim.clearRequests();
		expect(await activate(env, insecure, staticData)).toBe(true);
	});

	it('a secret an older version stored in static data is removed on the next activation', async () => {
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		staticData.secret = 'left-over-from-an-older-version';
		expect(await activate(env, params, staticData)).toBe(true);
		expect(staticData.secret).toBeUndefined();
		expect(staticData.signed).toBe(true);
	});

	it('an agent (not administrator) gets a clear error and nothing is created', async () => {
		const staticData: IDataObject = {};
		await expect(hook(env, 'create', params, staticData, { token: 'trigger-agent-token-0123456789' })).rejects.toThrow(
			/administrator|role/i,
		);
		expect(webhooksOf(env)).toHaveLength(0);
	});

	it('an agent-bot token is refused with a clear error', async () => {
		sim.seed.agentBot({ name: 'Botty', accountId: env.accountId, accessToken: 'trigger-bot-token-0123456789' });
		await expect(hook(env, 'create', params, {}, { token: 'trigger-bot-token-0123456789' })).rejects.toThrow(
			'The Chatwoot Trigger needs a user access token, not an agent-bot token',
		);
		expect(webhooksOf(env)).toHaveLength(0);
	});

	it('no events selected: clear error', async () => {
		await expect(hook(env, 'create', { source: 'accountWebhook', events: [] }, {})).rejects.toThrow('Choose at least one event');
	});

	it('50 activate/deactivate cycles leave 0 webhooks and each activation makes exactly 3 calls, each deactivation 1', async () => {
		const staticData: IDataObject = {};
		for (let i = 0; i < 50; i++) {
			sim.clearRequests();
			await activate(env, params, staticData);
			expect(calls(env)).toEqual(['GET /api/v1/profile', 'GET /webhooks', 'POST /webhooks']);
			expect(webhooksOf(env)).toHaveLength(1);
			sim.clearRequests();
			await deactivate(env, params, staticData);
			expect(calls(env)).toHaveLength(1);
			expect(webhooksOf(env)).toHaveLength(0);
		}
		expect(staticData).toEqual({});
	});
});

describe('Chatwoot Trigger lifecycle: API inbox callback', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
	});
	afterEach(() => checkContract(sim));

	const paramsFor = (inboxId: number) => ({ source: 'apiInbox', inboxId: rl(inboxId, 'list'), events: ['message_created'] });
	const inbox = (id: number) => (env.sim.db.inboxes as IDataObject[]).find((i) => i.id === id)!;

	it('sets the callback URL to n8n, stores no secret, and restores the previous URL on deactivation', async () => {
		inbox(env.apiInboxId).webhook_url = 'https://crm.example.com/chatwoot';
		const params = paramsFor(env.apiInboxId);
		const staticData: IDataObject = {};
		expect(await activate(env, params, staticData)).toBe(false);
		expect(calls(env)).toEqual([
			'GET /api/v1/profile',
			`GET /inboxes/${env.apiInboxId}`,
			`PATCH /inboxes/${env.apiInboxId}`,
		]);
		expect(inbox(env.apiInboxId).webhook_url).toBe(DEFAULT_URL);
		expect(staticData).toMatchObject({
			source: 'apiInbox',
			inboxId: env.apiInboxId,
			ownUrl: DEFAULT_URL,
			previousWebhookUrl: 'https://crm.example.com/chatwoot',
			ownUserId: env.adminId,
			signed: true,
		});
		expect(staticData.secret).toBeUndefined();
		expect(JSON.stringify(staticData)).not.toContain(String(inbox(env.apiInboxId).secret));
		sim.clearRequests();
		expect(await activate(env, params, staticData)).toBe(true);
		expect(calls(env)).toEqual([`GET /inboxes/${env.apiInboxId}`]);

		sim.clearRequests();
		await deactivate(env, params, staticData);
		expect(calls(env)).toEqual([`GET /inboxes/${env.apiInboxId}`, `PATCH /inboxes/${env.apiInboxId}`]);
		expect(inbox(env.apiInboxId).webhook_url).toBe('https://crm.example.com/chatwoot');
		expect(staticData).toEqual({});
	});

	it('an inbox without a previous callback URL gets it cleared again', async () => {
		const params = paramsFor(env.apiInboxId);
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		expect(inbox(env.apiInboxId).webhook_url).toBe(DEFAULT_URL);
		await deactivate(env, params, staticData);
		expect(inbox(env.apiInboxId).webhook_url ?? '').toBe('');
	});

	it('does not overwrite a callback URL someone changed while the trigger was active', async () => {
		const params = paramsFor(env.apiInboxId);
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		inbox(env.apiInboxId).webhook_url = 'https://changed.example.com/hook';
		await deactivate(env, params, staticData);
		expect(inbox(env.apiInboxId).webhook_url).toBe('https://changed.example.com/hook');
	});

	it('Chatwoot < 4.13 (the inbox has no secret): refused before the callback URL is touched', async () => {
		sim.setWebhookSigning(false);
		inbox(env.apiInboxId).webhook_url = 'https://crm.example.com/chatwoot';
		const staticData: IDataObject = {};
		const error = await activate(env, paramsFor(env.apiInboxId), staticData).catch((e: unknown) => e as Error & { description?: string });
		expect((error as Error).message).toBe('Chatwoot returned no signing secret: it does not sign API inbox callbacks');
		expect((error as { description?: string }).description).toMatch(/from version 4\.13\.0 on/);
		expect(calls(env).filter((c) => c.startsWith('PATCH'))).toEqual([]);
		expect(inbox(env.apiInboxId).webhook_url).toBe('https://crm.example.com/chatwoot');
		// with the opt-in it activates
		await activate(env, { ...paramsFor(env.apiInboxId), options: { acceptUnsigned: true } }, staticData);
		expect(inbox(env.apiInboxId).webhook_url).toBe(DEFAULT_URL);
	});

	it('refuses a non-API inbox with a clear error and changes nothing', async () => {
		const staticData: IDataObject = {};
		await expect(hook(env, 'create', paramsFor(env.widgetInboxId), staticData)).rejects.toThrow(
			`Inbox ${env.widgetInboxId} ("Widget") is a WebWidget inbox; only API inboxes have a callback URL`,
		);
		expect(staticData.inboxId).toBeUndefined();
		expect(calls(env).filter((c) => c.startsWith('PATCH'))).toEqual([]);
	});

	it('an unknown inbox: error names the inbox', async () => {
		await expect(hook(env, 'create', paramsFor(999), {})).rejects.toThrow(/Inbox 999 was not found/);
	});

	it('a callback URL an admin changed while inactive is noticed (checkExists false) and set again', async () => {
		const params = paramsFor(env.apiInboxId);
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		inbox(env.apiInboxId).webhook_url = null;
		expect(await activate(env, params, staticData)).toBe(false);
		expect(inbox(env.apiInboxId).webhook_url).toBe(DEFAULT_URL);
	});

	it('re-activation after a crash (our URL still set) keeps the original previous URL', async () => {
		inbox(env.apiInboxId).webhook_url = 'https://crm.example.com/chatwoot';
		const params = paramsFor(env.apiInboxId);
		const staticData: IDataObject = {};
		await activate(env, params, staticData);
		// create() again while our URL is still set (n8n lost track of the registration)
		await hook(env, 'create', params, staticData);
		expect(staticData.previousWebhookUrl).toBe('https://crm.example.com/chatwoot');
		await deactivate(env, params, staticData);
		expect(inbox(env.apiInboxId).webhook_url).toBe('https://crm.example.com/chatwoot');
	});

	it('test URL: listening for a test event points the inbox to the test URL and back', async () => {
		inbox(env.apiInboxId).webhook_url = 'https://crm.example.com/chatwoot';
		const params = paramsFor(env.apiInboxId);
		const staticData: IDataObject = {};
		await activate(env, params, staticData, { webhookUrl: TEST_URL, mode: 'manual' });
		expect(inbox(env.apiInboxId).webhook_url).toBe(TEST_URL);
		await deactivate(env, params, staticData, { webhookUrl: TEST_URL, mode: 'manual' });
		expect(inbox(env.apiInboxId).webhook_url).toBe('https://crm.example.com/chatwoot');
	});

	it('50 activate/deactivate cycles leave the callback URL as it was', async () => {
		inbox(env.apiInboxId).webhook_url = 'https://crm.example.com/chatwoot';
		const params = paramsFor(env.apiInboxId);
		const staticData: IDataObject = {};
		for (let i = 0; i < 50; i++) {
			await activate(env, params, staticData);
			expect(inbox(env.apiInboxId).webhook_url).toBe(DEFAULT_URL);
			await deactivate(env, params, staticData);
			expect(inbox(env.apiInboxId).webhook_url).toBe('https://crm.example.com/chatwoot');
		}
		expect(webhooksOf(env)).toHaveLength(0);
	});
});
