import { backoffDelay, classifyFailure, DEFAULT_RETRY, parseRetryAfter, untilNextWindow } from '../../../../nodes/shared/transport/retry';

describe('classifyFailure', () => {
	it.each([
		[{ status: 429 }, 'rateLimited'],
		[{ code: 'ECONNREFUSED' }, 'notSent'],
		[{ code: 'ECONNRESET' }, 'uncertain'],
		[{ code: 'ETIMEDOUT' }, 'uncertain'],
		[{ status: 502 }, 'uncertain'],
		[{ status: 503 }, 'uncertain'],
		[{ status: 504 }, 'uncertain'],
		[{ status: 500 }, 'final'],
		[{ status: 404 }, 'final'],
		[{ status: 422 }, 'final'],
		[{ code: 'ENOTFOUND' }, 'final'],
	])('%j → %s', (failure, kind) => {
		expect(classifyFailure({ headers: {}, ...failure })).toBe(kind);
	});
});

describe('parseRetryAfter', () => {
	it('reads seconds and HTTP dates', () => {
		expect(parseRetryAfter('7')).toBe(7000);
		expect(parseRetryAfter('0')).toBe(0);
		expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
	});
});

describe('backoffDelay', () => {
	it('grows exponentially within [ceiling/2, ceiling] and stops at maxDelayMs', () => {
		const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
		expect(backoffDelay(1, policy, () => 0)).toBe(50);
		expect(backoffDelay(1, policy, () => 1)).toBe(100);
		expect(backoffDelay(3, policy, () => 1)).toBe(400);
		expect(backoffDelay(10, policy, () => 1)).toBe(1000);
		expect(backoffDelay(10, policy, () => 0)).toBe(500);
	});
});

describe('untilNextWindow (a 429 without Retry-After, as Chatwoot sends it)', () => {
	const minute = 60_000 * 29_000_000;
	const noJitter = () => 0;
	it("waits for the next clock minute by the server's Date header, not by the local clock", () => {
		const date = new Date(minute + 42_000).toUTCString();
		// local clock 30 s ahead of the server: the server's minute still decides
		expect(untilNextWindow(date, DEFAULT_RETRY, minute + 72_000, noJitter)).toBe(18_000);
		expect(untilNextWindow(new Date(minute + 59_000).toUTCString(), DEFAULT_RETRY, 0, noJitter)).toBe(1_000);
		// right at a boundary the 429 belongs to the window that just started: wait for the whole next one
		expect(untilNextWindow(new Date(minute).toUTCString(), DEFAULT_RETRY, 0, noJitter)).toBe(60_000);
	});
	it('falls back to the local clock without a usable Date header', () => {
		expect(untilNextWindow(undefined, DEFAULT_RETRY, minute + 15_500, noJitter)).toBe(44_500);
		expect(untilNextWindow('yesterday-ish', DEFAULT_RETRY, minute + 15_500, noJitter)).toBe(44_500);
	});
	it('adds up to rateLimitJitterMs of jitter, never less than the boundary', () => {
		const date = new Date(minute + 50_000).toUTCString();
		expect(untilNextWindow(date, DEFAULT_RETRY, 0, () => 1)).toBe(10_000 + DEFAULT_RETRY.rateLimitJitterMs);
		expect(untilNextWindow(date, DEFAULT_RETRY, 0, () => 0.5)).toBe(10_000 + DEFAULT_RETRY.rateLimitJitterMs / 2);
	});
});
