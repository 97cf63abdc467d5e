import type { IDataObject } from 'n8n-workflow';

import { resetSecretCache } from '../../../nodes/ChatwootTrigger/secrets';
import { checkSignature, clampTolerance, computeSignature, DeliveryLog } from '../../../nodes/ChatwootTrigger/signature';
import { deliver, items, primeSecret, signedDelivery } from './setup';

/**
 * Independent test vector, computed once outside this code base with
 *   printf '%s' '1767225600.<body>' | openssl dgst -sha256 -hmac 'wh_5c1dA7e9f3b4c2d8e6a1b0fQx'
 * The body holds UTF-8 ("Grüße") and Ruby's to_json escapes (\u003c), so re-serialising the
 * parsed JSON would NOT reproduce the signed bytes.
 */
const VECTOR = {
	secret: 'wh_5c1dA7e9f3b4c2d8e6a1b0fQx',
	timestamp: '1767225600',
	body: '{"event":"message_created","id":42,"content":"Grüße \\u003cb\\u003e","message_type":"incoming","private":false}',
	signature: 'sha256=68c7182c24fde9c64d257410c4d3161ae699816e783cafe602fa1a357e3138bf',
};

const SECRET = 'whsec_9QmZ2vL7xT4nB1kR8cJ5pW3d';
const PARAMS = { source: 'accountWebhook', events: ['message_created'] };

function messagePayload(extra: IDataObject = {}): IDataObject {
	return {
		event: 'message_created',
		id: 7,
		content: 'Hello',
		message_type: 'incoming',
		private: false,
		created_at: '2026-11-26T10:00:00.000Z',
		account: { id: 1, name: 'Acme' },
		inbox: { id: 1, name: 'API' },
		sender: { id: 3, name: 'Jane', email: 'jane@example.com' },
		conversation: { id: 5, inbox_id: 1, status: 'open', labels: [] },
		...extra,
	};
}

function signed(body: string, options: { secret?: string; timestamp?: number; delivery?: string | null } = {}) {
	return signedDelivery(body, options.secret ?? SECRET, options);
}

/** Static data as activation leaves it: the webhook ID, never the secret (the process knows it in memory). */
function staticWithSecret(): IDataObject {
	primeSecret('webhook:1', SECRET);
	return { source: 'accountWebhook', webhookId: 1, ownUrl: 'http://x', createdByUs: true, ownUserId: 99, signed: true };
}

function expectRejected(result: Awaited<ReturnType<typeof deliver>>, status: number) {
	expect(result.status).toBe(status);
	expect(result.workflowData).toBeUndefined();
	expect(result.noWebhookResponse).toBe(true);
	expect(result.responseEnded).toBe(true);
}

describe('Chatwoot signature: the independent vector', () => {
	it('computeSignature reproduces the openssl vector from the raw bytes', () => {
		expect(computeSignature(VECTOR.secret, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
		expect(computeSignature(VECTOR.secret, VECTOR.timestamp, Buffer.from(VECTOR.body, 'utf8'))).toBe(VECTOR.signature);
	});

	it('re-serialising the parsed body would not match (why the raw body is needed)', () => {
		const reserialised = JSON.stringify(JSON.parse(VECTOR.body));
		expect(reserialised).not.toBe(VECTOR.body);
		expect(computeSignature(VECTOR.secret, VECTOR.timestamp, reserialised)).not.toBe(VECTOR.signature);
	});

	it('checkSignature: vector passes at its own time, fails with tolerance when 5 min + 1 s off', () => {
		const base = { secret: VECTOR.secret, rawBody: Buffer.from(VECTOR.body), signature: VECTOR.signature, timestamp: VECTOR.timestamp, toleranceSeconds: 300 };
		expect(checkSignature({ ...base, nowMs: 1767225600_000 })).toEqual({ ok: true });
		expect(checkSignature({ ...base, nowMs: 1767225900_000 })).toEqual({ ok: true });
		expect(checkSignature({ ...base, nowMs: 1767225901_000 })).toEqual({ ok: false, reason: 'stale-timestamp' });
		expect(checkSignature({ ...base, nowMs: 1767225299_000 })).toEqual({ ok: false, reason: 'stale-timestamp' });
		// 0 no longer switches the time check off: it means the default, 300 s
		expect(checkSignature({ ...base, toleranceSeconds: 0, nowMs: 0 })).toEqual({ ok: false, reason: 'stale-timestamp' });
		expect(checkSignature({ ...base, toleranceSeconds: 0, nowMs: 1767225901_000 })).toEqual({ ok: false, reason: 'stale-timestamp' });
		expect(checkSignature({ ...base, toleranceSeconds: 0, nowMs: 1767225900_000 })).toEqual({ ok: true });
		expect(checkSignature({ ...base, signature: VECTOR.signature.toUpperCase(), nowMs: 1767225600_000 })).toEqual({ ok: true });
		expect(checkSignature({ ...base, signature: VECTOR.signature.slice(0, -1), nowMs: 1767225600_000 })).toEqual({ ok: false, reason: 'mismatch' });
		expect(checkSignature({ ...base, signature: `${VECTOR.signature}0`, nowMs: 1767225600_000 })).toEqual({ ok: false, reason: 'mismatch' });
		expect(checkSignature({ ...base, signature: VECTOR.signature.replace('sha256=', ''), nowMs: 1767225600_000 })).toEqual({ ok: false, reason: 'mismatch' });
		expect(checkSignature({ ...base, timestamp: '17672256OO', nowMs: 1767225600_000 })).toEqual({ ok: false, reason: 'bad-timestamp' });
	});
});

describe('clampTolerance', () => {
	it('keeps 1..3600 s, caps larger values, and maps 0, negatives and garbage to 300', () => {
		expect([1, 300, 3600].map(clampTolerance)).toEqual([1, 300, 3600]);
		expect([3601, 1e9].map(clampTolerance)).toEqual([3600, 3600]);
		expect([0, -5, NaN, undefined, 'x'].map(clampTolerance)).toEqual([300, 300, 300, 300, 300]);
	});
});

describe('Chatwoot signature: webhook() with a known secret', () => {
	beforeEach(() => resetSecretCache());
	afterEach(() => jest.restoreAllMocks());

	it('the vector delivered with its raw body is accepted at its own time, although JSON.stringify of the parsed body differs', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(Number(VECTOR.timestamp) * 1000 + 5000);
		primeSecret('webhook:1', VECTOR.secret);
		const staticData: IDataObject = { source: 'accountWebhook', webhookId: 1 };
		const result = await deliver(
			PARAMS,
			staticData,
			{
				headers: { 'x-chatwoot-timestamp': VECTOR.timestamp, 'x-chatwoot-signature': VECTOR.signature, 'x-chatwoot-delivery': 'vector-1' },
				body: VECTOR.body,
			},
		);
		expect(result.status).toBe(200);
		expect(items(result)).toEqual([JSON.parse(VECTOR.body)]);
		expect(items(result)[0].content).toBe('Grüße <b>');
	});

	it.each([
		['lazy', 200],
		['none', 401],
	] as const)(
		'raw bytes only through req.readRawBody() (n8n rawBodyReader before parsing): %s → HTTP %i',
		async (rawBodyMode, status) => {
			// Ruby-style JSON: \u003c escapes and UTF-8 text, which JSON.stringify of the parsed body would not reproduce
			const body = `{"event":"message_created","id":43,"content":"Grüße \\u003cb\\u003e \\u0026 📦","message_type":"incoming","private":false,"conversation":{"id":5,"inbox_id":1,"status":"open","labels":[]}}`;
			expect(JSON.stringify(JSON.parse(body))).not.toBe(body);
			const result = await deliver(PARAMS, staticWithSecret(), signed(body), { rawBodyMode });
			if (status === 200) {
				expect(result.status).toBe(200);
				expect(items(result)[0].content).toBe('Grüße <b> & 📦');
			} else {
				// with only the parsed body, the re-serialised bytes differ from what Chatwoot signed
				expectRejected(result, 401);
			}
		},
	);

	it('a correctly signed delivery starts the workflow with the payload as sent', async () => {
		const body = JSON.stringify(messagePayload());
		const result = await deliver(PARAMS, staticWithSecret(), signed(body));
		expect(result.status).toBe(200);
		expect(result.responseEnded).toBe(false);
		expect(items(result)).toEqual([JSON.parse(body)]);
	});

	it('body changed by one byte → 401, nothing starts', async () => {
		const body = JSON.stringify(messagePayload());
		const delivery = signed(body);
		delivery.body = body.replace('"Hello"', '"Hellp"');
		const result = await deliver(PARAMS, staticWithSecret(), delivery);
		expectRejected(result, 401);
		// no reason in the answer: no oracle for a forger
		expect(result.responseBody).toBeUndefined();
		expect(result.responseCalls).toEqual([['status', 401], ['end', undefined]]);
	});

	it('signed with a different secret → 401', async () => {
		const result = await deliver(PARAMS, staticWithSecret(), signed(JSON.stringify(messagePayload()), { secret: 'another-secret' }));
		expectRejected(result, 401);
	});

	it('signature header missing while a secret is known → 401', async () => {
		const delivery = signed(JSON.stringify(messagePayload()));
		delete delivery.headers['x-chatwoot-signature'];
		expectRejected(await deliver(PARAMS, staticWithSecret(), delivery), 401);
	});

	it('timestamp header missing → 401', async () => {
		const delivery = signed(JSON.stringify(messagePayload()));
		delete delivery.headers['x-chatwoot-timestamp'];
		expectRejected(await deliver(PARAMS, staticWithSecret(), delivery), 401);
	});

	it('timestamp older or newer than the tolerance (default 300 s) → 401; a custom tolerance is honoured', async () => {
		const body = JSON.stringify(messagePayload());
		const now = Math.floor(Date.now() / 1000);
		expectRejected(await deliver(PARAMS, staticWithSecret(), signed(body, { timestamp: now - 400 })), 401);
		expectRejected(await deliver(PARAMS, staticWithSecret(), signed(body, { timestamp: now + 400 })), 401);
		const relaxed = { ...PARAMS, options: { signatureTolerance: 600 } };
		expect(items(await deliver(relaxed, staticWithSecret(), signed(body, { timestamp: now - 400 })))).toHaveLength(1);
	});

	it('a replayed delivery (same X-Chatwoot-Delivery) is answered 401 and starts nothing', async () => {
		const body = JSON.stringify(messagePayload());
		const delivery = signed(body, { delivery: 'replay-me-1' });
		expect(items(await deliver(PARAMS, staticWithSecret(), delivery))).toHaveLength(1);
		expectRejected(await deliver(PARAMS, staticWithSecret(), delivery), 401);
	});

	it('a replay with a new or a missing delivery id starts nothing (the signature is remembered, the id is not signed)', async () => {
		const body = JSON.stringify(messagePayload({ content: 'Pay invoice 7' }));
		const original = signed(body, { delivery: 'original-1' });
		expect(items(await deliver(PARAMS, staticWithSecret(), original))).toHaveLength(1);
		const newId = { headers: { ...original.headers, 'x-chatwoot-delivery': 'attacker-chosen-2' }, body };
		expectRejected(await deliver(PARAMS, staticWithSecret(), newId), 401);
		const noId = { headers: { ...original.headers }, body };
		delete noId.headers['x-chatwoot-delivery'];
		expectRejected(await deliver(PARAMS, staticWithSecret(), noId), 401);
		// a different event (new timestamp) is of course accepted
		expect(items(await deliver(PARAMS, staticWithSecret(), signed(body, { delivery: 'original-3', timestamp: Math.floor(Date.now() / 1000) - 1 })))).toHaveLength(1);
	});

	it('a signature is remembered for twice the tolerance: a replay at the edge of the window is still refused', async () => {
		const start = Date.now();
		const now = jest.spyOn(Date, 'now').mockReturnValue(start);
		const ts = Math.floor(start / 1000) + 299; // Chatwoot's clock 299 s ahead: accepted now ...
		const delivery = signed(JSON.stringify(messagePayload({ content: 'edge' })), { timestamp: ts, delivery: null });
		expect(items(await deliver(PARAMS, staticWithSecret(), delivery))).toHaveLength(1);
		now.mockReturnValue(start + 598_000); // ... and still within ±300 s of the timestamp 598 s later
		expectRejected(await deliver(PARAMS, staticWithSecret(), delivery), 401);
	});

	it('tolerance 0 does not switch the time check off; a tolerance above one hour is capped', async () => {
		const body = JSON.stringify(messagePayload());
		const now = Math.floor(Date.now() / 1000);
		expectRejected(await deliver({ ...PARAMS, options: { signatureTolerance: 0 } }, staticWithSecret(), signed(body, { timestamp: now - 400 })), 401);
		expectRejected(await deliver({ ...PARAMS, options: { signatureTolerance: 0 } }, staticWithSecret(), signed(body, { timestamp: now - 365 * 86400 })), 401);
		const huge = { ...PARAMS, options: { signatureTolerance: 86400 } };
		expectRejected(await deliver(huge, staticWithSecret(), signed(body, { timestamp: now - 3700 })), 401);
		expect(items(await deliver(huge, staticWithSecret(), signed(body, { timestamp: now - 3500 })))).toHaveLength(1);
	});

	it('a forged delivery reusing a fresh delivery id does not poison the replay guard', async () => {
		const body = JSON.stringify(messagePayload());
		const forged = signed(body, { delivery: 'poison-1', secret: 'attacker' });
		expectRejected(await deliver(PARAMS, staticWithSecret(), forged), 401);
		expect(items(await deliver(PARAMS, staticWithSecret(), signed(body, { delivery: 'poison-1' })))).toHaveLength(1);
	});

	it('test-mode and production deliveries are de-duplicated separately', async () => {
		const delivery = signed(JSON.stringify(messagePayload()), { delivery: 'mode-split-1' });
		expect(items(await deliver(PARAMS, staticWithSecret(), delivery, { mode: 'manual' }))).toHaveLength(1);
		expect(items(await deliver(PARAMS, staticWithSecret(), delivery))).toHaveLength(1);
	});
});

describe('Chatwoot signature: no secret known (Chatwoot < 4.12)', () => {
	const unsigned = { source: 'accountWebhook', webhookId: 1 };
	const body = () => JSON.stringify(messagePayload());
	beforeEach(() => {
		resetSecretCache();
		primeSecret('webhook:1', undefined);
	});

	it('default settings: an unsigned delivery is answered 401 and starts nothing', async () => {
		expectRejected(await deliver(PARAMS, { ...unsigned }, { headers: { 'x-chatwoot-delivery': 'unsigned-0' }, body: body() }), 401);
	});

	it('with Accept Unsigned Deliveries: accepted while Chatwoot has never shown a secret', async () => {
		const params = { ...PARAMS, options: { acceptUnsigned: true } };
		const result = await deliver(params, { ...unsigned }, { headers: { 'x-chatwoot-delivery': 'unsigned-1' }, body: body() });
		expect(items(result)).toEqual([JSON.parse(body())]);
	});

	it('with Accept Unsigned Deliveries: refused once a secret or a signed delivery was seen (sticky)', async () => {
		const params = { ...PARAMS, options: { acceptUnsigned: true } };
		expectRejected(await deliver(params, { ...unsigned, signed: true }, { headers: {}, body: body() }), 401);
		// this process learns a secret (e.g. Chatwoot was upgraded and re-activated): unsigned is over
		primeSecret('webhook:1', SECRET);
		const staticData: IDataObject = { ...unsigned };
		expectRejected(await deliver(params, staticData, { headers: {}, body: body() }), 401);
		expect(staticData.signed).toBe(true);
	});

	it('with Accept Unsigned Deliveries: still ignores a repeated delivery id', async () => {
		const params = { ...PARAMS, options: { acceptUnsigned: true } };
		await deliver(params, { ...unsigned }, { headers: { 'x-chatwoot-delivery': 'unsigned-2' }, body: body() });
		const again = await deliver(params, { ...unsigned }, { headers: { 'x-chatwoot-delivery': 'unsigned-2' }, body: body() });
		expect(again.workflowData).toBeUndefined();
	});

	it('a secret an older version kept in static data is removed, and counts as "signed"', async () => {
		const staticData: IDataObject = { ...unsigned, secret: 'old-secret-in-static-data' };
		const params = { ...PARAMS, options: { acceptUnsigned: true } };
		expectRejected(await deliver(params, staticData, { headers: {}, body: body() }), 401);
		expect(staticData.secret).toBeUndefined();
		expect(staticData.signed).toBe(true);
	});
});

describe('DeliveryLog', () => {
	it('keeps at most 1,000 ids, forgets the oldest first, and expires old ones', () => {
		const log = new DeliveryLog(1000, 60_000);
		for (let i = 0; i < 1500; i++) expect(log.remember(`id-${i}`, 1000 + i)).toBe(true);
		expect(log.size).toBe(1000);
		expect(log.remember('id-1499', 3000)).toBe(false);
		expect(log.remember('id-0', 3000)).toBe(true);
		expect(log.remember('late', 1_000_000)).toBe(true);
		expect(log.size).toBe(1);
	});
});
