import { createHmac } from 'crypto';

/**
 * Chatwoot's identity verification: `identifier_hash` = hex HMAC-SHA256 of the contact's
 * identifier, keyed with the inbox's HMAC token (Inboxes::ContactsController#valid_hmac?).
 */
export function identifierHash(hmacToken: string, identifier: string): string {
	return createHmac('sha256', hmacToken).update(identifier, 'utf8').digest('hex');
}
