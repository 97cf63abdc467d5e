/**
 * Against a REAL Chatwoot, opt-in: set CHATWOOT_URL, CHATWOOT_TOKEN (an administrator's user
 * token) and optionally CHATWOOT_ACCOUNT_ID (default 1). Without them this file is skipped;
 * the simulator-backed suites cover the same operations. It creates one contact and deletes it.
 */
import type { IDataObject } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../nodes/Chatwoot/Chatwoot.node';
import { runNode } from '../helpers/n8n-harness';

const url = process.env.CHATWOOT_URL;
const token = process.env.CHATWOOT_TOKEN;
const accountId = Number(process.env.CHATWOOT_ACCOUNT_ID ?? 1);
const live = url && token ? describe : describe.skip;

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
