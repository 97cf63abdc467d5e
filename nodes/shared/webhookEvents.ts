/**
 * Webhook::ALLOWED_WEBHOOK_EVENTS (app/models/webhook.rb): the events an account webhook may subscribe to, exactly
 * as Chatwoot names them in deliveries; any other subscription is refused with 422. Shared by the Chatwoot node's
 * Webhook resource (what it subscribes) and the Chatwoot Trigger (what it registers and filters).
 */
export const ALLOWED_WEBHOOK_EVENTS = [
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
] as const;
