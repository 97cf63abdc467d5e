import { sleep } from 'n8n-workflow';

/**
 * One limiter per execution (keyed by n8n's execution context object): every request of the
 * run waits here. A 429 pauses the whole run, not just the request that got it, and optional
 * per-bucket token buckets keep a run below Chatwoot's Rack::Attack limits.
 */
export class RequestLimiter {
	private pausedUntil = 0;
	private readonly buckets = new Map<string, { tokens: number; updated: number }>();

	constructor(private readonly perMinute: Record<string, number> = {}) {}

	async acquire(bucket = 'default'): Promise<void> {
		for (;;) {
			const wait = this.pausedUntil - Date.now();
			if (wait <= 0) break;
			await sleep(wait);
		}
		const limit = this.perMinute[bucket];
		if (!limit || limit <= 0) return;
		// Token bucket: bursts up to 1/30 of the limit, refilled so that no 60-second window
		// (Rack::Attack counts fixed minutes) sees more than the limit.
		const capacity = Math.max(1, Math.floor(limit / 30));
		const perMs = (limit - capacity) / 60_000;
		for (;;) {
			const now = Date.now();
			const state = this.buckets.get(bucket) ?? { tokens: capacity, updated: now };
			state.tokens = Math.min(capacity, state.tokens + (now - state.updated) * perMs);
			state.updated = now;
			this.buckets.set(bucket, state);
			if (state.tokens >= 1) {
				state.tokens -= 1;
				return;
			}
			await sleep(Math.ceil((1 - state.tokens) / perMs));
		}
	}

	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
	}
}

/** Chatwoot's production limits (config/initializers/rack_attack.rb). */
export const CHATWOOT_LIMITS_PER_MINUTE: Record<string, number> = {
	default: 3000,
	contactSearch: 100,
	conversationsMeta: 30,
	reports: 100,
};

const limiters = new WeakMap<object, RequestLimiter>();

export function limiterFor(context: object): RequestLimiter {
	let limiter = limiters.get(context);
	if (!limiter) {
		limiter = new RequestLimiter(CHATWOOT_LIMITS_PER_MINUTE);
		limiters.set(context, limiter);
	}
	return limiter;
}
