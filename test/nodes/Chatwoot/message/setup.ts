/* Shared fixture for the message and inbox tests: a simulator with one account, an admin token,
 * an API inbox, a website-widget inbox, contacts with conversations in both, and a `run` helper
 * that executes the real Chatwoot node through the n8n harness. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../../../nodes/Chatwoot/Chatwoot.node';
import { loadOptions, runNode } from '../../../helpers/n8n-harness';
import { startSimulator } from '../../../simulator';
import type { ChatwootSimulator } from '../../../simulator';

export const TOKEN = 'message-admin-token';

export type Sim = ChatwootSimulator & { store?: any };

export interface World {
	sim: Sim;
	accountId: number;
	admin: any;
	agent: any;
	otherAgent: any;
	apiInbox: any;
	widgetInbox: any;
	contact: any;
	/** conversation in the API inbox */
	conversation: any;
	/** conversation in the web widget inbox */
	widgetConversation: any;
}

export async function startWorld(): Promise<Sim> {
	return (await startSimulator()) as Sim;
}

export function seedWorld(sim: Sim): World {
	sim.reset();
	sim.clearRequests();
	const account = sim.seed.account({ name: 'Acme' });
	const admin = sim.seed.user({ name: 'Ada Admin', email: 'ada@acme.test', role: 'administrator', accountIds: [account.id], accessToken: TOKEN });
	const agent = sim.seed.user({ name: 'Alan Agent', email: 'alan@acme.test', role: 'agent', accountIds: [account.id] });
	const otherAgent = sim.seed.user({ name: 'Grace Agent', email: 'grace@acme.test', role: 'agent', accountIds: [account.id] });
	const apiInbox = sim.seed.inbox({ accountId: account.id, name: 'API', channelType: 'api', memberIds: [admin.id] });
	const widgetInbox = sim.seed.inbox({ accountId: account.id, name: 'Website', channelType: 'web_widget', memberIds: [admin.id] });
	const contact = sim.seed.contact({ accountId: account.id, name: 'Carla', email: 'carla@example.test', inboxId: apiInbox.id, sourceId: 'carla-api' });
	sim.seed.contactInbox({ contactId: contact.id, inboxId: widgetInbox.id, sourceId: 'carla-widget' });
	const conversation = sim.seed.conversation({ accountId: account.id, inboxId: apiInbox.id, contactId: contact.id });
	const widgetConversation = sim.seed.conversation({ accountId: account.id, inboxId: widgetInbox.id, contactId: contact.id });
	sim.clearRequests();
	return { sim, accountId: account.id, admin, agent, otherAgent, apiInbox, widgetInbox, contact, conversation, widgetConversation };
}

export const rl = (value: string | number, mode = 'id') => ({ __rl: true, mode, value: String(value) });

export function credentials(world: World, baseUrl = world.sim.url) {
	return [
		{
			type: 'chatwootSuiteApi',
			data: { baseUrl, accessToken: TOKEN, accountId: world.accountId },
			credentialClass: new ChatwootSuiteApi(),
		},
	];
}

export async function run(
	world: World,
	resource: 'message' | 'inbox' | 'contact' | 'conversation',
	parameters: IDataObject,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
): Promise<INodeExecutionData[]> {
	const [out] = await runNode(new Chatwoot(), {
		parameters: { resource, ...parameters },
		credentials: credentials(world),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
	return out ?? [];
}

export async function options(world: World, method: string) {
	return await loadOptions(new Chatwoot(), method, { credentials: credentials(world), kind: 'loadOptions' });
}

/** Stored messages of a conversation (by display ID), activity messages left out. */
export function storedMessages(world: World, displayId: number): any[] {
	return world.sim.find.messages(world.accountId, displayId).filter((m) => m.message_type !== 'activity');
}

export function memberIds(world: World, inboxId: number): number[] {
	return world.sim.db.inboxMembers
		.filter((m) => m.inbox_id === inboxId)
		.map((m) => m.user_id)
		.sort((a, b) => a - b);
}
