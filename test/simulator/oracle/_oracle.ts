// Shared setup for the oracle tests: assertions ported from Chatwoot's own RSpec suite (commit f66b551c, v4.15.0),
// run against the simulator. Every `it` names the spec file and line it ports; comments say how the Rails fixture
// (FactoryBot) was rebuilt with the simulator's seeding. Read a spec with
//   git -C /work/.mirror/twobrainbr+twobrain-spark/repo show f66b551c:<spec path>
import { startSimulator } from '../index';
import type { ChatwootSimulator } from '../index';
import { call } from '../_helpers';

export { call };

export interface Oracle {
	sim: ChatwootSimulator;
	accountId: number;
	A: string;
	admin: { id: number; name: string; access_token: string };
	agent: { id: number; name: string; access_token: string };
	inbox: { id: number; inbox_identifier: string; hmac_token: string; secret?: string };
}

export async function startOracle(): Promise<ChatwootSimulator> {
	return startSimulator({ port: 0 });
}

/** `create(:account)`, an administrator, an agent and an API inbox (`create(:inbox)` / `create(:channel_api)`). */
export function seedOracle(sim: ChatwootSimulator): Oracle {
	sim.reset();
	const account = sim.seed.account({ name: 'Oracle' });
	const admin = sim.seed.user({ name: 'Admin', email: 'admin@oracle.test', role: 'administrator', accountIds: [account.id] });
	const agent = sim.seed.user({ name: 'Agent', email: 'agent@oracle.test', role: 'agent', accountIds: [account.id] });
	const inbox = sim.seed.inbox({ accountId: account.id, name: 'API', channelType: 'api' });
	return {
		sim,
		accountId: account.id,
		A: `/api/v1/accounts/${account.id}`,
		admin: admin as Oracle['admin'],
		agent: agent as Oracle['agent'],
		inbox: inbox as unknown as Oracle['inbox'],
	};
}

/** Webhook deliveries of one event, parsed (deliveries are recorded even when the receiver is unreachable). */
export async function delivered(sim: ChatwootSimulator, event: string): Promise<Array<Record<string, any>>> {
	await sim.flushDeliveries();
	return sim.deliveries.filter((d) => d.event === event).map((d) => JSON.parse(d.body));
}

/** A receiver that refuses connections: deliveries are attempted, logged, and fail fast. */
export const DEAD_URL = 'http://127.0.0.1:9/hook';
