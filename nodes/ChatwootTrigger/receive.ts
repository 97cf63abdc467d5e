import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { applyFilters } from './filters';
import type { FilterSettings } from './filters';
import { configuredInboxId, selectedEvents, state } from './lifecycle';
import {
	checkSignature,
	DELIVERY_HEADER,
	deliveryLogFor,
	SIGNATURE_HEADER,
	TIMESTAMP_HEADER,
} from './signature';
import { simplifyEvent } from './simplify';

/** Chatwoot payloads are a few kB (a message with its conversation); anything this big is not one. */
export const MAX_BODY_BYTES = 1024 * 1024;

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

/** Answers the delivery ourselves and starts nothing. */
function answer(context: IWebhookFunctions, status: number, message?: string): IWebhookResponseData {
	const res = context.getResponseObject();
	res.status(status);
	if (message === undefined) res.end();
	else res.json({ message });
	return { noWebhookResponse: true };
}

function filterSettings(context: IWebhookFunctions, source: string, ownUserId: number | undefined): FilterSettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const list = (value: unknown) => (Array.isArray(value) ? value.map((v) => String(v)) : []);
	const inboxId =
		source === 'apiInbox' ? (state(context).inboxId ?? configuredInboxId(context, false)) : configuredInboxId(context, false);
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
	};
}

export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject() as unknown as RequestLike;
	const data = state(this);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const now = Date.now();

	const raw = await rawBodyOf(req);
	if (raw.length > MAX_BODY_BYTES) return answer(this, 400, 'Body too large for a Chatwoot webhook');

	if (typeof data.secret === 'string' && data.secret !== '') {
		const tolerance = Number(options.signatureTolerance ?? 300);
		const check = checkSignature({
			secret: data.secret,
			rawBody: raw,
			signature: header(req, SIGNATURE_HEADER),
			timestamp: header(req, TIMESTAMP_HEADER),
			toleranceSeconds: Number.isFinite(tolerance) && tolerance >= 0 ? tolerance : 300,
			nowMs: now,
		});
		if (!check.ok) return answer(this, 401, `Invalid Chatwoot signature (${check.reason})`);
	}

	const payload = parsePayload(raw, req.body);
	if (!payload) return answer(this, 400, 'Body is not a JSON object');
	if (typeof payload.event !== 'string' || payload.event === '') {
		return answer(this, 400, 'Body has no Chatwoot "event"');
	}

	const delivery = header(req, DELIVERY_HEADER)?.trim();
	if (delivery) {
		const key = `${this.getWorkflow().id ?? ''}:${this.getNode().name}:${this.getMode()}`;
		if (!deliveryLogFor(key).remember(delivery.slice(0, 200), now)) return answer(this, 200);
	}

	const source = this.getNodeParameter('source', 'accountWebhook') === 'apiInbox' ? 'apiInbox' : 'accountWebhook';
	const verdict = applyFilters(payload.event, payload, filterSettings(this, source, data.ownUserId));
	if (!verdict.pass) return answer(this, 200);

	const json = options.simplify === true ? simplifyEvent(payload) : payload;
	return { workflowData: [this.helpers.returnJsonArray(json)] };
}
