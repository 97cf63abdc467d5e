/**
 * The router: items in parallel (Batching) keep input order, pairedItem and continueOnFail,
 * and operations whose order matters stay sequential.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';
import { runNode } from '../../helpers/n8n-harness';
import { startSimulator } from '../../simulator';
import type { ChatwootSimulator } from '../../simulator';

let sim: ChatwootSimulator;
let accountId: number;
let token: string;

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(async () => sim.close());
beforeEach(() => {
	sim.reset();
	accountId = sim.seed.account({ name: 'Acme' }).id;
	token = sim.seed.user({ name: 'Admin', email: 'admin@acme.test', role: 'administrator', accountIds: [accountId] }).access_token;
});

async function run(parameters: IDataObject, items: INodeExecutionData[], continueOnFail = false) {
	const [out] = await runNode(new Chatwoot(), {
		parameters,
		items,
		continueOnFail,
		credentials: [{ type: 'chatwootSuiteApi', data: { baseUrl: sim.url, accessToken: token, accountId }, credentialClass: new ChatwootSuiteApi() }],
	});
	return out;
}

describe('items in parallel', () => {
	it('keeps input order, pairedItem and per-item errors with 8 items in parallel', async () => {
		sim.setLatency(20);
		const contacts = Array.from({ length: 24 }, (_, i) => sim.seed.contact({ accountId, name: `C${i}`, email: `c${i}@x.test` }));
		const ids: Array<number> = contacts.map((c) => c.id);
		ids.splice(7, 0, 987654);
		const out = await run(
			{ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, batching: { itemsInParallel: 8 } },
			ids.map((id) => ({ json: { id } })),
			true,
		);
		sim.setLatency(0);
		expect(out.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(out.map((item) => item.json.id ?? null)).toEqual(ids.map((id) => (id === 987654 ? null : id)));
		expect(String(out[7].json.error)).toMatch(/Contact 987654 was not found/);
	});

	it('sends messages into a conversation strictly in input order whatever the batching', async () => {
		const inbox = sim.seed.inbox({ accountId, name: 'API', channelType: 'api' });
		const contact = sim.seed.contact({ accountId, name: 'C', email: 'c@x.test', inboxId: inbox.id });
		const conversation = sim.seed.conversation({ accountId, inboxId: inbox.id, contactId: contact.id });
		sim.setLatency(10);
		const contents = Array.from({ length: 12 }, (_, i) => `message ${i}`);
		await run(
			{
				resource: 'message',
				operation: 'create',
				conversationId: { __rl: true, mode: 'id', value: String(conversation.display_id) },
				content: '={{ $json.text }}',
				batching: { itemsInParallel: 10 },
			},
			contents.map((text) => ({ json: { text } })),
		);
		sim.setLatency(0);
		const stored = sim.find.messages(accountId, Number(conversation.display_id)).filter((m) => String(m.content).startsWith('message '));
		expect(stored.map((m) => m.content)).toEqual(contents);
	});
});

describe('Batching option', () => {
	const properties = new Chatwoot().description.properties;
	function batchingOptionsFor(resource: string, operation: string): string[] {
		return properties
			.filter((p) => p.name === 'batching')
			.filter((p) => (p.displayOptions?.show?.resource as string[]).includes(resource))
			.filter((p) => (p.displayOptions?.show?.operation as string[]).includes(operation))
			.flatMap((p) => (p.options as Array<{ name: string; displayOptions?: { show?: Record<string, unknown> } }>))
			.filter((o) => ((o.displayOptions?.show?.['/operation'] as string[]) ?? []).includes(operation))
			.map((o) => o.name);
	}

	it('is shown only where it changes something', () => {
		expect(batchingOptionsFor('message', 'create')).toEqual(['itemsInParallel']);
		expect(batchingOptionsFor('conversation', 'create')).toEqual([]);
		expect(batchingOptionsFor('contact', 'get')).toEqual(['itemsInParallel']);
		expect(batchingOptionsFor('contact', 'getAll')).toContain('pagesInParallel');
		expect(batchingOptionsFor('contact', 'upsert')).toEqual(['itemsInParallel', 'pagesInParallel']);
		expect(batchingOptionsFor('conversation', 'setStatus')).toEqual(['itemsInParallel']);
	});
});
