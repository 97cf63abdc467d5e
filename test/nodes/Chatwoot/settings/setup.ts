/* Fixture for the account-administration resources (account, profile, agent, team, label, …):
 * the message/inbox world plus a `run` for any resource of the Chatwoot node. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Chatwoot } from '../../../../nodes/Chatwoot/Chatwoot.node';
import { loadOptions, runNode } from '../../../helpers/n8n-harness';
import { credentials } from '../message/setup';
import type { World } from '../message/setup';

export { rl, seedWorld, startWorld, TOKEN } from '../message/setup';
export type { Sim, World } from '../message/setup';

export async function run(
	world: World,
	resource: string,
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

export async function search(world: World, method: string, filter?: string, parameters: IDataObject = {}) {
	return await loadOptions(new Chatwoot(), method, { credentials: credentials(world), kind: 'listSearch', filter, parameters });
}

/** Requests that changed something (the reads are left out). */
export const writes = (world: World) => world.sim.requests.filter((r) => r.method !== 'GET');
