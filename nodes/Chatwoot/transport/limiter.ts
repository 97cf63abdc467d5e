import { sleep } from 'n8n-workflow';

/**
 * One limiter per execution (keyed by n8n's execution context object): every request of the
 * run waits here. A 429 pauses the whole run, not just the request that got it, and optional
 * per-bucket spacing keeps a run below Chatwoot's Rack::Attack limits.
 */
export class RequestLimiter {
	private pausedUntil = 0;
	private readonly nextSlot = new Map<string, number>();

	constructor(private readonly perMinute: Record<string, number> = {}) {}

	async acquire(bucket = 'default'): Promise<void> {
		for (;;) {
			const wait = this.pausedUntil - Date.now();
			if (wait <= 0) break;
			await sleep(wait);
		}
		const rate = this.perMinute[bucket];
		if (!rate || rate <= 0) return;
		const interval = 60_000 / rate;
		const now = Date.now();
		const slot = Math.max(now, this.nextSlot.get(bucket) ?? 0);
		this.nextSlot.set(bucket, slot + interval);
		if (slot > now) await sleep(slot - now);
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
