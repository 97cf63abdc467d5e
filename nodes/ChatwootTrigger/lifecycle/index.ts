import type { IHookFunctions } from 'n8n-workflow';

import { accountWebhook } from './accountWebhook';
import { agentBot } from './agentBot';
import { apiInbox } from './apiInbox';
import { sourceOf, state } from './state';
import type { SourceName, TriggerSource } from './state';

export { ACCOUNT_WEBHOOKS_SIGNED_SINCE } from './accountWebhook';
export { API_INBOX_CALLBACKS_SIGNED_SINCE } from './apiInbox';
export { AGENT_BOTS_SIGNED_SINCE } from './agentBot';
export { secretKey, secretKeyFor } from './secretKey';
export {
	acceptsUnsigned,
	configuredInboxId,
	dropLegacySecret,
	selectedEvents,
	sourceOf,
	state,
	WEBHOOK_NAME_PREFIX,
} from './state';
export type { SourceName, TriggerSource, TriggerState } from './state';

/** Every source the trigger offers; the `source` parameter's values. */
export const SOURCES: Record<SourceName, TriggerSource> = { accountWebhook, apiInbox, agentBot };

/** The source that registered (static data), or the one chosen now when nothing is registered. */
export function registeredSource(context: Parameters<typeof sourceOf>[0]): TriggerSource {
	const stored = state(context).source;
	return stored && stored in SOURCES ? SOURCES[stored] : SOURCES[sourceOf(context)];
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	return await SOURCES[sourceOf(this)].checkExists(this);
}

export async function create(this: IHookFunctions): Promise<boolean> {
	return await SOURCES[sourceOf(this)].create(this);
}

/** Undoes what create() did, by what was stored (the source parameter may have changed since). */
export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	return await registeredSource(this).remove(this);
}
