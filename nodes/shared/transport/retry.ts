import type { HttpFailure } from './errors';

export interface RetryPolicy {
	/** Total attempts including the first one. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this is not waited for; the error is shown instead. */
	maxRetryAfterMs: number;
	/** Length of Chatwoot's rate-limit windows (Rack::Attack `period: 1.minute`). */
	rateLimitWindowMs: number;
	/** Random extra wait after a window starts, so runs that were throttled together don't all return at once. */
	rateLimitJitterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxAttempts: 6,
	baseDelayMs: 500,
	maxDelayMs: 15_000,
	maxRetryAfterMs: 120_000,
	rateLimitWindowMs: 60_000,
	rateLimitJitterMs: 2_000,
};

export type FailureKind = 'rateLimited' | 'notSent' | 'uncertain' | 'final';

/**
 * - rateLimited: 429; Rack::Attack answers before Rails, so nothing was written.
 * - notSent: the connection was refused; the request never reached Chatwoot.
 * - uncertain: 502/503/504, reset or timeout; the request may or may not have been handled.
 * - final: anything else; retrying would not help.
 */
export function classifyFailure(failure: HttpFailure): FailureKind {
	if (failure.status === 429) return 'rateLimited';
	if (failure.status === undefined) {
		if (failure.code === 'ECONNREFUSED' || failure.code === 'ENOTFOUND' || failure.code === 'EAI_AGAIN') {
			return failure.code === 'ECONNREFUSED' ? 'notSent' : 'final';
		}
		return failure.code ? 'uncertain' : 'final';
	}
	if (failure.status === 502 || failure.status === 503 || failure.status === 504) return 'uncertain';
	return 'final';
}

/** Retry-After is seconds or an HTTP date; returns milliseconds or undefined. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	if (Number.isFinite(date)) return Math.max(0, date - now);
	return undefined;
}

/**
 * How long to wait after a 429 that has no Retry-After — Chatwoot's case: rack-attack only sends one when
 * `throttled_response_retry_after_header` is on, and Chatwoot's config/initializers/rack_attack.rb never turns it
 * on. Its throttles count per fixed window (`epoch seconds / period`, i.e. clock minutes), so nothing gets through
 * before the next window starts; a short backoff would spend every retry inside the same minute. The server's
 * `Date` header tells where in the minute the server is (the local clock may be off); it has whole seconds, so the
 * boundary after it is never early. Plus a random jitter.
 */
export function untilNextWindow(dateHeader: string | undefined, policy: RetryPolicy, now = Date.now(), random = Math.random): number {
	const serverTime = dateHeader ? Date.parse(dateHeader) : NaN;
	const at = Number.isFinite(serverTime) ? serverTime : now;
	const window = policy.rateLimitWindowMs;
	const offset = ((at % window) + window) % window;
	return window - offset + Math.round(random() * policy.rateLimitJitterMs);
}

/** Exponential backoff with full jitter. `attempt` is 1 for the first retry. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
