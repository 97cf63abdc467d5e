/**
 * The transport inside n8n-core's real execution context, over loopback HTTP, against the
 * Chatwoot simulator: the three pagination styles at their edges, retries under injected
 * faults, and a POST that is never duplicated.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../../credentials/ChatwootSuiteApi.credentials';
import {
	chatwootApiRequest,
	getAllByCursor,
	getAllUntilShortPage,
	getAllWithTotal,
	unwrapList,
	unwrapRecord,
} from '../../../../nodes/shared/transport';
import { runNode } from '../../../helpers/n8n-harness';
import { startSimulator } from '../../../simulator';
import type { ChatwootSimulator } from '../../../simulator';

/** A throwaway node that exposes the transport to the harness; parameters pick the call. */
class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['transform'],
		version: 1,
		description: 'test only',
		defaults: { name: 'Transport Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chatwootSuiteApi', required: true }],
		properties: [
			{ displayName: 'Call', name: 'call', type: 'string', default: '' },
			{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: true },
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 50 },
			{ displayName: 'Arg', name: 'arg', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const call = this.getNodeParameter('call', 0) as string;
		const options = { returnAll: this.getNodeParameter('returnAll', 0) as boolean, limit: this.getNodeParameter('limit', 0) as number };
		const arg = this.getNodeParameter('arg', 0) as string;
		let records: IDataObject[] = [];
		if (call === 'contacts') records = await getAllWithTotal(this, { path: '/contacts' }, options);
		if (call === 'search') records = await getAllUntilShortPage(this, { path: '/contacts/search', qs: { q: arg } }, options, 15);
		if (call === 'conversations') records = await getAllUntilShortPage(this, { path: '/conversations', qs: { status: 'all' } }, options, 25);
		if (call === 'messages') records = await getAllByCursor(this, { path: `/conversations/${arg}/messages` }, options);
		if (call === 'createContact') {
			const body = { name: 'Once', email: arg };
			const created = await chatwootApiRequest(this, {
				method: 'POST',
				path: '/contacts',
				body,
				retry: { baseDelayMs: 1 },
				reconcile: async () => {
					const [found] = unwrapList(
						await chatwootApiRequest(this, { method: 'GET', path: '/contacts/search', qs: { q: arg }, retry: { baseDelayMs: 1 } }),
					);
					return found ? { payload: { contact: found } } : undefined;
				},
			});
			records = [unwrapRecord(created).contact as IDataObject];
		}
		if (call === 'createContactNoReconcile') {
			const created = await chatwootApiRequest(this, { method: 'POST', path: '/contacts', body: { email: arg }, retry: { baseDelayMs: 1 } });
			records = [unwrapRecord(created).contact as IDataObject];
		}
		if (call === 'getContact') {
			records = [unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: `/contacts/${arg}`, subject: { resource: 'contact', id: arg } }))];
		}
		return [records.map((json) => ({ json }))];
	}
}

let sim: ChatwootSimulator;
let accountId: number;
let token: string;
const probe: INodeType = new TransportProbe();

async function run(call: string, extra: IDataObject = {}) {
	const [out] = await runNode(probe, {
		parameters: { call, ...extra },
		credentials: [{ type: 'chatwootSuiteApi', data: { baseUrl: `${sim.url}/api/v1/`, accessToken: token, accountId }, credentialClass: new ChatwootSuiteApi() }],
	});
	return out.map((i) => i.json);
}

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(async () => sim.close());
beforeEach(() => {
	sim.reset();
	const account = sim.seed.account({ name: 'Acme' });
	accountId = account.id;
	token = sim.seed.user({ name: 'Admin', email: 'admin@acme.test', role: 'administrator', accountIds: [accountId] }).access_token;
});

describe('contacts: page numbers with a known total (15 per page)', () => {
	it.each([0, 1, 14, 15, 16, 30, 31, 47])('%i contacts, return all', async (n) => {
		sim.seed.many.contacts(accountId, n);
		const records = await run('contacts');
		expect(records).toHaveLength(n);
		expect(new Set(records.map((r) => r.id)).size).toBe(n);
		const pagesAsked = sim.requests.filter((r) => r.path.endsWith('/contacts')).length;
		expect(pagesAsked).toBe(Math.max(1, Math.ceil(n / 15)));
	});

	it.each([
		[40, 5, 1],
		[40, 15, 1],
		[40, 16, 2],
		[40, 100, 3],
	])('%i contacts, limit %i asks %i page(s)', async (n, limit, pages) => {
		sim.seed.many.contacts(accountId, n);
		const records = await run('contacts', { returnAll: false, limit });
		expect(records).toHaveLength(Math.min(n, limit));
		expect(sim.requests.filter((r) => r.path.endsWith('/contacts')).length).toBe(pages);
	});

	it('keeps Chatwoot order across concurrently fetched pages', async () => {
		sim.seed.many.contacts(accountId, 100);
		const direct = [] as unknown[];
		for (let page = 1; page <= 7; page++) {
			const res = await fetch(`${sim.url}/api/v1/accounts/${accountId}/contacts?page=${page}`, { headers: { api_access_token: token } });
			direct.push(...((await res.json()) as { payload: IDataObject[] }).payload.map((c) => c.id));
		}
		const records = await run('contacts');
		expect(records.map((r) => r.id)).toEqual(direct);
	});
});

describe('contact search: pages until has_more is false', () => {
	it.each([0, 1, 15, 16, 31])('%i matches', async (n) => {
		sim.seed.many.contacts(accountId, n, (i) => ({ name: `Match ${i}`, email: `m${i}@x.test` }));
		sim.seed.contact({ accountId, name: 'Other', email: 'other@y.test' });
		const records = await run('search', { arg: 'Match' });
		expect(records).toHaveLength(n);
	});
});

describe('conversations: page numbers until a short page (25 per page)', () => {
	it.each([0, 1, 25, 26, 60])('%i conversations', async (n) => {
		const inbox = sim.seed.inbox({ accountId, name: 'API', channelType: 'api' });
		const contact = sim.seed.contact({ accountId, name: 'C', email: 'c@x.test' });
		for (let i = 0; i < n; i++) sim.seed.conversation({ accountId, inboxId: inbox.id, contactId: contact.id });
		const records = await run('conversations');
		expect(records).toHaveLength(n);
		expect(new Set(records.map((r) => r.id)).size).toBe(n);
	});

	it('limit 30 stops after the second page', async () => {
		const inbox = sim.seed.inbox({ accountId, name: 'API', channelType: 'api' });
		sim.seed.many.conversations(accountId, inbox.id, 80);
		expect(await run('conversations', { returnAll: false, limit: 30 })).toHaveLength(30);
		expect(sim.requests.filter((r) => r.path.endsWith('/conversations')).length).toBe(2);
	});
});

describe('messages: before-cursor, oldest first', () => {
	function conversationWith(n: number): number {
		const inbox = sim.seed.inbox({ accountId, name: 'API', channelType: 'api' });
		const contact = sim.seed.contact({ accountId, name: 'C', email: 'c@x.test' });
		const conversation = sim.seed.conversation({ accountId, inboxId: inbox.id, contactId: contact.id });
		if (n > 0) sim.seed.many.messages(accountId, conversation.display_id ?? conversation.id, n);
		return Number(conversation.display_id ?? conversation.id);
	}

	it.each([0, 1, 20, 21, 65])('%i messages, return all', async (n) => {
		const displayId = conversationWith(n);
		const records = await run('messages', { arg: String(displayId) });
		const expected = sim.find.messages(accountId, displayId).length;
		expect(records).toHaveLength(expected);
		const ids = records.map((r) => Number(r.id));
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
	});

	it('limit gives the latest messages, still oldest first', async () => {
		const displayId = conversationWith(65);
		const all = sim.find.messages(accountId, displayId).map((m) => m.id).sort((a, b) => a - b);
		const records = await run('messages', { arg: String(displayId), returnAll: false, limit: 30 });
		expect(records.map((r) => r.id)).toEqual(all.slice(-30));
	});
});

describe('faults and retries', () => {
	it('a GET list under 30 % injected 429/502/503/504/resets still returns complete data', async () => {
		sim.seed.many.contacts(accountId, 75);
		sim.setFaults({ rate: 0.3, kinds: ['429', '502', '503', '504', 'reset'], retryAfterSeconds: 0, seed: 7 });
		const records = await run('contacts');
		sim.setFaults(null);
		expect(records).toHaveLength(75);
		expect(new Set(records.map((r) => r.id)).size).toBe(75);
		expect(sim.stats().faults).toBeGreaterThan(0);
	});

	it('a POST whose first attempt landed is reconciled, never duplicated', async () => {
		sim.setFaults({ rate: 1, kinds: ['502'], when: 'after', methods: ['POST'], seed: 1 });
		const [record] = await run('createContact', { arg: 'once@x.test' });
		sim.setFaults(null);
		expect(record.email).toBe('once@x.test');
		expect(sim.find.contacts(accountId, (c) => c.email === 'once@x.test')).toHaveLength(1);
	});

	it('a POST without a reconcile step is not retried on an uncertain failure', async () => {
		sim.setFaults({ rate: 1, kinds: ['reset'], when: 'after', methods: ['POST'], seed: 1 });
		await expect(run('createContactNoReconcile', { arg: 'twice@x.test' })).rejects.toThrow(/^Could not reach Chatwoot at http:\/\/127\.0\.0\.1:\d+: the connection was closed unexpectedly$/);
		sim.setFaults(null);
		expect(sim.find.contacts(accountId, (c) => c.email === 'twice@x.test')).toHaveLength(1);
	});

	it('a 429 before handling is retried for POST too (Rack::Attack rejects before Rails)', async () => {
		sim.setFaults({ rate: 0.5, kinds: ['429'], methods: ['POST'], retryAfterSeconds: 0, seed: 3 });
		for (let i = 0; i < 8; i++) {
			const [record] = await run('createContactNoReconcile', { arg: `later${i}@x.test` });
			expect(record.email).toBe(`later${i}@x.test`);
		}
		const faults = sim.stats().faults;
		sim.setFaults(null);
		expect(faults).toBeGreaterThan(0);
		expect(sim.find.contacts(accountId)).toHaveLength(8);
	});

	it('errors name the record and never contain the token', async () => {
		const error = await run('getContact', { arg: '999' }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toBe(`Contact 999 was not found in Chatwoot account ${accountId}`);
		expect(JSON.stringify(error)).not.toContain(token);
	});
});
