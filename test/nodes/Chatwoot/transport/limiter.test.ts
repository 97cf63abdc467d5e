import { RequestLimiter } from '../../../../nodes/shared/transport/limiter';

/** Counts acquisitions per fake-clock minute; jest's modern fake timers drive n8n's sleep(). */
describe('RequestLimiter', () => {
	beforeEach(() => jest.useFakeTimers({ now: 0 }));
	afterEach(() => jest.useRealTimers());

	async function acquisitionsWithin(limiter: RequestLimiter, bucket: string, windowMs: number, attempts: number): Promise<number> {
		let done = 0;
		const all = Array.from({ length: attempts }, () => limiter.acquire(bucket).then(() => done++));
		await jest.advanceTimersByTimeAsync(windowMs);
		const within = done;
		await jest.advanceTimersByTimeAsync(10 * 60_000);
		await Promise.all(all);
		return within;
	}

	it('lets requests through at once up to the limit, then never more than the limit in any minute', async () => {
		const limiter = new RequestLimiter({ search: 100 });
		expect(await acquisitionsWithin(limiter, 'search', 0, 100)).toBe(100);
		const fresh = new RequestLimiter({ search: 100 });
		expect(await acquisitionsWithin(fresh, 'search', 59_999, 300)).toBe(100);
		const later = new RequestLimiter({ search: 100 });
		expect(await acquisitionsWithin(later, 'search', 61_000, 300)).toBe(200);
	});

	it('frees a slot one minute (plus a one-second margin for network delay) after it was used (sliding, not fixed, window)', async () => {
		const limiter = new RequestLimiter({ search: 2 });
		await limiter.acquire('search');
		await jest.advanceTimersByTimeAsync(30_000);
		await limiter.acquire('search');
		let third = false;
		const pending = limiter.acquire('search').then(() => (third = true));
		await jest.advanceTimersByTimeAsync(30_999);
		expect(third).toBe(false);
		await jest.advanceTimersByTimeAsync(1);
		await pending;
		expect(third).toBe(true);
	});

	it('does not limit buckets without a configured rate', async () => {
		const limiter = new RequestLimiter({});
		expect(await acquisitionsWithin(limiter, 'anything', 0, 500)).toBe(500);
	});

	it('pauses every request of the run after a 429', async () => {
		const limiter = new RequestLimiter({});
		limiter.pause(5_000);
		expect(await acquisitionsWithin(limiter, 'default', 4_999, 3)).toBe(0);
		const again = new RequestLimiter({});
		again.pause(5_000);
		expect(await acquisitionsWithin(again, 'default', 5_001, 3)).toBe(3);
	});

	// Rack::Attack keys a throttle by `epoch seconds / period`: fixed clock minutes, counted on arrival.
	it.each([0, 1, 30_000, 59_500, 59_999])(
		'a run of 3.5x the limit starting %i ms into a clock minute never puts more than the limit into one clock minute',
		async (offset) => {
			jest.setSystemTime(60_000 * 1000 + offset);
			const limiter = new RequestLimiter({ search: 100 });
			const perMinute = new Map<number, number>();
			const all = Array.from({ length: 350 }, (_, i) =>
				limiter.acquire('search').then(() => {
					// counted on arrival: the first burst waits 900 ms in the server's queue, later requests arrive at once
					const minute = Math.floor((Date.now() + (i < 100 ? 900 : 0)) / 60_000);
					perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
				}),
			);
			await jest.advanceTimersByTimeAsync(5 * 60_000);
			await Promise.all(all);
			expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(100);
			expect([...perMinute.values()].reduce((a, b) => a + b, 0)).toBe(350);
		},
	);

	it('counts a search against the per-IP budget as well as its own (Rack::Attack req/ip counts every request)', async () => {
		const limiter = new RequestLimiter({ default: 5, search: 100 });
		expect(await acquisitionsWithin(limiter, 'search', 0, 10)).toBe(5);
		const other = new RequestLimiter({ default: 5, search: 100 });
		await other.acquire('default');
		await other.acquire('default');
		expect(await acquisitionsWithin(other, 'search', 0, 10)).toBe(3);
	});
});
