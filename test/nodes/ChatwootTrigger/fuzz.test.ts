import type { IDataObject } from 'n8n-workflow';

import { computeSignature } from '../../../nodes/ChatwootTrigger/signature';
import { ACCOUNT_EVENTS } from '../../../nodes/ChatwootTrigger/filters';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH, nestsDeeperThan } from '../../../nodes/ChatwootTrigger/receive';
import { deliver, items, primeSecret, signedDelivery } from './setup';

/** Deterministic PRNG (mulberry32) so a failure can be reproduced from its index. */
function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(list: readonly T[]): T => list[int(list.length)];
	return { next, int, pick };
}

const SECRET = 'fuzz-secret-Zx81Qp0Lm2Vb';
const EVENTS = [...ACCOUNT_EVENTS];
const PARAMS: IDataObject = { source: 'accountWebhook', events: EVENTS, options: { includePrivate: true, simplify: true } };
/** Chatwoot < 4.12 with the insecure opt-in: the only way an unsigned body reaches the parser. */
const PARAMS_UNSIGNED: IDataObject = { ...PARAMS, options: { includePrivate: true, simplify: true, acceptUnsigned: true } };

type Rand = ReturnType<typeof prng>;

function randomBytes(r: Rand, max: number): Buffer {
	const out = Buffer.alloc(r.int(max));
	for (let i = 0; i < out.length; i++) out[i] = r.int(256);
	return out;
}

function weird(r: Rand, depth = 0): unknown {
	switch (r.int(depth > 3 ? 7 : 10)) {
		case 0:
			return null;
		case 1:
			return r.int(2) === 0;
		case 2:
			return r.next() * 1e12 - 5e11;
		case 3:
			return String.fromCharCode(...Array.from({ length: r.int(20) }, () => r.int(0xd7ff)));
		case 4:
			return '';
		case 5:
			return -1;
		case 6:
			return 'message_created';
		case 7:
			return Array.from({ length: r.int(4) }, () => weird(r, depth + 1));
		default: {
			const o: IDataObject = {};
			for (const k of ['id', 'type', 'inbox', 'inbox_id', 'sender', 'user', 'conversation', 'labels', 'status', 'message_type', 'private', 'is_private', 'attachments', 'created_at', 'meta', 'account'].filter(() => r.int(3) === 0)) {
				o[k] = weird(r, depth + 1) as IDataObject;
			}
			return o;
		}
	}
}

function validMessage(): IDataObject {
	return {
		event: 'message_created',
		id: 1,
		content: 'hi',
		message_type: 'incoming',
		private: false,
		inbox: { id: 1 },
		sender: { id: 2, name: 'x' },
		conversation: { id: 3, inbox_id: 1, status: 'open', labels: [] },
	};
}

/** A malformed body: never a JSON object with a string `event`. */
function malformedBody(r: Rand): Buffer {
	switch (r.int(9)) {
		case 0:
			return randomBytes(r, 2000);
		case 1: {
			const text = JSON.stringify(validMessage());
			return Buffer.from(text.slice(0, r.int(text.length - 1)));
		}
		case 2:
			return Buffer.from(JSON.stringify(r.pick([[], [validMessage()], 42, 'message_created', null, true, 1.5])));
		case 3: {
			const body = validMessage();
			delete body.event;
			return Buffer.from(JSON.stringify(body));
		}
		case 4: {
			const body = validMessage();
			body.event = r.pick([42, null, true, [], {}, ['message_created'], '']) as never;
			return Buffer.from(JSON.stringify(body));
		}
		case 5:
			return Buffer.from('{"event":"message_created",' + '"a":['.repeat(r.int(5000)));
		case 6:
			return Buffer.from(r.pick(['', ' ', 'null', '{', '}', '{"event":}', '\u0000\u0001', 'event=message_created', '<xml/>']));
		case 7:
			return Buffer.from(JSON.stringify({ event: r.pick(['unknown_event', 'MESSAGE_CREATED', 'message_created ', 'conversation_resolved']) }));
		default:
			return Buffer.from('\ufeff' + JSON.stringify(validMessage()).replace('{', '{,'));
	}
}

function parsedLikeN8n(raw: Buffer): unknown {
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return {};
	}
}

function headerValue(r: Rand): string | string[] | undefined {
	return r.pick([
		undefined,
		'',
		'sha256=',
		'sha256=' + 'a'.repeat(64),
		'sha256=' + 'z'.repeat(64),
		'sha1=abc',
		'x'.repeat(5000),
		['sha256=' + '0'.repeat(64), 'second'],
		String(Math.floor(Date.now() / 1000)),
		'-1',
		'99999999999999999999',
	]) as string | string[] | undefined;
}

describe('Chatwoot Trigger fuzz: 10,000 malformed or forged deliveries', () => {
	it('never crashes and never starts a workflow', async () => {
		const r = prng(20261126);
		const counts: Record<string, number> = {};
		let crashes = 0;
		let started = 0;
		for (let i = 0; i < 10_000; i++) {
			const withSecret = i % 2 === 0;
			const staticData: IDataObject = { source: 'accountWebhook', webhookId: 1, ownUserId: 2 };
			primeSecret('webhook:1', withSecret ? SECRET : undefined);
			const now = Math.floor(Date.now() / 1000);
			let raw: Buffer;
			const headers: Record<string, string | string[] | undefined> = { 'content-type': 'application/json', 'x-chatwoot-delivery': `fuzz-${i}` };
			let kind: string;
			if (!withSecret || r.int(3) === 0) {
				kind = 'malformed';
				raw = malformedBody(r);
				if (withSecret && r.int(2) === 0) {
					// correctly signed garbage still has to be rejected as malformed
					headers['x-chatwoot-timestamp'] = String(now);
					headers['x-chatwoot-signature'] = computeSignature(SECRET, String(now), raw);
					kind = 'signed-malformed';
				}
			} else {
				raw = Buffer.from(JSON.stringify(validMessage()));
				const forgery = r.int(6);
				kind = `forged-${forgery}`;
				if (forgery === 0) {
					headers['x-chatwoot-timestamp'] = headerValue(r);
					headers['x-chatwoot-signature'] = headerValue(r);
				} else if (forgery === 1) {
					headers['x-chatwoot-timestamp'] = String(now);
					headers['x-chatwoot-signature'] = computeSignature('not-the-secret', String(now), raw);
				} else if (forgery === 2) {
					headers['x-chatwoot-timestamp'] = String(now - 301 - r.int(100000));
					headers['x-chatwoot-signature'] = computeSignature(SECRET, headers['x-chatwoot-timestamp'] as string, raw);
				} else if (forgery === 3) {
					headers['x-chatwoot-timestamp'] = String(now);
					headers['x-chatwoot-signature'] = computeSignature(SECRET, String(now), raw);
					const at = r.int(raw.length);
					raw = Buffer.from(raw);
					raw[at] = (raw[at] + 1 + r.int(254)) % 256;
				} else if (forgery === 4) {
					headers['x-chatwoot-timestamp'] = String(now);
					headers['x-chatwoot-signature'] = computeSignature(SECRET, String(now + 1), raw);
				} else {
					headers['x-chatwoot-timestamp'] = String(now);
				}
			}
			counts[kind] = (counts[kind] ?? 0) + 1;
			try {
				const result = await deliver(withSecret ? PARAMS : PARAMS_UNSIGNED, staticData, { headers: headers as Record<string, string>, body: raw }, { parsedBody: parsedLikeN8n(raw) });
				if (result.workflowData !== undefined) started++;
				expect([200, 400, 401]).toContain(result.status);
				expect(result.responseEnded).toBe(true);
			} catch (error) {
				crashes++;
				if (crashes < 3) throw new Error(`delivery ${i} (${kind}) crashed: ${(error as Error).message}`);
			}
		}
		expect({ crashes, started }).toEqual({ crashes: 0, started: 0 });
		expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(10_000);
	});

	it('bodies over 16 MiB are refused with 413 before the signature is checked; a declared content-length over it even before the body is read', async () => {
		primeSecret('webhook:1', SECRET);
		const huge = Buffer.from(JSON.stringify({ ...validMessage(), content: 'x'.repeat(MAX_BODY_BYTES) }));
		const result = await deliver(PARAMS, { source: 'accountWebhook', webhookId: 1 }, signedDelivery(huge, SECRET));
		expect([result.status, result.responseBody]).toEqual([413, { message: 'Body too large for a Chatwoot webhook' }]);
		expect(result.workflowData).toBeUndefined();
		// the early check: a small, correctly signed body announced as 17 MiB is refused from the header alone
		const small = signedDelivery(JSON.stringify(validMessage()), SECRET);
		small.headers['content-length'] = String(17 * 1024 * 1024);
		const early = await deliver(PARAMS, { source: 'accountWebhook', webhookId: 1 }, small);
		expect([early.status, early.responseBody]).toEqual([413, { message: 'Body too large for a Chatwoot webhook' }]);
	});

	it('an e-mail message of 3 MiB (full HTML body, quoted text, repeated in conversation.messages) starts the workflow', async () => {
		primeSecret('webhook:1', SECRET);
		const html = `<html><body>${'<p>Newsletter paragraph with <img src="data:image/png;base64,iVBORw0KGgo="></p>'.repeat(20000)}</body></html>`;
		const email = { html_content: { full: html, reply: html, quoted: '' }, text_content: { full: 'text', reply: 'text', quoted: '' } };
		const message: IDataObject = { ...validMessage(), content_type: 'incoming_email', content_attributes: { email } };
		const body = JSON.stringify({ ...message, conversation: { ...(message.conversation as IDataObject), messages: [message] } });
		expect(Buffer.byteLength(body)).toBeGreaterThan(3 * 1024 * 1024);
		const result = await deliver(PARAMS, { source: 'accountWebhook', webhookId: 1 }, signedDelivery(body, SECRET));
		expect(result.status).toBe(200);
		expect(items(result)).toHaveLength(1);
	});

	it(`JSON nested deeper than ${MAX_JSON_DEPTH} levels is refused with 400 before parsing; brackets inside strings do not count`, async () => {
		primeSecret('webhook:1', SECRET);
		const deep = `{"event":"message_created","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
		const result = await deliver(PARAMS, { source: 'accountWebhook', webhookId: 1 }, signedDelivery(deep, SECRET), { parsedBody: {} });
		expect([result.status, result.responseBody]).toEqual([400, { message: 'Body is nested too deeply for a Chatwoot webhook' }]);
		expect(result.workflowData).toBeUndefined();
		expect(nestsDeeperThan(Buffer.from(`{"a":"${'['.repeat(1000)}\\"]"}`), MAX_JSON_DEPTH)).toBe(false);
		expect(nestsDeeperThan(Buffer.from(`${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}`), MAX_JSON_DEPTH)).toBe(false);
		expect(nestsDeeperThan(Buffer.from(`${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`), MAX_JSON_DEPTH)).toBe(true);
	});

	it('malformed bodies get a clear 400 message', async () => {
		const cases: Array<[string, string]> = [
			['not json', 'Body is not a JSON object'],
			['[1,2]', 'Body is not a JSON object'],
			['{"id":1}', 'Body has no Chatwoot "event"'],
			['{"event":5}', 'Body has no Chatwoot "event"'],
		];
		primeSecret('webhook:1', SECRET);
		for (const [body, message] of cases) {
			const result = await deliver(PARAMS, { source: 'accountWebhook', webhookId: 1 }, signedDelivery(body, SECRET));
			expect([result.status, result.responseBody]).toEqual([400, { message }]);
			expect(result.workflowData).toBeUndefined();
		}
	});

	it('2,000 correctly signed events with garbage-typed fields pass through filters and Simplify without crashing', async () => {
		const r = prng(7);
		let started = 0;
		for (let i = 0; i < 2000; i++) {
			const payload = { ...(weird(r) as IDataObject), event: r.pick(EVENTS), fuzz_index: i };
			if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) continue;
			const raw = Buffer.from(JSON.stringify(payload));
			const options = { includePrivate: r.int(2) === 0, simplify: true, labels: r.int(2) ? ['vip'] : [], senderTypes: r.int(2) ? ['contact'] : [], conversationStatuses: r.int(2) ? ['open'] : [], messageTypes: r.int(2) ? ['incoming'] : [] };
			primeSecret('webhook:1', SECRET);
			const result = await deliver(
				{ source: 'accountWebhook', events: EVENTS, inboxId: r.int(2) ? { __rl: true, mode: 'id', value: '1' } : '', options },
				{ source: 'accountWebhook', webhookId: 1, ownUserId: 2 },
				signedDelivery(raw, SECRET, { delivery: `typed-${i}` }),
			);
			expect(result.status).toBe(200);
			if (result.workflowData) started++;
		}
		expect(started).toBeGreaterThan(0);
	});
});
