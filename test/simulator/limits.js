'use strict';
// Rack::Attack-like throttles (fixed windows, injectable clock) and fault injection (deterministic PRNG).
const { prng } = require('./util');

const RETRY_LATER = 'Retry later\n'; // Rack::Attack default throttled response body (text/plain)

class RateLimiter {
	constructor(getNow) {
		this.getNow = getNow;
		this.config = null;
		this.counters = new Map();
	}

	set(config) {
		this.config = config || null;
		this.counters.clear();
	}

	/**
	 * Returns null when allowed, or { retryAfter } when throttled.
	 * @param {{ ip: string, method: string, path: string, token?: string }} req
	 */
	check(req) {
		const c = this.config;
		if (!c) return null;
		const windowMs = c.windowMs || 60000;
		const now = this.getNow();
		const bucket = Math.floor(now / windowMs);
		const retryAfter = Math.max(1, Math.ceil((windowMs - (now % windowMs)) / 1000));
		const rules = [];
		if (c.perIpPerMinute) rules.push([`ip:${req.ip}`, c.perIpPerMinute]);
		let m;
		if (c.contactSearchPerMinute && (m = /^\/api\/v1\/accounts\/([^/]+)\/contacts\/search\/?$/.exec(req.path))) rules.push([`search:${m[1]}`, c.contactSearchPerMinute]);
		if (c.conversationsMetaPerMinute && req.method === 'GET' && (m = /^\/api\/v1\/accounts\/([^/]+)\/conversations\/meta\/?$/.exec(req.path)))
			rules.push([`meta:${req.token || req.ip}:${m[1]}`, c.conversationsMetaPerMinute]);
		// rack-attack's Configuration#throttled? is `throttles.any?`: throttles are counted in declaration order
		// and counting stops at the first one over its limit (later throttles do not see that request).
		let throttled = false;
		for (const [key, limit] of rules) {
			const k = `${key}:${bucket}`;
			const n = (this.counters.get(k) || 0) + 1;
			this.counters.set(k, n);
			if (n > limit) {
				throttled = true;
				break;
			}
		}
		if (this.counters.size > 10000) this.gc(bucket);
		if (!throttled) return null;
		// Chatwoot leaves rack-attack's throttled_response_retry_after_header at false: no Retry-After.
		return c.retryAfterHeader ? { retryAfter } : {};
	}

	gc(bucket) {
		for (const k of this.counters.keys()) if (!k.endsWith(`:${bucket}`)) this.counters.delete(k);
	}
}

class FaultInjector {
	constructor() {
		this.set(null);
	}

	set(config) {
		this.config = config || null;
		this.rand = prng(config && config.seed != null ? config.seed : 42);
		this.count = 0;
		if (config && typeof config.pathPattern === 'string') this.pattern = new RegExp(config.pathPattern);
		else this.pattern = config ? config.pathPattern || null : null;
	}

	/** @returns {null | { kind: string, when: 'before'|'after', retryAfterSeconds: number }} */
	decide(method, path) {
		const c = this.config;
		if (!c || !c.rate) return null;
		if (c.methods && c.methods.length && !c.methods.map((x) => x.toUpperCase()).includes(method)) return null;
		if (this.pattern && !this.pattern.test(path)) return null;
		if (c.limit != null && this.count >= c.limit) return null;
		if (this.rand() >= c.rate) return null;
		this.count++;
		const kinds = c.kinds && c.kinds.length ? c.kinds : ['503'];
		const kind = String(kinds[Math.floor(this.rand() * kinds.length)]);
		let when = c.when === 'after' ? 'after' : 'before';
		// 'either': each fault before or after handling at random; a 429 always before (Rack::Attack answers before Rails).
		if (c.when === 'either') when = kind !== '429' && this.rand() < 0.5 ? 'after' : 'before';
		return { kind, when, retryAfterSeconds: c.retryAfterSeconds };
	}
}

const FAULT_BODIES = {
	502: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
	503: '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
	504: '<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
	500: '{"status":500,"error":"Internal Server Error"}',
};

/** Builds the response for an injected fault (null for 'reset'). */
function faultResponse(fault) {
	if (fault.kind === 'reset') return null;
	const status = Number(fault.kind);
	if (status === 429) {
		// Like Chatwoot's Rack::Attack: no Retry-After unless the test asks for one.
		const headers = { 'Content-Type': 'text/plain' };
		if (fault.retryAfterSeconds != null) headers['Retry-After'] = String(fault.retryAfterSeconds);
		return { status, headers, body: RETRY_LATER };
	}
	const headers = { 'Content-Type': status === 500 ? 'application/json' : 'text/html' };
	if (status === 503 && fault.retryAfterSeconds) headers['Retry-After'] = String(fault.retryAfterSeconds);
	return { status, headers, body: FAULT_BODIES[status] || `${status}` };
}

/** Requests in flight, overall and per route shape (numeric ids replaced by :id), with their maxima. */
class InflightCounter {
	constructor() {
		this.reset();
	}

	reset() {
		this.now = 0;
		this.max = 0;
		this.routes = new Map();
	}

	static key(method, path) {
		const shape = path
			.replace(/\.json$/, '')
			.replace(/^\/public\/api\/v1\/inboxes\/[^/]+/, '/public/api/v1/inboxes/:inbox')
			.replace(/\/\d+(?=\/|$)/g, '/:id');
		return `${method} ${shape}`;
	}

	enter(method, path) {
		const key = InflightCounter.key(method, path);
		this.now++;
		this.max = Math.max(this.max, this.now);
		const r = this.routes.get(key) || { now: 0, max: 0, count: 0 };
		r.now++;
		r.count++;
		r.max = Math.max(r.max, r.now);
		this.routes.set(key, r);
		return key;
	}

	leave(key) {
		this.now--;
		const r = this.routes.get(key);
		if (r) r.now--;
	}

	snapshot() {
		const routes = {};
		for (const [k, v] of this.routes) routes[k] = { max: v.max, count: v.count };
		return { now: this.now, max: this.max, routes };
	}
}

/**
 * Puma's thread pool (config/puma.rb: RAILS_MAX_THREADS, default 5 per process): at most `threads` requests are
 * worked on at once, the rest queue in arrival order. Each request Rails handles holds its thread `serviceMs`
 * (the simulator's own work on it included, see server.js).
 * threads 0 = unlimited (the default, so functional tests are not slowed down).
 */
class ThreadPool {
	constructor() {
		this.set(null);
	}

	set(config) {
		this.threads = config && config.threads > 0 ? Number(config.threads) : 0;
		this.serviceMs = config && config.serviceMs > 0 ? Number(config.serviceMs) : 0;
		this.busy = 0;
		this.queue = [];
	}

	get config() {
		return { threads: this.threads, serviceMs: this.serviceMs };
	}

	acquire() {
		const release = () => {
			const next = this.queue.shift();
			if (next) next(release);
			else this.busy = Math.max(0, this.busy - 1);
		};
		if (!this.threads || this.busy < this.threads) {
			this.busy++;
			return Promise.resolve(release);
		}
		return new Promise((resolve) => this.queue.push(resolve));
	}
}

module.exports = { RateLimiter, FaultInjector, InflightCounter, ThreadPool, faultResponse, RETRY_LATER };
