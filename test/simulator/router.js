'use strict';
// Tiny segment router: patterns like '/api/v1/accounts/:account_id/contacts/:id'.

class Router {
	constructor() {
		this.routes = [];
		this.bySize = new Map(); // segment count -> routes (cheap pre-filter)
	}

	/** @param {string|string[]} methods @param {string} pattern @param {Function} handler @param {object} [opts] */
	add(methods, pattern, handler, opts = {}) {
		const segs = pattern.split('/').filter(Boolean);
		for (const method of [].concat(methods)) {
			const r = { method, segs, handler, opts, pattern };
			this.routes.push(r);
			let list = this.bySize.get(segs.length);
			if (!list) this.bySize.set(segs.length, (list = []));
			list.push(r);
		}
		return this;
	}

	match(method, path) {
		const parts = path.split('/').filter(Boolean);
		let pathMatched = false;
		for (const r of this.bySize.get(parts.length) || []) {
			const params = {};
			let ok = true;
			for (let i = 0; i < parts.length; i++) {
				const s = r.segs[i];
				if (s.charCodeAt(0) === 58 /* : */) {
					try {
						params[s.slice(1)] = decodeURIComponent(parts[i]);
					} catch {
						params[s.slice(1)] = parts[i];
					}
				} else if (s !== parts[i]) {
					ok = false;
					break;
				}
			}
			if (!ok) continue;
			pathMatched = true;
			if (r.method === method || (method === 'HEAD' && r.method === 'GET')) return { route: r, params };
		}
		return pathMatched ? { methodNotAllowed: true } : null;
	}
}

module.exports = { Router };
