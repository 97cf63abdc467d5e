import { backoffDelay, classifyFailure, DEFAULT_RETRY, parseRetryAfter } from '../../../../nodes/shared/transport/retry';

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
