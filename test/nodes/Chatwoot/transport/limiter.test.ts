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
		expect(await acquisitionsWithin(later, 'search', 60_000, 300)).toBe(200);
	});

	it('frees a slot exactly one minute after it was used (sliding, not fixed, window)', async () => {
		const limiter = new RequestLimiter({ search: 2 });
		await limiter.acquire('search');
		await jest.advanceTimersByTimeAsync(30_000);
		await limiter.acquire('search');
		let third = false;
		const pending = limiter.acquire('search').then(() => (third = true));
		await jest.advanceTimersByTimeAsync(29_999);
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
});
