import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';

import { chatwootApiRequest, getClientCredential } from '../../shared/transport';
import type { ChatwootRequest } from '../../shared/transport';

type ClientContext = IExecuteFunctions | ILoadOptionsFunctions;

/** What a Client API call is about, so a 404 can say which of them Chatwoot did not know. */
export interface ClientTarget {
	contactIdentifier?: string;
	conversationId?: number;
	messageId?: number;
	/** Contact create/update: Chatwoot checks the identity (HMAC) here and answers HTTP 500 when it fails. */
	identity?: { identifier?: string };
	itemIndex?: number;
}

const INBOX_SETTINGS = 'Chatwoot → Settings → Inboxes → your API inbox → Configuration';

/** Reads the Contact Identifier (source ID) parameter. */
export function getContactIdentifier(context: IExecuteFunctions, itemIndex: number): string {
	const value = String(context.getNodeParameter('contactIdentifier', itemIndex, '') ?? '').trim();
	if (value === '') {
		throw new NodeOperationError(context.getNode(), 'The contact identifier is empty', {
			itemIndex,
			description:
				'Map "source_id" from Chatwoot Client → Contact → Create (or "contact_inbox.source_id" from the Chatwoot node\'s Contact → Create) into Contact Identifier.',
		});
	}
	return value;
}

export function contactPath(contactIdentifier: string): string {
	return `/contacts/${encodeURIComponent(contactIdentifier)}`;
}

export function conversationPath(contactIdentifier: string, conversationId: number): string {
	return `${contactPath(contactIdentifier)}/conversations/${conversationId}`;
}

function errorBody(error: NodeApiError): unknown {
	const response = (error as unknown as { errorResponse?: IDataObject }).errorResponse;
	return response?.body;
}

function mentionsHmac(body: unknown): boolean {
	return /hmac/i.test(JSON.stringify(body ?? ''));
}

function apiError(
	context: ClientContext,
	httpCode: string,
	message: string,
	description: string,
	body: unknown,
	itemIndex?: number,
): NodeApiError {
	const errorResponse = { message, description, httpCode, body: (body ?? null) as JsonObject } as JsonObject;
	return new NodeApiError(context.getNode(), errorResponse, { message, description, httpCode, itemIndex });
}

/** Whether a GET on the Client API answers 404 (probe failures other than 404 count as "exists"). */
async function isMissing(context: ClientContext, path: string): Promise<boolean> {
	try {
		await chatwootApiRequest(context, { method: 'GET', scope: 'public', path, retry: { maxAttempts: 1 } });
		return false;
	} catch (error) {
		return error instanceof NodeApiError && String(error.httpCode) === '404';
	}
}

/**
 * The Client API answers 404 for an unknown inbox identifier, an unknown source ID and an
 * unknown conversation or message alike. Asks Chatwoot which one it is, so the message names it.
 */
async function explainNotFound(context: ClientContext, target: ClientTarget, body: unknown): Promise<NodeApiError> {
	const { inboxIdentifier } = await getClientCredential(context);
	const i = target.itemIndex;
	if (await isMissing(context, '')) {
		return apiError(
			context,
			'404',
			`Chatwoot has no API inbox with the inbox identifier "${inboxIdentifier}"`,
			`Check the Inbox Identifier in the Chatwoot Client credential: copy it from ${INBOX_SETTINGS}. Only API-channel inboxes have one.`,
			body,
			i,
		);
	}
	const contact = target.contactIdentifier;
	// Safe on inboxes that enforce identity validation: Chatwoot looks the contact inbox up (404) before its HMAC check
	// (500), so a 500 here means "the contact exists" — which isMissing reports as not missing.
	if (contact !== undefined && (await isMissing(context, contactPath(contact)))) {
		return apiError(
			context,
			'404',
			`No contact with the contact identifier (source ID) "${contact}" in this inbox`,
			'Use "source_id" from Chatwoot Client → Contact → Create with this same credential, or "contact_inbox.source_id" from the Chatwoot node\'s Contact → Create with this API inbox. A source ID belongs to one inbox.',
			body,
			i,
		);
	}
	if (target.conversationId !== undefined) {
		const conversationKnown =
			contact === undefined ||
			target.messageId === undefined ||
			!(await isMissing(context, conversationPath(contact, target.conversationId)));
		if (target.messageId !== undefined && conversationKnown) {
			return apiError(
				context,
				'404',
				`Message ${target.messageId} was not found in conversation ${target.conversationId}`,
				'Use a message ID from Message → Get Many of this conversation. The Client API does not show private notes or activity messages.',
				body,
				i,
			);
		}
		return apiError(
			context,
			'404',
			`Conversation ${target.conversationId} was not found for contact "${contact ?? ''}"`,
			"A contact can only reach its own conversations in this inbox. Use an ID from Conversation → Create or Get Many with the same Contact Identifier (it is the number shown in Chatwoot's UI).",
			body,
			i,
		);
	}
	return apiError(context, '404', 'Chatwoot could not find the requested record', 'Check the contact identifier and IDs.', body, i);
}

/** Chatwoot raises "HMAC failed: Invalid Identifier Hash Provided", which the Client API answers with HTTP 500. */
async function explainIdentityFailure(
	context: ClientContext,
	target: ClientTarget,
	error: NodeApiError,
	body: unknown,
): Promise<NodeApiError> {
	const { hmacToken } = await getClientCredential(context);
	const identifier = target.identity?.identifier;
	const certain = mentionsHmac(body);
	const where = `${INBOX_SETTINGS} ("HMAC token" and "Enforce user identity validation")`;
	// `reason` completes "Chatwoot answered HTTP 500 for this contact, most likely because …"
	let reason: string;
	let message: string;
	let description: string;
	if (!hmacToken) {
		reason = 'the inbox requires identity verification (HMAC) and the credential has no HMAC token';
		message = 'Chatwoot requires identity verification (HMAC) for this inbox, but the credential has no HMAC token';
		description = `The inbox enforces user identity validation. Copy the inbox's HMAC token from ${where} into the Chatwoot Client credential and set Identifier on the contact, or turn the enforcement off.`;
	} else if (!identifier) {
		reason = 'the inbox requires identity verification (HMAC) and no identifier was given';
		message = 'Chatwoot requires identity verification (HMAC) for this inbox, but no identifier was given';
		description = `The inbox enforces user identity validation (${where}), so the contact needs an Identifier; the node then sends its identifier_hash.`;
	} else {
		reason = 'its identity verification (HMAC) failed';
		message = 'Chatwoot rejected the identity verification (HMAC) of this contact';
		description = `The identifier_hash computed with the HMAC token of the Chatwoot Client credential does not match. Copy the inbox's HMAC token again from ${where} into the credential.`;
	}
	if (!certain) {
		// Production Chatwoot hides the exception text of an HTTP 500; a failed HMAC check is its usual cause here.
		message = `Chatwoot answered HTTP ${String(error.httpCode)} for this contact, most likely because ${reason}`;
		description = `The Client API reports a failed identity verification as a server error. ${description} If identity validation is not the cause, check the Chatwoot server logs.`;
	}
	return apiError(context, String(error.httpCode ?? '500'), message, description, body, target.itemIndex);
}

/** Turns a failed Client API call into an error that says what went wrong (use in a catch). */
export async function clientError(context: ClientContext, error: unknown, target: ClientTarget = {}): Promise<unknown> {
	if (!(error instanceof NodeApiError)) return error;
	const code = String(error.httpCode ?? '');
	const body = errorBody(error);
	if (code === '404') return await explainNotFound(context, target, body);
	if (target.identity && (code === '500' || (code === '401' && mentionsHmac(body)))) {
		return await explainIdentityFailure(context, target, error, body);
	}
	return error;
}

/** A Client API request (`/public/api/v1/inboxes/{inboxIdentifier}` + path) with errors that say what went wrong. */
export async function clientRequest(
	context: ClientContext,
	request: Omit<ChatwootRequest, 'scope'>,
	target: ClientTarget = {},
): Promise<unknown> {
	try {
		return await chatwootApiRequest(context, { ...request, scope: 'public' });
	} catch (error) {
		throw await clientError(context, error, target);
	}
}
