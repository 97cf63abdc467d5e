import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { chatwootApiRequest, sameUrl, unwrapRecord } from '../../shared/transport';
import type { ChatwootContext } from '../../shared/transport';
import { forgetSecretOf, rememberSecretOf } from './secretKey';
import {
	acceptsUnsigned,
	clearState,
	configuredInboxId,
	dropLegacySecret,
	httpCode,
	ownUrl,
	rememberOwnUser,
	secretOf,
	selectedEvents,
	settle,
	state,
	unsignedRefusal,
} from './state';
import type { TriggerSource } from './state';

/**
 * An API inbox's callback URL (`channel.webhook_url`). Chatwoot signs these deliveries with the
 * channel's own `secret` (app/models/channel/api.rb includes WebhookSecretable;
 * app/listeners/webhook_listener.rb#deliver_api_inbox_webhooks passes `secret: inbox.channel.secret`)
 * and shows it to administrators only (app/views/api/v1/models/_inbox.json.jbuilder, "API Channel
 * Attributes": `json.secret ... if Current.account_user&.administrator?`); POST /inboxes/{id}/reset_secret
 * replaces it. Added by PR #13892 (commit 95463230c), first released in 4.13.0.
 */
export const API_INBOX_CALLBACKS_SIGNED_SINCE = '4.13.0';

async function getInbox(context: ChatwootContext, inboxId: number): Promise<IDataObject> {
	return unwrapRecord(
		await chatwootApiRequest(context, { method: 'GET', path: `/inboxes/${inboxId}`, subject: { resource: 'inbox', id: inboxId } }),
	);
}

async function checkExists(context: IHookFunctions): Promise<boolean> {
	dropLegacySecret(context);
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
	if (!secret && !acceptsUnsigned(context)) return false;
	if (secret) data.signed = true;
	await rememberSecretOf(context, `inbox:${inboxId}`, secret);
	if (data.ownUserId === undefined) await rememberOwnUser(context);
	return true;
}

async function create(context: IHookFunctions): Promise<boolean> {
	dropLegacySecret(context);
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
	// Checked before anything changes: an unsigned inbox is refused without touching its callback URL.
	if (!secretOf(inbox) && !acceptsUnsigned(context)) {
		throw unsignedRefusal(context, 'API inbox callbacks', API_INBOX_CALLBACKS_SIGNED_SINCE);
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
	if (secret) data.signed = true;
	await rememberSecretOf(context, `inbox:${inboxId}`, secret);
	return true;
}

async function remove(context: IHookFunctions): Promise<boolean> {
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
	await forgetSecretOf(context, `inbox:${inboxId}`);
	clearState(context);
	return true;
}

export const apiInbox: TriggerSource = {
	checkExists,
	create,
	remove,
	secretRecord(context, data) {
		const id = data.inboxId;
		if (data.source !== 'apiInbox' || id === undefined) return undefined;
		return { id: `inbox:${id}`, fetch: async () => secretOf(await getInbox(context, id)) };
	},
};
