import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { chatwootApiRequest, sameUrl, unwrapList, unwrapRecord } from '../../shared/transport';
import type { ChatwootContext } from '../../shared/transport';
import { forgetSecretOf, rememberSecretOf } from './secretKey';
import {
	acceptsUnsigned,
	clearState,
	dropLegacySecret,
	httpCode,
	idOf,
	ownUrl,
	rememberOwnUser,
	secretOf,
	selectedEvents,
	state,
	unsignedRefusal,
	WEBHOOK_NAME_PREFIX,
} from './state';
import type { TriggerSource } from './state';

/**
 * Account webhooks (`/api/v1/accounts/{id}/webhooks`, app/controllers/api/v1/accounts/webhooks_controller.rb).
 * Chatwoot returns the signing secret with every webhook (app/views/api/v1/accounts/webhooks/_webhook.json.jbuilder
 * `json.secret`, index/create/update all render that partial) and signs each delivery with it
 * (app/listeners/webhook_listener.rb#deliver_account_webhooks passes `secret: webhook.secret`,
 * lib/webhooks/trigger.rb adds X-Chatwoot-Timestamp/X-Chatwoot-Signature when a secret is present).
 * Added by PR #13573 (commit c218eff5e), first released in 4.12.0: the 4.11.2 hotfix branch does not contain it.
 */
export const ACCOUNT_WEBHOOKS_SIGNED_SINCE = '4.12.0';

function webhookName(context: IHookFunctions): string {
	const workflow = context.getWorkflow().name ?? 'workflow';
	return `${WEBHOOK_NAME_PREFIX}${workflow} (${context.getNode().name})`.slice(0, 250);
}

async function listWebhooks(context: ChatwootContext): Promise<IDataObject[]> {
	return unwrapList(await chatwootApiRequest(context, { method: 'GET', path: '/webhooks', subject: { resource: 'webhook' } }));
}

function subscriptionsOf(webhook: IDataObject): string[] {
	return Array.isArray(webhook.subscriptions) ? webhook.subscriptions.map((s) => String(s)).sort() : [];
}

async function checkExists(context: IHookFunctions): Promise<boolean> {
	dropLegacySecret(context);
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
	// No secret and unsigned not accepted: create() explains why activation fails.
	if (!secret && !acceptsUnsigned(context)) return false;
	if (secret) data.signed = true;
	await rememberSecretOf(context, `webhook:${data.webhookId}`, secret);
	if (data.ownUserId === undefined) await rememberOwnUser(context);
	return true;
}

async function create(context: IHookFunctions): Promise<boolean> {
	dropLegacySecret(context);
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
	if (!secret && !acceptsUnsigned(context)) {
		// Leave Chatwoot as it was: a webhook nobody checks must not keep pointing here.
		await remove(context);
		throw unsignedRefusal(context, 'account webhooks', ACCOUNT_WEBHOOKS_SIGNED_SINCE);
	}
	if (secret) data.signed = true;
	await rememberSecretOf(context, `webhook:${data.webhookId}`, secret);
	return true;
}

async function remove(context: IHookFunctions): Promise<boolean> {
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
	await forgetSecretOf(context, `webhook:${id}`);
	clearState(context);
	return true;
}

export const accountWebhook: TriggerSource = {
	checkExists,
	create,
	remove,
	secretRecord(context, data) {
		const id = data.webhookId;
		if (data.source !== 'accountWebhook' || id === undefined) return undefined;
		return {
			id: `webhook:${id}`,
			// Chatwoot has no GET for one webhook (webhooks_controller.rb: index, create, update, destroy).
			fetch: async () => secretOf((await listWebhooks(context)).find((w) => idOf(w.id) === id)),
		};
	},
};
