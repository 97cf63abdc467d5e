/**
 * Shared setup for the Chatwoot Client node tests: one simulator per file, an account with an
 * administrator (for the agent side) and an API inbox, and `client()` which runs the real
 * Chatwoot Client node through n8n-core's harness with the `chatwootSuiteClientApi` credential.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../credentials/ChatwootSuiteApi.credentials';
import { ChatwootSuiteClientApi } from '../../../credentials/ChatwootSuiteClientApi.credentials';
import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';
import { ChatwootClient } from '../../../nodes/ChatwootClient/ChatwootClient.node';
import { expectRequestsMatchSpec } from '../../contract/spec';
import { loadOptions, runNode } from '../../helpers/n8n-harness';

const { startSimulator } = require('../../simulator');

export type Simulator = any;

export interface Env {
	sim: Simulator;
	accountId: number;
	inboxId: number;
	inboxIdentifier: string;
	hmacToken: string;
	agentToken: string;
}

export const AGENT_TOKEN = 'client-test-agent-token-0123456789';

export async function startEnv(): Promise<Simulator> {
	return await startSimulator();
}

/** Resets the simulator; seeds an account, an administrator and an API inbox (optionally enforcing HMAC). */
export function seedBasics(sim: Simulator, { hmacMandatory = false } = {}): Env {
	sim.reset();
	const account = sim.seed.account({ name: 'Acme' });
	sim.seed.user({ name: 'Alice Agent', email: 'alice@acme.test', role: 'administrator', accountIds: [account.id], accessToken: AGENT_TOKEN });
	const inbox = sim.seed.inbox({ accountId: account.id, name: 'Website chat', channelType: 'api', hmacMandatory });
	return {
		sim,
		accountId: account.id,
		inboxId: inbox.id,
		inboxIdentifier: inbox.inbox_identifier,
		hmacToken: inbox.hmac_token,
		agentToken: AGENT_TOKEN,
	};
}

export const rl = (value: string | number, mode = 'id') => ({ __rl: true, mode, value: String(value) });

export interface ClientOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Credential overrides, e.g. { hmacToken } or a wrong inboxIdentifier. */
	credential?: IDataObject;
}

export function clientCredential(env: Env, overrides: IDataObject = {}) {
	return {
		type: 'chatwootSuiteClientApi',
		data: { baseUrl: env.sim.url, inboxIdentifier: env.inboxIdentifier, ...overrides },
		credentialClass: new ChatwootSuiteClientApi(),
	};
}

/** Runs the Chatwoot Client node; returns the output items' json. */
export async function client(
	env: Env,
	resource: string,
	operation: string,
	parameters: IDataObject,
	options: ClientOptions = {},
): Promise<IDataObject[]> {
	const output = await runNode(new ChatwootClient(), {
		parameters: { resource, operation, ...parameters },
		credentials: [clientCredential(env, options.credential)],
		items: options.items,
		continueOnFail: options.continueOnFail,
		nodeName: 'Chatwoot Client',
	});
	return (output[0] ?? []).map((item) => item.json);
}

/** Runs the full output items (with pairedItem). */
export async function clientItems(
	env: Env,
	resource: string,
	operation: string,
	parameters: IDataObject,
	options: ClientOptions = {},
): Promise<INodeExecutionData[]> {
	const output = await runNode(new ChatwootClient(), {
		parameters: { resource, operation, ...parameters },
		credentials: [clientCredential(env, options.credential)],
		items: options.items,
		continueOnFail: options.continueOnFail,
		nodeName: 'Chatwoot Client',
	});
	return output[0] ?? [];
}

/** Runs and returns the error the node threw (fails the test when it did not throw). */
export async function clientError(
	env: Env,
	resource: string,
	operation: string,
	parameters: IDataObject,
	options: ClientOptions = {},
): Promise<Error & { description?: string | null; httpCode?: string | null }> {
	try {
		await client(env, resource, operation, parameters, options);
	} catch (error) {
		return error as Error & { description?: string | null; httpCode?: string | null };
	}
	throw new Error(`${resource}.${operation} was expected to fail but succeeded`);
}

/** Runs the agent-side Chatwoot action node (Application API). */
export async function agent(env: Env, resource: string, operation: string, parameters: IDataObject): Promise<IDataObject[]> {
	const output = await runNode(new Chatwoot(), {
		parameters: { resource, operation, ...parameters },
		credentials: [
			{
				type: 'chatwootSuiteApi',
				data: { baseUrl: env.sim.url, accessToken: env.agentToken, accountId: env.accountId },
				credentialClass: new ChatwootSuiteApi(),
			},
		],
	});
	return (output[0] ?? []).map((item) => item.json);
}

/** The Chatwoot Client node's list search (resource locator "From List"). */
export async function listSearch(env: Env, method: string, parameters: IDataObject, filter?: string) {
	return await loadOptions(new ChatwootClient(), method, {
		credentials: [clientCredential(env)],
		parameters,
		filter,
		kind: 'listSearch',
		path: 'parameters.conversationId',
	});
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

/** Creates a contact through the Client API (the node) and returns its output. */
export async function newContact(env: Env, fields: IDataObject = {}): Promise<IDataObject> {
	const [contact] = await client(env, 'contact', 'create', { additionalFields: { name: 'Visitor', ...fields } });
	return contact;
}

/** Creates a contact and a conversation through the node; returns both. */
export async function newConversation(env: Env): Promise<{ sourceId: string; conversationId: number; contact: IDataObject }> {
	const contact = await newContact(env);
	const sourceId = String(contact.source_id);
	const [conversation] = await client(env, 'conversation', 'create', { contactIdentifier: sourceId });
	return { sourceId, conversationId: Number(conversation.id), contact };
}

export function conversationRecord(env: Env, displayId: number): IDataObject {
	return env.sim.find.conversation(env.accountId, displayId);
}
