/**
 * Tiny loopback HTTP servers for transport / harness tests.
 *
 * `startEchoServer()` listens on 127.0.0.1, port 0 (never 5678/5679), records every request
 * (method, url, headers, raw body) and answers with scripted responses:
 *   - `enqueue(...responses)`: FIFO, one response per incoming request;
 *   - `setDefault(response)`: used when the queue is empty (default: 200 JSON echo of the request);
 *   - a response may be a function of the recorded request (sync or async).
 *
 *   server.enqueue({ status: 429, headers: { 'retry-after': '1' }, body: 'Retry later' }, { status: 200, body: { ok: 1 } });
 *   server.enqueue({ status: 502 }, { reset: true }, (req) => ({ body: { echoed: req.json() } }));
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	/** Path plus query string exactly as sent, e.g. `/api/v1/x?labels%5B%5D=a`. */
	url: string;
	path: string;
	/** Decoded query (repeated keys collected with getAll). */
	query: URLSearchParams;
	/** Node's lower-cased header object. */
	headers: IncomingHttpHeaders;
	body: Buffer;
	text(): string;
	/** JSON.parse of the body; throws when it is not JSON. */
	json<T = unknown>(): T;
	sha256(): string;
}

export interface ScriptedReply {
	status?: number;
	headers?: Record<string, string | number | string[]>;
	/** object/array → JSON (content-type application/json unless set), string/Buffer sent as-is. */
	body?: unknown;
}
/** Destroy the socket without any response (client sees ECONNRESET / "socket hang up"). */
export interface ScriptedReset {
	reset: true;
}
export type ScriptedResponse =
	| ScriptedReply
	| ScriptedReset
	| ((req: RecordedRequest) => ScriptedReply | ScriptedReset | Promise<ScriptedReply | ScriptedReset>);

export interface EchoServer {
	/** `http://127.0.0.1:<port>` (no trailing slash). */
	url: string;
	port: number;
	requests: RecordedRequest[];
	/** Last recorded request (throws when none). */
	last(): RecordedRequest;
	enqueue(...responses: ScriptedResponse[]): void;
	/** Remaining queued responses. */
	pending(): number;
	setDefault(response: ScriptedResponse): void;
	/** Clears recorded requests, queue and default. */
	reset(): void;
	close(): Promise<void>;
}

export function echoReply(req: RecordedRequest): ScriptedReply {
	let body: unknown;
	try {
		body = req.body.length ? req.json() : undefined;
	} catch {
		body = req.text();
	}
	return {
		status: 200,
		body: {
			method: req.method,
			url: req.url,
			path: req.path,
			query: Object.fromEntries(req.query.entries()),
			headers: req.headers,
			body,
			bodyLength: req.body.length,
			bodySha256: req.sha256(),
		},
	};
}

function record(req: IncomingMessage, body: Buffer): RecordedRequest {
	const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
	return {
		method: req.method ?? 'GET',
		url: req.url ?? '/',
		path: parsed.pathname,
		query: parsed.searchParams,
		headers: req.headers,
		body,
		text: () => body.toString('utf8'),
		json: <T>() => JSON.parse(body.toString('utf8')) as T,
		sha256: () => createHash('sha256').update(body).digest('hex'),
	};
}

async function send(res: ServerResponse, reply: ScriptedReply): Promise<void> {
	const headers: Record<string, string | number | string[]> = { ...(reply.headers ?? {}) };
	const hasHeader = (name: string) => Object.keys(headers).some((k) => k.toLowerCase() === name);
	let payload: Buffer | undefined;
	if (reply.body === undefined || reply.body === null) {
		payload = undefined;
	} else if (Buffer.isBuffer(reply.body)) {
		payload = reply.body;
	} else if (typeof reply.body === 'string') {
		payload = Buffer.from(reply.body);
		if (!hasHeader('content-type')) headers['content-type'] = 'text/plain; charset=utf-8';
	} else {
		payload = Buffer.from(JSON.stringify(reply.body));
		if (!hasHeader('content-type')) headers['content-type'] = 'application/json; charset=utf-8';
	}
	if (payload && !hasHeader('content-length')) headers['content-length'] = payload.length;
	res.writeHead(reply.status ?? 200, headers);
	res.end(payload);
}

export async function startEchoServer(): Promise<EchoServer> {
	const requests: RecordedRequest[] = [];
	let queue: ScriptedResponse[] = [];
	let fallback: ScriptedResponse = echoReply;

	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const recorded = record(req, Buffer.concat(chunks));
			requests.push(recorded);
			const scripted = queue.length ? queue.shift()! : fallback;
			void (async () => {
				try {
					const reply = typeof scripted === 'function' ? await scripted(recorded) : scripted;
					if ('reset' in reply && reply.reset) {
						req.socket.destroy();
						return;
					}
					await send(res, reply as ScriptedReply);
				} catch (error) {
					if (!res.headersSent) {
						res.writeHead(599, { 'content-type': 'text/plain' });
					}
					res.end(`echo server script failed: ${(error as Error).message}`);
				}
			})();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	if (port === 5678 || port === 5679) {
		server.close();
		return await startEchoServer();
	}
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		last() {
			const r = requests[requests.length - 1];
			if (!r) throw new Error('echo server has not received any request');
			return r;
		},
		enqueue: (...responses) => {
			queue.push(...responses);
		},
		pending: () => queue.length,
		setDefault: (response) => {
			fallback = response;
		},
		reset: () => {
			requests.length = 0;
			queue = [];
			fallback = echoReply;
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
