import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { acceptsUnsigned, dropLegacySecret, registeredSource, secretKey, state } from './lifecycle';
import { knownSecret, refreshedSecret } from './secrets';
import type { SecretEntry } from './secrets';
import { checkSignature, clampTolerance, signatureLogFor } from './signature';

export type Verdict =
	| { ok: true; signed: boolean }
	/** 401: forged, altered, stale, replayed or unsigned; 503: the secret could not be fetched. */
	| { ok: false; status: 401 | 503 };

export interface DeliveryHeaders {
	signature?: string;
	timestamp?: string;
}

const REFUSED: Verdict = { ok: false, status: 401 };
const UNAVAILABLE: Verdict = { ok: false, status: 503 };

/** Per trigger node and mode: test ("listen for test event") and production deliveries are kept apart. */
export function nodeKey(context: IWebhookFunctions): string {
	return `${context.getWorkflow().id ?? ''}:${context.getNode().name}:${context.getMode()}`;
}

/**
 * Decides whether a delivery really comes from Chatwoot. The secret is never in static data: it is
 * fetched with the credential (lifecycle/<source>.secretRecord) and kept in this process's memory.
 *
 * - Signed delivery: checked against the known secret; on a mismatch (or no secret known) the secret
 *   is fetched again at most once a minute (a secret reset in Chatwoot then just works), then the
 *   signature must match and must not have been seen before (it is bound to timestamp and body,
 *   so a replay with a new or missing X-Chatwoot-Delivery id is still caught).
 * - Unsigned delivery: refused, unless the user accepts unsigned deliveries AND Chatwoot has never
 *   shown a secret or sent a signed delivery for this registration (`signed` is sticky).
 */
export async function verifyDelivery(
	context: IWebhookFunctions,
	headers: DeliveryHeaders,
	rawBody: Buffer,
	nowMs: number,
): Promise<Verdict> {
	dropLegacySecret(context);
	const data = state(context);
	const record = registeredSource(context).secretRecord(context, data);
	if (!record) return REFUSED; // nothing registered: this URL is not (or no longer) ours
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const tolerance = clampTolerance(options.signatureTolerance ?? undefined);
	const key = await secretKey(context, record.id);

	const fetchFailed = (error: unknown) => {
		context.logger.warn(`Chatwoot Trigger "${context.getNode().name}": could not fetch the webhook signing secret from Chatwoot`, {
			error: (error as Error)?.message,
		});
		return UNAVAILABLE;
	};

	if (!headers.signature?.trim()) {
		if (data.signed === true || !acceptsUnsigned(context)) return REFUSED;
		let entry: SecretEntry;
		try {
			entry = await knownSecret(key, record.fetch, nowMs);
		} catch (error) {
			return fetchFailed(error);
		}
		if (entry.secret) {
			data.signed = true;
			return REFUSED;
		}
		return { ok: true, signed: false };
	}

	const check = (secret: string | undefined) =>
		secret === undefined
			? undefined
			: checkSignature({ secret, rawBody, signature: headers.signature, timestamp: headers.timestamp, toleranceSeconds: tolerance, nowMs });
	let result;
	try {
		result = check((await knownSecret(key, record.fetch, nowMs)).secret);
		if (result === undefined || (!result.ok && result.reason === 'mismatch')) {
			const fresh = await refreshedSecret(key, record.fetch, nowMs);
			if (fresh) result = check(fresh.secret);
		}
	} catch (error) {
		return fetchFailed(error);
	}
	if (!result?.ok) return REFUSED;
	if (data.signed !== true) data.signed = true;
	const fingerprint = headers.signature.trim().toLowerCase().slice(7, 39);
	if (!signatureLogFor(nodeKey(context), tolerance).remember(fingerprint, nowMs)) return REFUSED;
	return { ok: true, signed: true };
}
