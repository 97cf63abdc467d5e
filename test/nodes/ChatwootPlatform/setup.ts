/**
 * Shared setup for the Chatwoot Platform node tests: one simulator per file, a Platform App with
 * its token, and `platform()` which runs the real node through n8n-core's harness with the
 * `chatwootSuitePlatformApi` credential.
 */
import type { IDataObject, INodeExecutionData, INodeListSearchResult } from 'n8n-workflow';

import { ChatwootSuitePlatformApi } from '../../../credentials/ChatwootSuitePlatformApi.credentials';
import { ChatwootPlatform } from '../../../nodes/ChatwootPlatform/ChatwootPlatform.node';
import { expectRequestsMatchSpec } from '../../contract/spec';
import { loadOptions, runNode } from '../../helpers/n8n-harness';

const { startSimulator } = require('../../simulator');

export type Simulator = any;

export const PLATFORM_TOKEN = 'platform-test-token-0123456789';
export const OTHER_PLATFORM_TOKEN = 'platform-other-token-0123456789';
/** A user's access token (not a Platform App's): the Platform API must refuse it. */
export const USER_TOKEN = 'platform-test-user-token-0123456789';

export interface Env {
	sim: Simulator;
	appId: number;
	otherAppId: number;
	/** An account, a user and a bot made outside this Platform App (Super Admin / UI / another app). */
	foreign: { accountId: number; userId: number; botId: number };
}

export async function startEnv(): Promise<Simulator> {
	return await startSimulator();
}

export function seedBasics(sim: Simulator): Env {
	sim.reset();
	const app = sim.seed.platformApp({ name: 'Provisioner', accessToken: PLATFORM_TOKEN });
	const other = sim.seed.platformApp({ name: 'Another app', accessToken: OTHER_PLATFORM_TOKEN });
	const account = sim.seed.account({ name: 'Made in the UI' });
	const user = sim.seed.user({ name: 'UI Admin', email: 'ui-admin@example.test', accountIds: [account.id], accessToken: USER_TOKEN });
	const bot = sim.seed.agentBot({ name: 'Other bot', outgoingUrl: 'https://bots.example.test/hook' });
	sim.seed.platformAppPermissible({ platformAppId: other.id, type: 'AgentBot', id: bot.id });
	return { sim, appId: app.id, otherAppId: other.id, foreign: { accountId: account.id, userId: user.id, botId: bot.id } };
}

export const rl = (value: string | number, mode = 'id') => ({ __rl: true, mode, value: String(value) });

export function platformCredential(env: Env, overrides: IDataObject = {}) {
	return {
		type: 'chatwootSuitePlatformApi',
		data: { baseUrl: env.sim.url, accessToken: PLATFORM_TOKEN, ...overrides },
		credentialClass: new ChatwootSuitePlatformApi(),
	};
}

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	credential?: IDataObject;
}

export async function platformItems(
	env: Env,
	resource: string,
	operation: string,
	parameters: IDataObject,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const output = await runNode(new ChatwootPlatform(), {
		parameters: { resource, operation, ...parameters },
		credentials: [platformCredential(env, options.credential)],
		items: options.items,
		continueOnFail: options.continueOnFail,
		nodeName: 'Chatwoot Platform',
	});
	return output[0] ?? [];
}

/** Runs the Chatwoot Platform node; returns the output items' json. */
export async function platform(env: Env, resource: string, operation: string, parameters: IDataObject, options: RunOptions = {}): Promise<IDataObject[]> {
	return (await platformItems(env, resource, operation, parameters, options)).map((item) => item.json);
}

export type NodeError = Error & { description?: string | null; httpCode?: string | null };

export async function platformError(env: Env, resource: string, operation: string, parameters: IDataObject, options: RunOptions = {}): Promise<NodeError> {
	try {
		await platform(env, resource, operation, parameters, options);
	} catch (error) {
		return error as NodeError;
	}
	throw new Error(`${resource}.${operation} was expected to fail but succeeded`);
}

export function errorText(error: NodeError): string {
	return `${error.message} ${error.description ?? ''}`;
}

export async function listSearch(env: Env, method: string, filter?: string, path = 'parameters.accountId'): Promise<INodeListSearchResult> {
	return (await loadOptions(new ChatwootPlatform(), method, {
		credentials: [platformCredential(env)],
		parameters: {},
		filter,
		kind: 'listSearch',
		path,
	})) as INodeListSearchResult;
}

/** Every Chatwoot request this test sent must match the OpenAPI spec or a documented deviation. */
export function checkContract(sim: Simulator): void {
	const requests = (sim.requests as Array<{ path: string }>).filter((r) => !r.path.startsWith('/__sim'));
	if (requests.length) expectRequestsMatchSpec(sim.requests);
}

/** The platform_app_permissibles rows of the test's app, as "Type:id". */
export function owned(env: Env, appId = env.appId): string[] {
	return env.sim.db.platformAppPermissibles
		.filter((p: IDataObject) => p.platform_app_id === appId)
		.map((p: IDataObject) => `${String(p.permissible_type)}:${String(p.permissible_id)}`);
}
