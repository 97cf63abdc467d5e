/**
 * Issue 17, point 2: n8n keeps a resource locator's value when the user switches mode (From List → By URL →
 * By ID → From List leaves the URL). Every mode of every locator of every node therefore accepts a number,
 * `#42`, surrounding spaces and an address copied from Chatwoot — in the editor (the mode's validation, which
 * n8n anchors as `^…$`) and when the node runs (getId).
 */
import type { IDataObject, INodeProperties, INodeType } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../credentials/ChatwootSuiteApi.credentials';
import { ChatwootSuiteClientApi } from '../../../credentials/ChatwootSuiteClientApi.credentials';
import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';
import { ChatwootClient } from '../../../nodes/ChatwootClient/ChatwootClient.node';
import { ChatwootPlatform } from '../../../nodes/ChatwootPlatform/ChatwootPlatform.node';
import { parsePortalSlug } from '../../../nodes/Chatwoot/actions/portal/shared';
import { parseChatwootId } from '../../../nodes/shared/helpers/ids';
import { runNode } from '../../helpers/n8n-harness';
import { startSimulator } from '../../simulator';
import type { ChatwootSimulator } from '../../simulator';

interface Found {
	node: string;
	path: string;
	property: INodeProperties;
}

function locators(node: INodeType): Found[] {
	const found: Found[] = [];
	const walk = (properties: INodeProperties[], path: string) => {
		for (const property of properties) {
			const here = path ? `${path}.${property.name}` : property.name;
			if (property.type === 'resourceLocator') found.push({ node: node.description.name, path: here, property });
			for (const option of (property.options ?? []) as Array<INodeProperties & { values?: INodeProperties[] }>) {
				if ('type' in option && option.type) walk([option], here);
				if (option.values) walk(option.values, here);
			}
		}
	};
	walk(node.description.properties, '');
	return found;
}

const everyLocator = [...locators(new Chatwoot()), ...locators(new ChatwootClient()), ...locators(new ChatwootPlatform())];
/** Locators of numeric IDs (the portal's is a slug, tested below). */
const all = everyLocator.filter((f) => f.property.modes!.some((m) => m.name === 'id'));

/** n8n's editor check (NodeHelpers.validateResourceLocatorParameter): every regex must match `^…$`. */
function editorErrors(property: INodeProperties, mode: string, value: string): string[] {
	const spec = property.modes!.find((m) => m.name === mode)!;
	const errors: string[] = [];
	for (const validation of spec.validation ?? []) {
		if (typeof validation === 'object' && validation.type === 'regex') {
			const { regex, errorMessage } = validation.properties as { regex: string; errorMessage: string };
			if (!new RegExp(`^${regex}$`).test(value)) errors.push(errorMessage);
		}
	}
	return errors;
}

/** A Chatwoot address for this locator: its "By URL" example, or a conversation's address for the Client node's. */
function sampleUrl(found: Found): string | undefined {
	const url = found.property.modes!.find((m) => m.name === 'url');
	if (url) return String(url.placeholder);
	if (found.path.endsWith('conversationId')) return 'https://app.chatwoot.com/app/accounts/1/conversations/42';
	if (found.path.endsWith('accountId')) return 'https://app.chatwoot.com/app/accounts/42/dashboard';
	if (found.path.endsWith('agentBotId')) return 'https://app.chatwoot.com/super_admin/agent_bots/42';
	return undefined;
}

describe('every resource locator accepts every form in every mode', () => {
	it('finds the locators (Chatwoot and Chatwoot Client nodes)', () => {
		expect(all.length).toBeGreaterThan(20);
		expect(all.some((f) => f.node === 'chatwootClient')).toBe(true);
		expect(all.some((f) => f.node === 'chatwootPlatform')).toBe(true);
	});

	it.each(all.map((f) => [`${f.node} ${f.path}`, f] as const))('%s', (_name, found) => {
		const url = sampleUrl(found);
		const expected = url ? parseChatwootId(url, found.path) : 42;
		expect(expected).toEqual(expect.any(Number));
		const values = ['42', ' 42 ', '#42', ' #42', ...(url ? [url, ` ${url} `] : [])];
		for (const mode of found.property.modes!) {
			for (const value of values) {
				expect({ mode: mode.name, value, errors: editorErrors(found.property, mode.name, value) }).toEqual({
					mode: mode.name,
					value,
					errors: [],
				});
				const id = parseChatwootId({ __rl: true, mode: mode.name, value }, found.path);
				expect({ mode: mode.name, value, id }).toEqual({ mode: mode.name, value, id: /\/|^ ?https?:/.test(value) ? expected : 42 });
			}
			// The typed modes still catch what is no ID ("From List" has nothing to check).
			if (mode.validation) for (const bad of ['abc', '4 2', '']) expect(editorErrors(found.property, mode.name, bad)).not.toEqual([]);
		}
	});
});

describe('the Portal locator (a slug) accepts a slug or an address in every mode', () => {
	const portals = everyLocator.filter((f) => f.path.endsWith('portalSlug'));
	it.each(portals.map((f) => [f.path, f] as const))('%s', (_name, found) => {
		const url = 'https://app.chatwoot.com/app/accounts/1/portals/help/en/articles';
		for (const mode of found.property.modes!) {
			for (const value of ['help', ' help ', url, ` ${url} `]) {
				expect({ mode: mode.name, value, errors: editorErrors(found.property, mode.name, value) }).toEqual({ mode: mode.name, value, errors: [] });
				expect(parsePortalSlug({ __rl: true, mode: mode.name, value })).toBe('help');
			}
		}
	});
	it('there is one', () => expect(portals.length).toBeGreaterThan(0));
});

describe('parseChatwootId reads the ID where Chatwoot puts it', () => {
	it.each([
		['conversationId', 'https://chat.example.com/app/accounts/1/conversations/42', 42],
		['conversationId', 'https://chat.example.com/app/accounts/1/inbox/3/conversations/42?messageId=9', 42],
		['conversationId', 'chat.example.com/app/accounts/1/label/vip/conversations/7', 7],
		['conversationId', '#12', 12],
		['contactId', '/app/accounts/1/contacts/7', 7],
		['inboxId', 'https://chat.example.com/app/accounts/1/inbox/3', 3],
		['filters.inboxId', 'https://chat.example.com/app/accounts/1/settings/inboxes/3/collaborators', 3],
		['additionalFields.teamId', 'https://chat.example.com/app/accounts/1/settings/teams/2/edit', 2],
		['messageId', 'https://chat.example.com/app/accounts/1/conversations/42?messageId=1234', 1234],
		['messageId', 5, 5],
	])('%s %j → %i', (name, value, id) => {
		expect(parseChatwootId(value, name)).toBe(id);
	});

	it.each([
		['contactId', 'https://chat.example.com/app/accounts/1/conversations/42'],
		['contactId', 'https://chat.example.com/app/accounts/1/contacts'],
		['contactId', 'https://chat.example.com/app/accounts/1/contacts/7x'],
		['contactId', 'abc'],
		['contactId', '-3'],
		['assigneeId', 'https://chat.example.com/app/accounts/1/settings/agents/list'],
	])('%s %j → nothing', (name, value) => {
		expect(parseChatwootId(value, name)).toBeUndefined();
	});
});

describe('the node runs with a stale URL in any mode', () => {
	let sim: ChatwootSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
	});
	afterAll(async () => sim.close());

	it.each([
		['list', (id: number) => `URL/app/accounts/ACC/contacts/${id}`],
		['id', (id: number) => `URL/app/accounts/ACC/contacts/${id}`],
		['id', (id: number) => ` #${id} `],
		['url', (id: number) => `${id}`],
		['url', (id: number) => `URL/app/accounts/ACC/contacts/${id}?tab=attributes`],
	])('Contact → Get, mode %s', async (mode, value) => {
		sim.reset();
		const accountId = sim.seed.account({ name: 'Acme' }).id;
		const token = sim.seed.user({ name: 'A', email: 'a@acme.test', accountIds: [accountId] }).access_token;
		const contact = sim.seed.contact({ accountId, name: 'Ann', email: 'ann@acme.test' });
		const text = value(contact.id).replace('URL', sim.url).replace('ACC', String(accountId));
		const output = await runNode(new Chatwoot(), {
			parameters: { resource: 'contact', operation: 'get', contactId: { __rl: true, mode, value: text } },
			credentials: [
				{ type: 'chatwootSuiteApi', data: { baseUrl: sim.url, accessToken: token, accountId }, credentialClass: new ChatwootSuiteApi() },
			],
		});
		expect(output[0][0].json).toMatchObject({ id: contact.id, name: 'Ann' });
	});

	it('Chatwoot Client → Conversation → Get takes a conversation address in "By ID"', async () => {
		sim.reset();
		const accountId = sim.seed.account({ name: 'Acme' }).id;
		const inbox = sim.seed.inbox({ accountId, name: 'API', channelType: 'api' });
		const contact = sim.seed.contact({ accountId, name: 'Ann', inboxId: inbox.id });
		const conversation = sim.seed.conversation({ accountId, inboxId: inbox.id, contactId: contact.id, sourceId: contact.contact_inbox!.source_id });
		const address = `${sim.url}/app/accounts/${accountId}/conversations/${conversation.display_id}`;
		const output = await runNode(new ChatwootClient(), {
			parameters: {
				resource: 'conversation',
				operation: 'get',
				contactIdentifier: contact.contact_inbox!.source_id,
				conversationId: { __rl: true, mode: 'id', value: ` ${address} ` },
			},
			credentials: [
				{
					type: 'chatwootSuiteClientApi',
					data: { baseUrl: sim.url, inboxIdentifier: inbox.inbox_identifier },
					credentialClass: new ChatwootSuiteClientApi(),
				},
			],
		});
		expect((output[0][0].json as IDataObject).id).toBe(conversation.display_id);
	});

	it('a value that is no ID still gets a clear error that suggests the address', async () => {
		sim.reset();
		const accountId = sim.seed.account({ name: 'Acme' }).id;
		const token = sim.seed.user({ name: 'A', email: 'a@acme.test', accountIds: [accountId] }).access_token;
		await expect(
			runNode(new Chatwoot(), {
				parameters: { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: 'ann@acme.test' } },
				credentials: [
					{ type: 'chatwootSuiteApi', data: { baseUrl: sim.url, accessToken: token, accountId }, credentialClass: new ChatwootSuiteApi() },
				],
			}),
		).rejects.toMatchObject({
			message: 'The contact ID "ann@acme.test" is not a valid ID',
			description: expect.stringMatching(/…\/contacts\/42/),
		});
	});
});
