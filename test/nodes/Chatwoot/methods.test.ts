/** List searches and option loaders of the Chatwoot node, in n8n-core's LoadOptionsContext. */
import type { INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';
import { loadOptions } from '../../helpers/n8n-harness';
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
	token = sim.seed.user({ name: 'Alice Admin', email: 'alice@acme.test', role: 'administrator', accountIds: [accountId] }).access_token;
});

async function search(method: string, filter?: string, paginationToken?: string) {
	return (await loadOptions(new Chatwoot(), method, {
		credentials: [{ type: 'chatwootSuiteApi', data: { baseUrl: sim.url, accessToken: token, accountId }, credentialClass: new ChatwootSuiteApi() }],
		filter,
		paginationToken,
	})) as INodeListSearchResult;
}

async function options(method: string) {
	return (await loadOptions(new Chatwoot(), method, {
		credentials: [{ type: 'chatwootSuiteApi', data: { baseUrl: sim.url, accessToken: token, accountId }, credentialClass: new ChatwootSuiteApi() }],
		kind: 'loadOptions',
	})) as INodePropertyOptions[];
}

describe('list searches', () => {
	it('searchInboxes lists inboxes with their channel and a link to their settings, filterable', async () => {
		const api = sim.seed.inbox({ accountId, name: 'Website API', channelType: 'api' });
		sim.seed.inbox({ accountId, name: 'Support Widget', channelType: 'web_widget' });
		const all = await search('searchInboxes');
		expect(all.results.map((r) => r.name)).toEqual(['Website API (Api)', 'Support Widget (WebWidget)']);
		expect(all.results[0]).toMatchObject({ value: String(api.id), url: `${sim.url}/app/accounts/${accountId}/settings/inboxes/${api.id}` });
		expect((await search('searchInboxes', 'widget')).results.map((r) => r.name)).toEqual(['Support Widget (WebWidget)']);
	});

	it('searchContacts pages through the contact list, and uses Chatwoot search when filtered', async () => {
		sim.seed.many.contacts(accountId, 20, (i) => ({ name: `Person ${String(i).padStart(2, '0')}`, email: `p${i}@x.test` }));
		sim.seed.contact({ accountId, name: 'Zed Unique', email: 'zed@x.test' });
		const first = await search('searchContacts');
		expect(first.results).toHaveLength(15);
		expect(first.paginationToken).toBe('2');
		const second = await search('searchContacts', undefined, first.paginationToken as string);
		expect(second.results).toHaveLength(6);
		expect(second.paginationToken).toBeUndefined();
		const found = await search('searchContacts', 'zed');
		expect(found.results).toEqual([expect.objectContaining({ name: 'Zed Unique · zed@x.test' })]);
		expect(sim.requests.some((r) => r.path.endsWith('/contacts/search'))).toBe(true);
	});

	it('searchConversations shows number, contact and status, and matches a typed number', async () => {
		const inbox = sim.seed.inbox({ accountId, name: 'API', channelType: 'api' });
		const contact = sim.seed.contact({ accountId, name: 'Carla', email: 'carla@x.test' });
		const conversations = Array.from({ length: 3 }, () => sim.seed.conversation({ accountId, inboxId: inbox.id, contactId: contact.id }));
		const all = await search('searchConversations');
		expect(all.results).toHaveLength(3);
		expect(all.results.map((r) => r.name)).toContain(`#${conversations[0].display_id} Carla (open)`);
		const one = await search('searchConversations', String(conversations[2].display_id));
		expect(one.results.map((r) => r.value)).toEqual([String(conversations[2].display_id)]);
	});

	it('searchAgents and searchTeams list and filter', async () => {
		sim.seed.user({ name: 'Bob Agent', email: 'bob@acme.test', role: 'agent', accountIds: [accountId] });
		sim.seed.team({ accountId, name: 'Billing' });
		sim.seed.team({ accountId, name: 'Sales' });
		expect((await search('searchAgents', 'bob')).results).toEqual([expect.objectContaining({ name: 'Bob Agent (bob@acme.test)' })]);
		expect((await search('searchAgents')).results).toHaveLength(2);
		expect((await search('searchTeams', 'bill')).results.map((r) => r.name)).toEqual(['billing']); // Chatwoot stores team names in lower case
	});
});

describe('option loaders', () => {
	it('getLabels offers label titles, sorted', async () => {
		sim.seed.label({ accountId, title: 'vip', description: 'Important' });
		sim.seed.label({ accountId, title: 'billing' });
		expect(await options('getLabels')).toEqual([
			{ name: 'billing', value: 'billing', description: undefined },
			{ name: 'vip', value: 'vip', description: 'Important' },
		]);
	});

	it('getAgents offers user IDs with email and role', async () => {
		const bob = sim.seed.user({ name: 'Bob', email: 'bob@acme.test', role: 'agent', accountIds: [accountId] });
		const result = await options('getAgents');
		expect(result.map((o) => o.name)).toEqual(['Alice Admin', 'Bob']);
		expect(result[1]).toEqual({ name: 'Bob', value: String(bob.id), description: 'bob@acme.test · agent' });
	});
});
