/**
 * Shared setup for the contact tests: one simulator per file, an account with an admin user and
 * an API inbox, and `run()` that executes the real Chatwoot node through n8n-core's harness.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../../../nodes/Chatwoot/Chatwoot.node';
import { expectRequestsMatchSpec } from '../../../contract/spec';
import { runNode } from '../../../helpers/n8n-harness';

const { startSimulator } = require('../../../simulator');

export type Simulator = any;

export interface Env {
	sim: Simulator;
	accountId: number;
	inboxId: number;
	token: string;
}

export const TOKEN = 'contact-test-token-0123456789';

export async function startEnv(): Promise<Simulator> {
	return await startSimulator();
}

/** Resets the simulator and seeds an account, an administrator and an API inbox. */
export function seedBasics(sim: Simulator): Env {
	sim.reset();
	const account = sim.seed.account({ name: 'Acme' });
	sim.seed.user({ name: 'Admin', email: 'admin@acme.test', role: 'administrator', accountIds: [account.id], accessToken: TOKEN });
	const inbox = sim.seed.inbox({ accountId: account.id, name: 'API', channelType: 'api' });
	return { sim, accountId: account.id, inboxId: inbox.id, token: TOKEN };
}

export const rl = (value: string | number, mode = 'id') => ({ __rl: true, mode, value: String(value) });

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

/** Runs resource "contact" with `operation` and `parameters`; returns the output items' json. */
export async function run(
	env: Env,
	operation: string,
	parameters: IDataObject,
	options: RunOptions = {},
): Promise<IDataObject[]> {
	const output = await runNode(new Chatwoot(), {
		parameters: { resource: 'contact', operation, ...parameters },
		credentials: [
			{
				type: 'chatwootSuiteApi',
				data: { baseUrl: env.sim.url, accessToken: env.token, accountId: env.accountId },
				credentialClass: new ChatwootSuiteApi(),
			},
		],
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
	return (output[0] ?? []).map((item) => item.json);
}

/** Runs and returns the error the node threw (fails the test when it did not throw). */
export async function runError(env: Env, operation: string, parameters: IDataObject, options: RunOptions = {}): Promise<Error> {
	try {
		await run(env, operation, parameters, options);
	} catch (error) {
		return error as Error;
	}
	throw new Error(`contact.${operation} was expected to fail but succeeded`);
}

/** Message and description of a node error, for matching. */
export function errorText(error: Error & { description?: string | null }): string {
	return `${error.message} ${error.description ?? ''}`;
}

/** Every Chatwoot request this test sent must match the OpenAPI spec or a documented deviation. */
export function checkContract(sim: Simulator): void {
	const requests = (sim.requests as Array<{ path: string }>).filter((r) => !r.path.startsWith('/__sim'));
	if (requests.length) expectRequestsMatchSpec(sim.requests);
}

export function contactsOf(env: Env): IDataObject[] {
	return (env.sim.db.contacts as IDataObject[]).filter((c) => c.account_id === env.accountId);
}
