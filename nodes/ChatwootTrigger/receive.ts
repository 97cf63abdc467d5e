import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { withoutCredentials } from '../shared/helpers/credentials';
import { applyFilters } from './filters';
import type { FilterSettings } from './filters';
import { configuredInboxId, selectedEvents, sourceOf, state } from './lifecycle';
import { DELIVERY_HEADER, deliveryLogFor, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';
import { simplifyEvent } from './simplify';
import { nodeKey, verifyDelivery } from './verify';

/**
 * 16 MiB, n8n's default request body limit (N8N_PAYLOAD_SIZE_MAX): n8n refuses bigger bodies before
 * this node runs. Chatwoot payloads are usually a few kB, but an e-mail message carries its whole
 * body several times: `content_attributes.email.html_content`/`text_content` (full, reply, quoted)
 * in Message#webhook_data plus the same message again in `conversation.messages`
 * (app/models/message.rb, app/mailboxes/mailbox_helper.rb): a newsletter with inline images reaches
 * megabytes, and a delivery that is refused is lost (Chatwoot does not retry).
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Chatwoot's payloads nest about 8 deep; custom attributes add a few levels. */
export const MAX_JSON_DEPTH = 64;

interface RequestLike {
	headers?: Record<string, string | string[] | undefined>;
	body?: unknown;
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
}

function header(req: RequestLike, name: string): string | undefined {
	const value = req.headers?.[name];
	if (Array.isArray(value)) return value[0];
	return typeof value === 'string' ? value : undefined;
}

/**
 * The bytes Chatwoot signed. n8n (1.x and 2.x) reads webhook bodies with its `rawBodyReader`
 * middleware and keeps them in `req.rawBody` (a Buffer) before parsing; `readRawBody()` fills it
 * when a route has not read it yet. Parsed-only bodies are re-serialised as a last resort, which
 * can only make a signature check fail, never pass wrongly.
 */
async function rawBodyOf(req: RequestLike): Promise<Buffer> {
	if (!Buffer.isBuffer(req.rawBody) && typeof req.rawBody !== 'string' && typeof req.readRawBody === 'function') {
		try {
			await req.readRawBody();
		} catch {
			// falls through to the parsed body
		}
	}
	if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
	if (typeof req.rawBody === 'string') return Buffer.from(req.rawBody, 'utf8');
	if (typeof req.body === 'string') return Buffer.from(req.body, 'utf8');
	if (req.body === undefined || req.body === null) return Buffer.alloc(0);
	return Buffer.from(JSON.stringify(req.body), 'utf8');
}

/**
 * Whether JSON text nests deeper than `max` (counted on the bytes, before parsing): n8n copies and
 * serialises the output recursively and throws RangeError on a few thousand levels.
 */
export function nestsDeeperThan(raw: Buffer, max: number): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < raw.length; i++) {
		const c = raw[i];
		if (inString) {
			if (c === 0x5c) i++; // backslash: skip the escaped byte
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x7b || c === 0x5b) {
			if (++depth > max) return true;
		} else if (c === 0x7d || c === 0x5d) depth--;
	}
	return false;
}

/** Parses what was signed (the raw bytes); n8n's parsed body only when no raw bytes exist. */
function parsePayload(raw: Buffer, parsed: unknown): IDataObject | undefined {
	let value: unknown = parsed;
	if (raw.length) {
		try {
			value = JSON.parse(raw.toString('utf8')) as unknown;
		} catch {
			return undefined;
		}
	}
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** Answers the delivery ourselves and starts nothing. Refusals (401) carry no reason: no oracle for forgers. */
function answer(context: IWebhookFunctions, status: number, message?: string): IWebhookResponseData {
	const res = context.getResponseObject();
	res.status(status);
	if (message === undefined) res.end();
	else res.json({ message });
	return { noWebhookResponse: true };
}

function filterSettings(context: IWebhookFunctions, ownUserId: number | undefined): FilterSettings {
	const source = sourceOf(context);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const list = (value: unknown) => (Array.isArray(value) ? value.map((v) => String(v)) : []);
	const data = state(context);
	const inboxId =
		source === 'apiInbox'
			? (data.inboxId ?? configuredInboxId(context, false))
			: source === 'agentBot'
				? undefined
				: configuredInboxId(context, false);
	return {
		events: selectedEvents(context, source),
		inboxId,
		messageTypes: list(options.messageTypes),
		includePrivate: options.includePrivate === true,
		senderTypes: list(options.senderTypes),
		conversationStatuses: list(options.conversationStatuses),
		labels: list(options.labels),
		ignoreOwnMessages: options.ignoreOwnMessages !== false,
		ownUserId,
		ownBotId: source === 'agentBot' ? data.agentBot?.botId : undefined,
		inboxIds: source === 'agentBot' ? (data.agentBot?.inboxes ?? []).map((i) => i.inboxId) : undefined,
		ignoreContactActivity: options.ignoreContactActivity !== false,
	};
}

/**
 * inbox_created / inbox_updated carry the raw channel row (Inbox::EventDataPresenter#push_data,
 * `channel: channel`): API channel secret and HMAC token, e-mail passwords, provider tokens.
 * They never reach the workflow.
 */
function forWorkflow(event: string, payload: IDataObject): IDataObject {
	return event === 'inbox_created' || event === 'inbox_updated' ? withoutCredentials(payload) : payload;
}

export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject() as unknown as RequestLike;
	const now = Date.now();

	// Before touching the body: a declared size above the cap is refused outright.
	const declared = Number(header(req, 'content-length'));
	if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return answer(this, 413, 'Body too large for a Chatwoot webhook');
	const raw = await rawBodyOf(req);
	if (raw.length > MAX_BODY_BYTES) return answer(this, 413, 'Body too large for a Chatwoot webhook');

	const verdict = await verifyDelivery(
		this,
		{ signature: header(req, SIGNATURE_HEADER), timestamp: header(req, TIMESTAMP_HEADER) },
		raw,
		now,
	);
	if (!verdict.ok) return answer(this, verdict.status);

	if (nestsDeeperThan(raw, MAX_JSON_DEPTH)) return answer(this, 400, 'Body is nested too deeply for a Chatwoot webhook');
	const payload = parsePayload(raw, req.body);
	if (!payload) return answer(this, 400, 'Body is not a JSON object');
	if (typeof payload.event !== 'string' || payload.event === '') {
		return answer(this, 400, 'Body has no Chatwoot "event"');
	}

	// Chatwoot never sends a delivery id twice (it does not retry): a repeat is a replay.
	const delivery = header(req, DELIVERY_HEADER)?.trim();
	if (delivery && !deliveryLogFor(nodeKey(this)).remember(delivery.slice(0, 200), now)) return answer(this, 401);

	const filtered = applyFilters(payload.event, payload, filterSettings(this, state(this).ownUserId));
	if (!filtered.pass) return answer(this, 200);

	const options = this.getNodeParameter('options', {}) as IDataObject;
	const clean = forWorkflow(payload.event, payload);
	const json = options.simplify === true ? simplifyEvent(clean) : clean;
	return { workflowData: [this.helpers.returnJsonArray(json)] };
}
