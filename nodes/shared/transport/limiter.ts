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
		await this.waitForPause();
		// Rack::Attack counts every request against the per-IP throttle (`req/ip`), and a search also
		// against its own: a bucketed request takes a slot in its bucket, then one in the default bucket.
		if (bucket !== 'default') await this.take(bucket);
		await this.take('default');
		// a 429 may have paused the run while this request waited for a slot
		await this.waitForPause();
	}

	private async waitForPause(): Promise<void> {
		for (;;) {
			const wait = this.pausedUntil - Date.now();
			if (wait <= 0) return;
			await sleep(wait);
		}
	}

	private async take(bucket: string): Promise<void> {
		const limit = this.perMinute[bucket];
		if (!limit || limit <= 0) return;
		// Sliding window: at most `limit` requests in any WINDOW_MS, so no fixed Rack::Attack clock
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

/**
 * Rack::Attack's minute plus a margin: it counts a request when it arrives, this limiter when it is
 * sent. Two requests a bare minute apart by send time can arrive in the same clock minute if the
 * first one travelled longer; one extra second absorbs that difference in network delay.
 */
const WINDOW_MS = 61_000;

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
