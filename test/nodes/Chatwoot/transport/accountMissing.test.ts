/**
 * A wrong Account ID in the credential: Chatwoot answers the same 404 as for a missing record
 * (ensure_current_account_helper.rb, Account.find inside handle_with_exception). Errors must say the account
 * does not exist and point at the credential's Account ID, not blame the record.
 */
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../../../nodes/Chatwoot/Chatwoot.node';
import { expectRequestsMatchSpec } from '../../../contract/spec';
import { loadOptions, runNode } from '../../../helpers/n8n-harness';
import { startSimulator } from '../../../simulator';
import type { ChatwootSimulator } from '../../../simulator';

let sim: ChatwootSimulator;
let accountId: number;
let userToken: string;
let botToken: string;

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(async () => sim.close());
beforeEach(() => {
	sim.reset();
	accountId = sim.seed.account({ name: 'Acme' }).id;
	userToken = sim.seed.user({ name: 'Alice', email: 'alice@acme.test', role: 'administrator', accountIds: [accountId] }).access_token;
	botToken = sim.seed.agentBot({ name: 'Bot', accountId }).access_token;
});
afterEach(() => expectRequestsMatchSpec(sim.requests.filter((r) => !r.path.startsWith('/__sim'))));

const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const credentials = (account: number, token = userToken) => [
	{ type: 'chatwootSuiteApi', data: { baseUrl: sim.url, accessToken: token, accountId: account }, credentialClass: new ChatwootSuiteApi() },
];

async function runError(parameters: IDataObject, account: number, token?: string): Promise<Error & { description?: string; httpCode?: string }> {
	try {
		await runNode(new Chatwoot(), { parameters, credentials: credentials(account, token) });
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error('expected the node to fail');
}

describe('an Account ID that does not exist', () => {
	it('Contact → Get says the account does not exist and points at the Account ID', async () => {
		const contact = sim.seed.contact({ accountId, name: 'Ann', email: 'ann@acme.test' });
		const error = await runError({ resource: 'contact', operation: 'get', contactId: rl(contact.id) }, 999);
		expect(error.message).toBe(`Chatwoot account 999 does not exist at ${sim.url}`);
		expect(error.message).not.toMatch(/[Cc]ontact/);
		expect(error.description).toMatch(/Open the Chatwoot credential and correct its Account ID/);
		expect(error.description).toMatch(new RegExp(`belongs to account ${accountId}\\.`));
		expect(error.httpCode).toBe('404');
	});

	it('a missing record in an existing account still names the record', async () => {
		const error = await runError({ resource: 'contact', operation: 'get', contactId: rl(424242) }, accountId);
		expect(error.message).toBe(`Contact 424242 was not found in Chatwoot account ${accountId}`);
	});

	it('asks Chatwoot once per execution, however many items fail', async () => {
		const output = await runNode(new Chatwoot(), {
			parameters: { resource: 'contact', operation: 'get', contactId: rl('={{ $json.id }}') },
			credentials: credentials(999),
			items: [1, 2, 3, 4].map((id) => ({ json: { id } })),
			continueOnFail: true,
		});
		for (const item of output[0]) expect(String(item.json.error)).toMatch(/^Chatwoot account 999 does not exist/);
		expect(output[0]).toHaveLength(4);
		expect(sim.requests.filter((r) => r.path === '/api/v1/profile')).toHaveLength(1);
	});

	it('Conversation → Create does not rewrite it into "contact or inbox not found"', async () => {
		const error = await runError(
			{ resource: 'conversation', operation: 'create', createBy: 'contact', contactId: rl(1), inboxId: rl(1) },
			999,
		);
		expect(error.message).toMatch(/^Chatwoot account 999 does not exist/);
	});

	it('the contact list in the editor says so too', async () => {
		let failure: Error | undefined;
		try {
			(await loadOptions(new Chatwoot(), 'searchContacts', { credentials: credentials(999) })) as INodeListSearchResult;
		} catch (error) {
			failure = error as Error;
		}
		expect(failure?.message).toMatch(/^Chatwoot account 999 does not exist/);
	});

	it('an agent-bot token (which may not read the profile) keeps the record message', async () => {
		const error = await runError({ resource: 'conversation', operation: 'get', conversationId: rl(5) }, 999, botToken);
		expect(error.message).toBe('Conversation 5 was not found in Chatwoot account 999');
	});

});
