/* Shared fixture for the conversation tests: a simulator with one account, an admin token,
 * an API inbox, a team, labels and a few contacts, and a `run` helper that executes the real
 * Chatwoot node through the n8n harness. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../../../nodes/Chatwoot/Chatwoot.node';
import { runNode } from '../../../helpers/n8n-harness';

import { startSimulator } from '../../../simulator';

export const TOKEN = 'conv-admin-token';

export type Sim = any;

export interface World {
	sim: Sim;
	accountId: number;
	admin: any;
	agent: any;
	inbox: any;
	otherInbox: any;
	team: any;
	bot: any;
	contact: any;
}

export async function startWorld(): Promise<Sim> {
	return await startSimulator();
}

/** Resets the simulator and seeds a fresh account. */
export function seedWorld(sim: Sim): World {
	sim.reset();
	sim.clearRequests?.();
	const account = sim.seed.account({ name: 'Acme' });
	const admin = sim.seed.user({ name: 'Ada Admin', email: 'ada@acme.test', role: 'administrator', accountIds: [account.id], accessToken: TOKEN });
	const agent = sim.seed.user({ name: 'Alan Agent', email: 'alan@acme.test', role: 'agent', accountIds: [account.id] });
	const inbox = sim.seed.inbox({ accountId: account.id, name: 'API', channelType: 'api', memberIds: [admin.id, agent.id] });
	const otherInbox = sim.seed.inbox({ accountId: account.id, name: 'Second API', channelType: 'api', memberIds: [admin.id, agent.id] });
	const team = sim.seed.team({ accountId: account.id, name: 'Billing', memberIds: [agent.id] });
	const bot = sim.seed.agentBot({ name: 'Helper bot', accountId: account.id });
	for (const title of ['vip', 'billing', 'refund', 'urgent-care']) sim.seed.label({ accountId: account.id, title });
	const contact = sim.seed.contact({ accountId: account.id, name: 'Carla', email: 'carla@example.test', inboxId: inbox.id, sourceId: 'carla-source' });
	return { sim, accountId: account.id, admin, agent, inbox, otherInbox, team, bot, contact };
}

export const rl = (value: string | number, mode = 'id') => ({ __rl: true, mode, value: String(value) });

export async function run(
	world: World,
	parameters: IDataObject,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
): Promise<INodeExecutionData[]> {
	const [out] = await runNode(new Chatwoot(), {
		parameters: { resource: 'conversation', ...parameters },
		credentials: [
			{
				type: 'chatwootSuiteApi',
				data: { baseUrl: world.sim.url, accessToken: TOKEN, accountId: world.accountId },
				credentialClass: new ChatwootSuiteApi(),
			},
		],
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
	return out ?? [];
}

/** The stored conversation by display ID (the simulator's DB row). */
export function stored(world: World, displayId: number): any {
	return world.sim.store.conversationByDisplay(world.accountId, displayId);
}

/** Seeds a conversation with the default contact in the default inbox. */
export function seedConversation(world: World, extra: IDataObject = {}): any {
	return world.sim.seed.conversation({ accountId: world.accountId, inboxId: world.inbox.id, contactId: world.contact.id, ...extra });
}
