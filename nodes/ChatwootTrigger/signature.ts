import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Chatwoot's webhook signature (lib/webhooks/trigger.rb#request_headers, docs/chatwoot/API-NOTES.md §4.3):
 * `X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Chatwoot-Timestamp>.<raw body>")>`,
 * the timestamp being the send time in Unix seconds. It is computed over the exact bytes Chatwoot
 * sent, so it must be checked against the raw body. `X-Chatwoot-Delivery` is a random UUID per
 * delivery and NOT covered by the signature.
 */
export const SIGNATURE_HEADER = 'x-chatwoot-signature';
export const TIMESTAMP_HEADER = 'x-chatwoot-timestamp';
export const DELIVERY_HEADER = 'x-chatwoot-delivery';

export function computeSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
	const hmac = createHmac('sha256', secret);
	hmac.update(`${timestamp}.`);
	hmac.update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody);
	return `sha256=${hmac.digest('hex')}`;
}

export type SignatureCheck =
	| { ok: true }
	| { ok: false; reason: 'missing-signature' | 'missing-timestamp' | 'bad-timestamp' | 'stale-timestamp' | 'mismatch' };

export interface SignatureInput {
	secret: string;
	rawBody: Buffer;
	signature: string | undefined;
	timestamp: string | undefined;
	/** Seconds a timestamp may differ from now (see clampTolerance; the check is never off). */
	toleranceSeconds: number;
	nowMs: number;
}

export const DEFAULT_TOLERANCE_SECONDS = 300;
export const MAX_TOLERANCE_SECONDS = 3600;

/**
 * The tolerance actually used: 1 s to 1 h. 0, negative or unreadable values (0 used to mean "no
 * time check", which made every captured delivery replayable forever) fall back to 300 s.
 */
export function clampTolerance(seconds: unknown): number {
	const value = Number(seconds);
	if (!Number.isFinite(value) || value <= 0) return DEFAULT_TOLERANCE_SECONDS;
	return Math.min(Math.max(Math.floor(value), 1), MAX_TOLERANCE_SECONDS);
}

/** Constant-time check of one delivery. Never throws. */
export function checkSignature(input: SignatureInput): SignatureCheck {
	const signature = input.signature?.trim();
	if (!signature) return { ok: false, reason: 'missing-signature' };
	const timestamp = input.timestamp?.trim();
	if (!timestamp) return { ok: false, reason: 'missing-timestamp' };
	if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
	const skew = Math.abs(input.nowMs / 1000 - Number(timestamp));
	if (!(skew <= clampTolerance(input.toleranceSeconds))) return { ok: false, reason: 'stale-timestamp' };
	const expected = Buffer.from(computeSignature(input.secret, timestamp, input.rawBody), 'utf8');
	const given = Buffer.from(signature.toLowerCase(), 'utf8');
	if (given.length !== expected.length) return { ok: false, reason: 'mismatch' };
	return timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/**
 * Remembers recent keys (a delivery's signature, or its `X-Chatwoot-Delivery` id) so a replayed or
 * duplicated delivery starts nothing. Bounded in size and age. Lives in memory of one n8n process:
 * n8n saves static data only after an execution, so a delivery that is dropped would never be
 * persisted there (with several webhook processes, each remembers what it received).
 */
export class DeliveryLog {
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly maxEntries = 1000,
		private readonly maxAgeMs = 24 * 60 * 60 * 1000,
	) {}

	/** Records the id; returns false when it was already seen inside the window. */
	remember(id: string, nowMs: number): boolean {
		this.expire(nowMs);
		if (this.seen.has(id)) return false;
		this.seen.set(id, nowMs);
		while (this.seen.size > this.maxEntries) {
			const oldest = this.seen.keys().next().value as string;
			this.seen.delete(oldest);
		}
		return true;
	}

	get size(): number {
		return this.seen.size;
	}

	private expire(nowMs: number): void {
		for (const [id, at] of this.seen) {
			if (nowMs - at <= this.maxAgeMs) break;
			this.seen.delete(id);
		}
	}
}

const logs = new Map<string, DeliveryLog>();
const signatureLogs = new Map<string, DeliveryLog>();

function logFor(map: Map<string, DeliveryLog>, key: string, create: () => DeliveryLog): DeliveryLog {
	let log = map.get(key);
	if (!log) {
		log = create();
		map.set(key, log);
		if (map.size > 500) map.delete(map.keys().next().value as string);
	}
	return log;
}

/** Delivery ids, one log per trigger node (workflow ID + node name + mode); at most 500 nodes are tracked. */
export function deliveryLogFor(key: string): DeliveryLog {
	return logFor(logs, key, () => new DeliveryLog());
}

/**
 * Signatures seen, per trigger node. A signature is bound to its timestamp and body, and a
 * timestamp is accepted for ±tolerance around now: a captured delivery can be replayed until
 * 2 × tolerance after it was first seen. Signatures are kept that long (plus a minute for clock
 * steps), up to 100,000 per node (about 10 MB; 170 deliveries a second at the maximum tolerance).
 */
export function signatureLogFor(key: string, toleranceSeconds: number): DeliveryLog {
	const keepMs = (2 * clampTolerance(toleranceSeconds) + 60) * 1000;
	return logFor(signatureLogs, `${key}:${keepMs}`, () => new DeliveryLog(100_000, keepMs));
}
