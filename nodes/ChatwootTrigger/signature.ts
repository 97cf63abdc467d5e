import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Chatwoot's webhook signature (lib/webhooks/trigger.rb, docs/chatwoot/API-NOTES.md §4.3):
 * `X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Chatwoot-Timestamp>.<raw body>")>`.
 * It is computed over the exact bytes Chatwoot sent, so it must be checked against the raw body.
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
	/** Seconds a timestamp may differ from now; 0 disables the check. */
	toleranceSeconds: number;
	nowMs: number;
}

/** Constant-time check of one delivery. Never throws. */
export function checkSignature(input: SignatureInput): SignatureCheck {
	const signature = input.signature?.trim();
	if (!signature) return { ok: false, reason: 'missing-signature' };
	const timestamp = input.timestamp?.trim();
	if (!timestamp) return { ok: false, reason: 'missing-timestamp' };
	if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
	if (input.toleranceSeconds > 0) {
		const skew = Math.abs(input.nowMs / 1000 - Number(timestamp));
		if (skew > input.toleranceSeconds) return { ok: false, reason: 'stale-timestamp' };
	}
	const expected = Buffer.from(computeSignature(input.secret, timestamp, input.rawBody), 'utf8');
	const given = Buffer.from(signature.toLowerCase(), 'utf8');
	if (given.length !== expected.length) return { ok: false, reason: 'mismatch' };
	return timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/**
 * Remembers recent `X-Chatwoot-Delivery` ids so a replayed or duplicated delivery starts nothing.
 * Bounded in size and age. Lives in memory: n8n saves static data only after an execution, so a
 * delivery that is dropped would never be persisted there.
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

/** One log per trigger node (workflow ID + node name); at most 500 nodes are tracked. */
export function deliveryLogFor(key: string): DeliveryLog {
	let log = logs.get(key);
	if (!log) {
		log = new DeliveryLog();
		logs.set(key, log);
		if (logs.size > 500) logs.delete(logs.keys().next().value as string);
	}
	return log;
}
