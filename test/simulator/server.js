'use strict';
// HTTP core: body parsing, request log, latency, rate limits, faults, dispatch to the routers, response writing.
const http = require('http');
const { HttpError } = require('./util');
const { parseMultipart, parseQuery } = require('./multipart');
const { faultResponse, RETRY_LATER } = require('./limits');

const EMPTY = Symbol('empty');
const MAX_BODY = 50 * 1024 * 1024;

const IS_REPLY = Symbol('reply');
function reply(status, body, headers) {
	return { status, body, headers: headers || {}, [IS_REPLY]: true };
}
const isReply = (r) => !!(r && typeof r === 'object' && r[IS_REPLY]);

function parseBody(buf, contentType) {
	if (!buf.length) return { body: {}, files: [] };
	const ct = (contentType || '').toLowerCase();
	if (ct.startsWith('multipart/form-data')) {
		const { fields, files } = parseMultipart(buf, contentType);
		return { body: fields, files };
	}
	if (ct.startsWith('application/x-www-form-urlencoded')) return { body: parseQuery(buf.toString('utf8')), files: [] };
	const text = buf.toString('utf8');
	if (ct.includes('json') || /^\s*[[{]/.test(text)) {
		try {
			const v = JSON.parse(text);
			return { body: v && typeof v === 'object' ? v : { _json: v }, files: [] };
		} catch {
			throw new HttpError(400, { status: 400, error: 'Bad Request', exception: 'Error occurred while parsing request parameters' });
		}
	}
	return { body: { _raw: text }, files: [] };
}

function redactHeaders(h) {
	const out = { ...h };
	if (out.api_access_token !== undefined) out.api_access_token = '[redacted]';
	return out;
}

/**
 * @param {object} sim  the simulator instance (store, limiter, faults, stats, dispatch functions)
 */
function createHttpServer(sim) {
	const server = http.createServer({ keepAlive: true, keepAliveTimeout: 5000 }, (req, res) => {
		const chunks = [];
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size <= MAX_BODY) chunks.push(c);
		});
		req.on('end', () => {
			handle(sim, req, res, Buffer.concat(chunks)).catch((e) => {
				try {
					send(res, reply(500, { status: 500, error: 'Internal Server Error', exception: String(e && e.message) }));
				} catch {
					/* socket gone */
				}
			});
		});
		req.on('error', () => {});
	});
	server.keepAliveTimeout = 5000;
	return server;
}

/** Counts requests in flight (received, not yet answered): overall and per route shape. */
async function handle(sim, req, res, buf) {
	const path = (req.url || '/').split('?')[0];
	if (path === '/__sim' || path.startsWith('/__sim/')) return await handleRequest(sim, req, res, buf);
	const key = sim.inflight.enter((req.method || 'GET').toUpperCase(), path);
	try {
		return await handleRequest(sim, req, res, buf);
	} finally {
		sim.inflight.leave(key);
	}
}

async function handleRequest(sim, req, res, buf) {
	const url = req.url || '/';
	const qi = url.indexOf('?');
	let path = qi >= 0 ? url.slice(0, qi) : url;
	if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
	path = path.replace(/\.json$/, '');
	const query = parseQuery(qi >= 0 ? url.slice(qi + 1) : '');
	const method = (req.method || 'GET').toUpperCase();
	const ctx = { method, path, query, headers: req.headers, ip: req.socket.remoteAddress || '127.0.0.1', body: {}, files: [], params: {}, raw: buf };

	// ---- control API: never logged / limited / faulted / delayed ----
	if (path === '/__sim' || path.startsWith('/__sim/')) {
		let r;
		try {
			Object.assign(ctx, parseBody(buf, req.headers['content-type']));
			r = await sim.handleControl(ctx);
		} catch (e) {
			r = e instanceof HttpError ? reply(e.status, e.body, e.headers) : reply(500, { error: String(e && e.message) });
		}
		return send(res, r);
	}

	sim._stats.requests++;
	const logEntry = { method, path, query, body: null, status: null, headers: redactHeaders(req.headers), ip: ctx.ip, at: sim.clock.now() };
	sim._requests.push(logEntry);
	if (sim._requests.length > sim.maxRequestLog) sim._requests.splice(0, Math.ceil(sim.maxRequestLog / 10));

	let result;
	let parseError = null;
	try {
		const parsed = parseBody(buf, req.headers['content-type']);
		ctx.body = parsed.body;
		ctx.files = parsed.files;
		logEntry.body = parsed.files.length
			? { fields: stripFiles(parsed.body), files: parsed.files.map((f) => ({ fieldName: f.fieldName, filename: f.filename, contentType: f.contentType, size: f.data.length })) }
			: parsed.body;
	} catch (e) {
		parseError = e;
		logEntry.body = buf.toString('utf8').slice(0, 2000);
	}

	// ---- Puma: a bounded pool of threads serves requests; the rest wait in its queue (config/puma.rb) ----
	let fault = null;
	const release = await sim.threads.acquire();
	const threadSince = Date.now();
	try {
		// ---- Rack::Attack (middleware, runs inside a Puma thread) ----
		const token = req.headers.api_access_token;
		const throttled = sim.limiter.check({ ip: ctx.ip, method, path, token });
		if (throttled) {
			sim._stats.rateLimited++;
			// rack-attack 6.7 default responder: no Retry-After unless throttled_response_retry_after_header is set,
			// which Chatwoot's config/initializers/rack_attack.rb never does.
			const headers = { 'Content-Type': 'text/plain' };
			if (throttled.retryAfter !== undefined) headers['Retry-After'] = String(throttled.retryAfter);
			result = reply(429, RETRY_LATER, headers);
		} else {
			fault = sim.faults.decide(method, path);
			if (fault) {
				sim._stats.faults++;
				logEntry.fault = fault.kind;
				logEntry.faultWhen = fault.when;
			}
			if (fault && fault.when === 'before') {
				result = faultResponse(fault);
			} else {
				try {
					if (parseError) throw parseError;
					result = await sim.route(ctx);
				} catch (e) {
					if (e instanceof HttpError) result = reply(e.status, e.body, e.headers);
					else {
						if (process.env.CHATWOOT_SIM_DEBUG) console.error(e);
						result = reply(500, { status: 500, error: 'Internal Server Error', exception: String(e && e.message) });
					}
				}
				if (fault) result = faultResponse(fault);
			}
			// Time a Puma thread spends on a request Rails handled (capacity model; 0 = unlimited capacity). The
			// simulator's own work on the request is part of that time, so a thread is held serviceMs in all (not
			// serviceMs plus however long this process took), and the physical limit threads / serviceMs is exact.
			if (sim.threads.serviceMs > 0 && !(fault && fault.when === 'before')) {
				const rest = sim.threads.serviceMs - (Date.now() - threadSince);
				if (rest > 0) await new Promise((r) => setTimeout(r, rest));
			}
		}
	} finally {
		release();
	}

	if (sim.latencyMs > 0) await new Promise((r) => setTimeout(r, sim.latencyMs));
	if (fault && fault.kind === 'reset') {
		logEntry.status = null;
		res.socket && res.socket.destroy();
		return;
	}
	logEntry.status = result.status;
	// Date from the simulator's clock (Puma sends Date too), so a client reading the server's time sees sim.clock.
	result.headers = { Date: new Date(sim.clock.now()).toUTCString(), ...result.headers };
	send(res, result);
}

function stripFiles(fields) {
	return JSON.parse(JSON.stringify(fields, (k, v) => (v && typeof v === 'object' && '__file' in v ? '[file]' : v)));
}

function send(res, r) {
	if (res.writableEnded || res.destroyed) return;
	const headers = { ...r.headers };
	let payload;
	if (r.body === EMPTY || r.body === undefined) {
		payload = '';
	} else if (Buffer.isBuffer(r.body)) {
		payload = r.body;
	} else if (typeof r.body === 'string') {
		payload = r.body;
		if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'text/plain; charset=utf-8';
	} else {
		payload = JSON.stringify(r.body);
		if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json; charset=utf-8';
	}
	headers['Content-Length'] = Buffer.byteLength(payload);
	res.writeHead(r.status, headers);
	res.end(payload);
}

function hasHeader(h, name) {
	return Object.keys(h).some((k) => k.toLowerCase() === name);
}

module.exports = { createHttpServer, reply, isReply, EMPTY };
