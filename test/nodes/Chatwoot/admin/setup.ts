/* Fixture for the automation, report and help-center tests (issue 14 part B): the message/inbox world
 * (one account, admin token, API + website inboxes, a contact with a conversation in each) and a `run`
 * helper for any resource of the Chatwoot node. */
import type { IDataObject, INodeExecutionData, INodeListSearchResult } from 'n8n-workflow';

import { Chatwoot } from '../../../../nodes/Chatwoot/Chatwoot.node';
import { loadOptions, runNode } from '../../../helpers/n8n-harness';
import { credentials, rl, seedWorld, startWorld } from '../message/setup';
import type { Sim, World } from '../message/setup';

export { rl, seedWorld, startWorld };
export type { Sim, World };

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

export async function search(world: World, method: string, parameters: IDataObject = {}, filter?: string): Promise<INodeListSearchResult> {
	return (await loadOptions(new Chatwoot(), method, { credentials: credentials(world), parameters, filter, kind: 'listSearch' })) as INodeListSearchResult;
}

/** A portal locator value by slug. */
export const slug = (value: string) => ({ __rl: true, mode: 'slug', value });

/** Chatwoot requests of the last run (simulator control calls excluded). */
export const calls = (sim: Sim, method?: string) => sim.requests.filter((r) => !method || r.method === method);
