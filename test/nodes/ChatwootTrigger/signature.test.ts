import type { IDataObject } from 'n8n-workflow';

import { checkSignature, computeSignature, DeliveryLog } from '../../../nodes/ChatwootTrigger/signature';
import { deliver, items } from './setup';

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

let deliveryCounter = 0;
function signed(body: string, options: { secret?: string; timestamp?: number; delivery?: string } = {}) {
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	return {
		headers: {
			'content-type': 'application/json',
			'x-chatwoot-delivery': options.delivery ?? `delivery-${Date.now()}-${++deliveryCounter}`,
			'x-chatwoot-timestamp': timestamp,
			'x-chatwoot-signature': computeSignature(options.secret ?? SECRET, timestamp, body),
		} as Record<string, string>,
		body,
	};
}

function staticWithSecret(): IDataObject {
	return { source: 'accountWebhook', webhookId: 1, secret: SECRET, ownUrl: 'http://x', createdByUs: true, ownUserId: 99 };
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
		expect(checkSignature({ ...base, toleranceSeconds: 0, nowMs: 0 })).toEqual({ ok: true });
		expect(checkSignature({ ...base, signature: VECTOR.signature.toUpperCase(), nowMs: 1767225600_000 })).toEqual({ ok: true });
		expect(checkSignature({ ...base, signature: VECTOR.signature.slice(0, -1), nowMs: 1767225600_000 })).toEqual({ ok: false, reason: 'mismatch' });
		expect(checkSignature({ ...base, signature: `${VECTOR.signature}0`, nowMs: 1767225600_000 })).toEqual({ ok: false, reason: 'mismatch' });
		expect(checkSignature({ ...base, signature: VECTOR.signature.replace('sha256=', ''), nowMs: 1767225600_000 })).toEqual({ ok: false, reason: 'mismatch' });
		expect(checkSignature({ ...base, timestamp: '17672256OO', nowMs: 1767225600_000 })).toEqual({ ok: false, reason: 'bad-timestamp' });
	});
});

describe('Chatwoot signature: webhook() with a known secret', () => {
	it('the vector delivered with its raw body is accepted (timestamp check off), although JSON.stringify of the parsed body differs', async () => {
		const staticData: IDataObject = { source: 'accountWebhook', webhookId: 1, secret: VECTOR.secret };
		const result = await deliver(
			{ ...PARAMS, options: { signatureTolerance: 0 } },
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
		expect(result.responseBody).toEqual({ message: 'Invalid Chatwoot signature (mismatch)' });
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

	it('a replayed delivery (same X-Chatwoot-Delivery) answers 200 and starts nothing', async () => {
		const body = JSON.stringify(messagePayload());
		const delivery = signed(body, { delivery: 'replay-me-1' });
		expect(items(await deliver(PARAMS, staticWithSecret(), delivery))).toHaveLength(1);
		const again = await deliver(PARAMS, staticWithSecret(), delivery);
		expect(again.status).toBe(200);
		expect(again.workflowData).toBeUndefined();
		expect(again.responseEnded).toBe(true);
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

	it('accepts unsigned deliveries', async () => {
		const body = JSON.stringify(messagePayload());
		const result = await deliver(PARAMS, { ...unsigned }, { headers: { 'x-chatwoot-delivery': 'unsigned-1' }, body });
		expect(items(result)).toEqual([JSON.parse(body)]);
	});

	it('still ignores a repeated delivery id', async () => {
		const body = JSON.stringify(messagePayload());
		await deliver(PARAMS, { ...unsigned }, { headers: { 'x-chatwoot-delivery': 'unsigned-2' }, body });
		const again = await deliver(PARAMS, { ...unsigned }, { headers: { 'x-chatwoot-delivery': 'unsigned-2' }, body });
		expect(again.workflowData).toBeUndefined();
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
