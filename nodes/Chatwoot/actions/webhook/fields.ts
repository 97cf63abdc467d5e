import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { toLabelList } from '../../../shared/helpers/items';

/** Webhook::ALLOWED_WEBHOOK_EVENTS (app/models/webhook.rb): anything else is refused with 422. */
export const WEBHOOK_EVENTS = [
	'contact_created',
	'contact_updated',
	'conversation_created',
	'conversation_status_changed',
	'conversation_typing_off',
	'conversation_typing_on',
	'conversation_updated',
	'inbox_created',
	'inbox_updated',
	'message_created',
	'message_updated',
	'webwidget_triggered',
];

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
