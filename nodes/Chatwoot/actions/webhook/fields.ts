import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { toLabelList } from '../../../shared/helpers/items';
import { ALLOWED_WEBHOOK_EVENTS } from '../../../shared/webhookEvents';

/** Anything else is refused with 422 (Webhook::ALLOWED_WEBHOOK_EVENTS, app/models/webhook.rb). */
export const WEBHOOK_EVENTS: string[] = [...ALLOWED_WEBHOOK_EVENTS];

export const subscriptionsField = (required: boolean): INodeProperties => ({
	displayName: 'Events',
	name: 'subscriptions',
	type: 'multiOptions',
	options: WEBHOOK_EVENTS.map((value) => ({ name: value, value })),
	required,
	default: [],
	description: 'Events Chatwoot posts to the URL; an expression may give a list or comma-separated names',
});

export const includeSecretField: INodeProperties = {
	displayName: 'Include Secret',
	name: 'includeSecret',
	type: 'boolean',
	default: false,
	description:
		'Whether to output the secret Chatwoot signs deliveries with (X-Chatwoot-Signature). Off by default: it would be stored with the execution.',
};

/** Output of a webhook record: the signing secret only when asked for. */
export function webhookOutput(webhook: IDataObject, includeSecret: boolean): IDataObject {
	if (includeSecret) return webhook;
	const out = { ...webhook };
	delete out.secret;
	return out;
}

export function readSubscriptions(value: unknown): string[] {
	return toLabelList(value);
}

export const webhookSubject = (id?: number) => ({ resource: 'webhook', id });
