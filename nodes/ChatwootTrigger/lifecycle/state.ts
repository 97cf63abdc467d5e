import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { chatwootApiRequest, unwrapRecord } from '../../shared/transport';
import { ACCOUNT_EVENTS, AGENT_BOT_EVENTS, API_INBOX_EVENTS } from '../filters';
import type { AgentBotRegistration } from './botRegistration';

/**
 * The trigger's registration in Chatwoot, kept in `getWorkflowStaticData('node')`. Never a secret:
 * static data sits unencrypted in n8n's database, the public API's workflow object and exports.
 * - accountWebhook: `webhookId`, `createdByUs` (else `previousName` / `previousSubscriptions`
 *   of an adopted webhook, restored on deactivation);
 * - apiInbox: `inboxId`, `previousWebhookUrl` (restored on deactivation);
 * - every source: `source`, `ownUrl`, `ownUserId` (the credential's user, for the loop guard) and
 *   `signed` (Chatwoot has shown a signing secret or sent a signed delivery: from then on an
 *   unsigned delivery is never accepted, whatever the options say).
 * `secret` is only listed to remove what versions before 0.1.0 stored there.
 */
export interface TriggerState {
	source?: SourceName;
	/** agentBot: the bot, its previous outgoing URL and each connected inbox's previous bot (botRegistration.ts). */
	agentBot?: AgentBotRegistration;
	webhookId?: number;
	inboxId?: number;
	ownUrl?: string;
	createdByUs?: boolean;
	previousName?: string;
	previousSubscriptions?: string[];
	previousWebhookUrl?: string;
	ownUserId?: number;
	signed?: boolean;
	/** @deprecated never written; removed wherever found */
	secret?: string;
}

/** Where the trigger receives events from. A new source adds its name here and a module in lifecycle/. */
export type SourceName = 'accountWebhook' | 'apiInbox' | 'agentBot';

const STATE_KEYS: Array<keyof TriggerState> = [
	'source',
	'agentBot',
	'webhookId',
	'inboxId',
	'ownUrl',
	'secret',
	'createdByUs',
	'previousName',
	'previousSubscriptions',
	'previousWebhookUrl',
	'ownUserId',
	'signed',
];

/** Names our webhooks start with; a webhook at our URL with this prefix is a leftover of ours. */
export const WEBHOOK_NAME_PREFIX = 'n8n: ';

export type Context = IHookFunctions | IWebhookFunctions;

export function state(context: Context): TriggerState & IDataObject {
	return context.getWorkflowStaticData('node') as TriggerState & IDataObject;
}

export function clearState(context: Context): void {
	const data = state(context);
	for (const key of STATE_KEYS) delete data[key];
}

/** Removes a signing secret an older version of this node kept in static data; it proves Chatwoot signs. */
export function dropLegacySecret(context: Context): void {
	const data = state(context);
	if (data.secret === undefined) return;
	if (typeof data.secret === 'string' && data.secret !== '') data.signed = true;
	delete data.secret;
}

export function httpCode(error: unknown): string | undefined {
	const code = (error as { httpCode?: unknown })?.httpCode;
	return code === undefined || code === null ? undefined : String(code);
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Awaits a request and hands back its error instead of throwing, so callers can accept a 404. */
export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	try {
		return { ok: true, value: await promise };
	} catch (error) {
		return { ok: false, error };
	}
}

export function idOf(value: unknown): number | undefined {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The signing secret of a webhook or API inbox record (absent before Chatwoot signed that kind). */
export function secretOf(record: IDataObject | undefined): string | undefined {
	return record && typeof record.secret === 'string' && record.secret !== '' ? record.secret : undefined;
}

export function ownUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n could not tell this trigger its webhook URL');
	return url;
}

export function sourceOf(context: Context): SourceName {
	const value = context.getNodeParameter('source', 'accountWebhook');
	return value === 'apiInbox' || value === 'agentBot' ? value : 'accountWebhook';
}

export function selectedEvents(context: Context, source: string): string[] {
	const raw = context.getNodeParameter('events', []) as unknown;
	const list = Array.isArray(raw) ? raw.map((e) => String(e)) : [];
	const allowed: readonly string[] =
		source === 'apiInbox' ? API_INBOX_EVENTS : source === 'agentBot' ? AGENT_BOT_EVENTS : ACCOUNT_EVENTS;
	return [...new Set(list)].filter((e) => allowed.includes(e)).sort();
}

export function configuredInboxId(context: Context, required: boolean): number | undefined {
	const raw = context.getNodeParameter('inboxId', '', { extractValue: true }) as unknown;
	const text = String(raw ?? '').trim();
	if (text === '') {
		if (!required) return undefined;
		throw new NodeOperationError(context.getNode(), 'Choose the API inbox whose callback URL this trigger should use', {
			description: 'Pick an inbox of the API channel in the Inbox field.',
		});
	}
	if (!/^\d+$/.test(text)) {
		throw new NodeOperationError(context.getNode(), `The inbox ID "${text}" is not a valid ID`, {
			description: 'Enter the numeric inbox ID or pick one from the list.',
		});
	}
	return Number(text);
}

/** Whether the user turned on "Accept Unsigned Deliveries (Insecure)". */
export function acceptsUnsigned(context: Context): boolean {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return options.acceptUnsigned === true;
}

/**
 * The credential's own user (`GET /api/v1/profile`), for the loop guard. Agent-bot tokens cannot
 * manage webhooks or inbox callbacks, so they are refused here with a clear message.
 */
export async function rememberOwnUser(context: IHookFunctions): Promise<void> {
	const result = await settle(chatwootApiRequest(context, { method: 'GET', path: '/api/v1/profile', scope: 'root' }));
	if (!result.ok) {
		if (httpCode(result.error) === '401' && /bot/i.test(String((result.error as Error).message))) {
			throw new NodeOperationError(context.getNode(), 'The Chatwoot Trigger needs a user access token, not an agent-bot token', {
				description:
					"Chatwoot lets only administrators manage webhooks and inbox callback URLs. Use a credential with an administrator's access token (Profile settings → Access Token).",
			});
		}
		throw result.error;
	}
	const id = idOf(unwrapRecord(result.value).id);
	if (id !== undefined) state(context).ownUserId = id;
}

/**
 * Activation without a signing secret: refused unless the user accepts unsigned deliveries.
 * `what` names the registration ("account webhooks", "API inbox callbacks"), `since` the first
 * Chatwoot release that signs them.
 */
export function unsignedRefusal(context: IHookFunctions, what: string, since: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Chatwoot returned no signing secret: it does not sign ${what}`, {
		description: `Chatwoot signs ${what} from version ${since} on; older versions send them unsigned, so anyone who learns the webhook URL could start this workflow with a forged event. Update Chatwoot to ${since} or later, or (insecure) turn on Options → "Accept Unsigned Deliveries (Insecure)" and keep the webhook URL private.`,
	});
}

/**
 * One place events come from. Adding a source (e.g. an agent bot's outgoing URL) means one module
 * implementing this, its name in `SourceName`, and an entry in `SOURCES` (lifecycle/index.ts).
 */
export interface TriggerSource {
	/** True when the registration in Chatwoot still matches this node (n8n then skips create()). */
	checkExists(context: IHookFunctions): Promise<boolean>;
	/** Registers n8n's URL; refuses (and undoes) when Chatwoot has no signing secret, unless unsigned is accepted. */
	create(context: IHookFunctions): Promise<boolean>;
	/** Undoes create(), by what was stored. */
	remove(context: IHookFunctions): Promise<boolean>;
	/**
	 * The record whose `secret` signs the deliveries (from static data, so it works in any
	 * process): a cache key and how to fetch it with the credential. undefined = not registered.
	 */
	secretRecord(context: Context, data: TriggerState): { id: string; fetch: () => Promise<string | undefined> } | undefined;
}
