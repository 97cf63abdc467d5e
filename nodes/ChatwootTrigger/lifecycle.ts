import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { chatwootApiRequest, sameUrl, unwrapList, unwrapRecord } from '../shared/transport';
import { ACCOUNT_EVENTS, API_INBOX_EVENTS } from './filters';

/**
 * The trigger's registration in Chatwoot, kept in `getWorkflowStaticData('node')`:
 * - accountWebhook: `webhookId`, `createdByUs` (else `previousName` / `previousSubscriptions`
 *   of an adopted webhook, restored on deactivation);
 * - apiInbox: `inboxId`, `previousWebhookUrl` (restored on deactivation);
 * - both: `source`, `ownUrl`, `secret` (signing key, absent on Chatwoot < 4.12/4.13) and
 *   `ownUserId` (the credential's user, for the loop guard).
 */
export interface TriggerState {
	source?: 'accountWebhook' | 'apiInbox';
	webhookId?: number;
	inboxId?: number;
	ownUrl?: string;
	secret?: string;
	createdByUs?: boolean;
	previousName?: string;
	previousSubscriptions?: string[];
	previousWebhookUrl?: string;
	ownUserId?: number;
}

const STATE_KEYS: Array<keyof TriggerState> = [
	'source',
	'webhookId',
	'inboxId',
	'ownUrl',
	'secret',
	'createdByUs',
	'previousName',
	'previousSubscriptions',
	'previousWebhookUrl',
	'ownUserId',
];

/** Names our webhooks start with; a webhook at our URL with this prefix is a leftover of ours. */
export const WEBHOOK_NAME_PREFIX = 'n8n: ';

type Context = IHookFunctions | IWebhookFunctions;

export function state(context: Context): TriggerState & IDataObject {
	return context.getWorkflowStaticData('node') as TriggerState & IDataObject;
}

function clearState(context: Context): void {
	const data = state(context);
	for (const key of STATE_KEYS) delete data[key];
}

function httpCode(error: unknown): string | undefined {
	const code = (error as { httpCode?: unknown })?.httpCode;
	return code === undefined || code === null ? undefined : String(code);
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Awaits a request and hands back its error instead of throwing, so callers can accept a 404. */
async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	try {
		return { ok: true, value: await promise };
	} catch (error) {
		return { ok: false, error };
	}
}

function idOf(value: unknown): number | undefined {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : undefined;
}

function secretOf(record: IDataObject): string | undefined {
	return typeof record.secret === 'string' && record.secret !== '' ? record.secret : undefined;
}

function ownUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n could not tell this trigger its webhook URL');
	return url;
}

export function selectedEvents(context: IHookFunctions | IWebhookFunctions, source: string): string[] {
	const raw = context.getNodeParameter('events', []) as unknown;
	const list = Array.isArray(raw) ? raw.map((e) => String(e)) : [];
	const allowed: readonly string[] = source === 'apiInbox' ? API_INBOX_EVENTS : ACCOUNT_EVENTS;
	return [...new Set(list)].filter((e) => allowed.includes(e)).sort();
}

export function configuredInboxId(context: IHookFunctions | IWebhookFunctions, required: boolean): number | undefined {
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

function source(context: IHookFunctions): 'accountWebhook' | 'apiInbox' {
	return context.getNodeParameter('source', 'accountWebhook') === 'apiInbox' ? 'apiInbox' : 'accountWebhook';
}

function webhookName(context: IHookFunctions): string {
	const workflow = context.getWorkflow().name ?? 'workflow';
	return `${WEBHOOK_NAME_PREFIX}${workflow} (${context.getNode().name})`.slice(0, 250);
}

/**
 * The credential's own user (`GET /api/v1/profile`), for the loop guard. Agent-bot tokens cannot
 * manage webhooks or inbox callbacks, so they are refused here with a clear message.
 */
async function rememberOwnUser(context: IHookFunctions): Promise<void> {
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

// ---------------------------------------------------------------------------------------------
// Account webhook
// ---------------------------------------------------------------------------------------------

async function listWebhooks(context: IHookFunctions): Promise<IDataObject[]> {
	return unwrapList(await chatwootApiRequest(context, { method: 'GET', path: '/webhooks', subject: { resource: 'webhook' } }));
}

function subscriptionsOf(webhook: IDataObject): string[] {
	return Array.isArray(webhook.subscriptions) ? webhook.subscriptions.map((s) => String(s)).sort() : [];
}

async function accountCheckExists(context: IHookFunctions): Promise<boolean> {
	const data = state(context);
	const url = ownUrl(context);
	if (data.source !== 'accountWebhook' || data.webhookId === undefined || !sameUrl(data.ownUrl, url)) return false;
	const found = (await listWebhooks(context)).find((w) => idOf(w.id) === data.webhookId && sameUrl(String(w.url ?? ''), url));
	if (!found) {
		clearState(context);
		return false;
	}
	// Events changed while inactive: let create() update the subscriptions.
	if (subscriptionsOf(found).join(',') !== selectedEvents(context, 'accountWebhook').join(',')) return false;
	const secret = secretOf(found);
	if (secret) data.secret = secret;
	if (data.ownUserId === undefined) await rememberOwnUser(context);
	return true;
}

async function accountCreate(context: IHookFunctions): Promise<boolean> {
	const url = ownUrl(context);
	const subscriptions = selectedEvents(context, 'accountWebhook');
	if (!subscriptions.length) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event', {
			description: 'Chatwoot needs at least one subscription for a webhook.',
		});
	}
	await rememberOwnUser(context);
	const data = state(context);
	const name = webhookName(context);
	const existing = (await listWebhooks(context)).find((w) => sameUrl(String(w.url ?? ''), url));

	let record: IDataObject;
	if (existing) {
		// Chatwoot rejects a second webhook with the same URL: update the one that is there.
		const id = idOf(existing.id)!;
		const ours =
			(data.webhookId === id && data.createdByUs === true) || String(existing.name ?? '').startsWith(WEBHOOK_NAME_PREFIX);
		const adoptedBefore = data.webhookId === id && data.createdByUs === false;
		record = unwrapRecord(
			await chatwootApiRequest(context, {
				method: 'PATCH',
				path: `/webhooks/${id}`,
				body: { url, subscriptions, name },
				subject: { resource: 'webhook', id },
			}),
		);
		if (!ours && !adoptedBefore) {
			data.previousName = String(existing.name ?? '');
			data.previousSubscriptions = subscriptionsOf(existing);
		}
		data.createdByUs = ours;
		data.webhookId = id;
		if (!secretOf(record) && secretOf(existing)) record.secret = existing.secret;
	} else {
		record = unwrapRecord(
			await chatwootApiRequest(context, {
				method: 'POST',
				path: '/webhooks',
				body: { url, subscriptions, name },
				subject: { resource: 'webhook' },
				// A POST whose answer was lost may have created the webhook: look for it by URL.
				reconcile: async () => (await listWebhooks(context)).find((w) => sameUrl(String(w.url ?? ''), url)),
			}),
		);
		const id = idOf(record.id);
		if (id === undefined) {
			throw new NodeOperationError(context.getNode(), 'Chatwoot did not return the new webhook', {
				description: 'Check that the Base URL points to Chatwoot and that the token belongs to an administrator.',
			});
		}
		data.webhookId = id;
		data.createdByUs = true;
		delete data.previousName;
		delete data.previousSubscriptions;
	}
	data.source = 'accountWebhook';
	data.ownUrl = url;
	const secret = secretOf(record);
	if (secret) data.secret = secret;
	else delete data.secret;
	return true;
}

async function accountDelete(context: IHookFunctions): Promise<boolean> {
	const data = state(context);
	const id = data.webhookId;
	if (id === undefined) {
		clearState(context);
		return true;
	}
	try {
		if (data.createdByUs === false) {
			const body: IDataObject = { subscriptions: data.previousSubscriptions ?? [] };
			if (data.previousName !== undefined) body.name = data.previousName;
			if ((data.previousSubscriptions ?? []).length) {
				await chatwootApiRequest(context, { method: 'PATCH', path: `/webhooks/${id}`, body, subject: { resource: 'webhook', id } });
			}
		} else {
			await chatwootApiRequest(context, { method: 'DELETE', path: `/webhooks/${id}`, subject: { resource: 'webhook', id } });
		}
	} catch (error) {
		if (httpCode(error) !== '404') return false;
	}
	clearState(context);
	return true;
}

// ---------------------------------------------------------------------------------------------
// API inbox callback URL
// ---------------------------------------------------------------------------------------------

async function getInbox(context: IHookFunctions, inboxId: number): Promise<IDataObject> {
	return unwrapRecord(
		await chatwootApiRequest(context, { method: 'GET', path: `/inboxes/${inboxId}`, subject: { resource: 'inbox', id: inboxId } }),
	);
}

async function inboxCheckExists(context: IHookFunctions): Promise<boolean> {
	const data = state(context);
	const url = ownUrl(context);
	const inboxId = configuredInboxId(context, true)!;
	if (data.source !== 'apiInbox' || data.inboxId !== inboxId || !sameUrl(data.ownUrl, url)) return false;
	const result = await settle(getInbox(context, inboxId));
	if (!result.ok) {
		if (httpCode(result.error) === '404') return false;
		throw result.error;
	}
	const inbox = result.value;
	if (!sameUrl(String(inbox.webhook_url ?? ''), url)) return false;
	const secret = secretOf(inbox);
	if (secret) data.secret = secret;
	if (data.ownUserId === undefined) await rememberOwnUser(context);
	return true;
}

async function inboxCreate(context: IHookFunctions): Promise<boolean> {
	const url = ownUrl(context);
	const inboxId = configuredInboxId(context, true)!;
	if (!selectedEvents(context, 'apiInbox').length) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event');
	}
	await rememberOwnUser(context);
	const inbox = await getInbox(context, inboxId);
	if (inbox.channel_type !== 'Channel::Api') {
		const type = String(inbox.channel_type ?? 'unknown').replace('Channel::', '');
		throw new NodeOperationError(
			context.getNode(),
			`Inbox ${inboxId} ("${String(inbox.name ?? '')}") is a ${type} inbox; only API inboxes have a callback URL`,
			{
				description:
					'Choose an inbox of the API channel, or set Source to "Account Webhook" and filter by this inbox.',
			},
		);
	}
	const data = state(context);
	const current = typeof inbox.webhook_url === 'string' ? inbox.webhook_url : '';
	// If the callback already points here (a previous activation that was never stopped), keep the
	// URL that was there before it.
	const previous =
		sameUrl(current, url) ? (data.inboxId === inboxId ? (data.previousWebhookUrl ?? '') : '') : current;
	const updated = unwrapRecord(
		await chatwootApiRequest(context, {
			method: 'PATCH',
			path: `/inboxes/${inboxId}`,
			body: { channel: { webhook_url: url } },
			subject: { resource: 'inbox', id: inboxId },
		}),
	);
	data.source = 'apiInbox';
	data.inboxId = inboxId;
	data.ownUrl = url;
	data.previousWebhookUrl = previous;
	const secret = secretOf(updated) ?? secretOf(inbox);
	if (secret) data.secret = secret;
	else delete data.secret;
	return true;
}

async function inboxDelete(context: IHookFunctions): Promise<boolean> {
	const data = state(context);
	const inboxId = data.inboxId;
	if (inboxId === undefined) {
		clearState(context);
		return true;
	}
	try {
		const inbox = await getInbox(context, inboxId);
		// Only restore when the callback still points to this trigger (nobody changed it meanwhile).
		if (sameUrl(String(inbox.webhook_url ?? ''), data.ownUrl)) {
			await chatwootApiRequest(context, {
				method: 'PATCH',
				path: `/inboxes/${inboxId}`,
				body: { channel: { webhook_url: data.previousWebhookUrl ?? '' } },
				subject: { resource: 'inbox', id: inboxId },
			});
		}
	} catch (error) {
		if (httpCode(error) !== '404') return false;
	}
	clearState(context);
	return true;
}

// ---------------------------------------------------------------------------------------------

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	return source(this) === 'apiInbox' ? await inboxCheckExists(this) : await accountCheckExists(this);
}

export async function create(this: IHookFunctions): Promise<boolean> {
	return source(this) === 'apiInbox' ? await inboxCreate(this) : await accountCreate(this);
}

/** Undoes what create() did, by what was stored (the source parameter may have changed since). */
export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	const data = state(this);
	if (data.source === 'apiInbox') return await inboxDelete(this);
	return await accountDelete(this);
}
