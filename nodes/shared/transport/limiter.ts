import { sleep } from 'n8n-workflow';

/**
 * One limiter per execution (keyed by n8n's execution context object): every request of the
 * run waits here. A 429 pauses the whole run, not just the request that got it, and optional
 * per-bucket sliding windows keep a run below Chatwoot's Rack::Attack limits.
 */
export class RequestLimiter {
	private pausedUntil = 0;
	/** Per bucket: times of the most recent acquisitions, oldest first (at most `limit` of them). */
	private readonly recent = new Map<string, number[]>();

	constructor(private readonly perMinute: Record<string, number> = {}) {}

	async acquire(bucket = 'default'): Promise<void> {
		for (;;) {
			const wait = this.pausedUntil - Date.now();
			if (wait <= 0) break;
			await sleep(wait);
		}
		const limit = this.perMinute[bucket];
		if (!limit || limit <= 0) return;
		// Sliding window: at most `limit` requests in any 60 seconds, so no fixed Rack::Attack
		// minute can see more either. Below the limit nothing waits.
		let times = this.recent.get(bucket);
		if (!times) {
			times = [];
			this.recent.set(bucket, times);
		}
		for (;;) {
			const now = Date.now();
			while (times.length && times[0] <= now - WINDOW_MS) times.shift();
			if (times.length < limit) {
				times.push(now);
				return;
			}
			await sleep(times[0] + WINDOW_MS - now);
		}
	}

	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
	}
}

const WINDOW_MS = 60_000;

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
