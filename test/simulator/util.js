'use strict';
// Small shared helpers (no dependencies beyond Node built-ins).
const crypto = require('crypto');

class HttpError extends Error {
	/** @param {number} status @param {any} body JSON body (object) or string (text/plain) */
	constructor(status, body, headers) {
		super(typeof body === 'string' ? body : JSON.stringify(body));
		this.status = status;
		this.body = body;
		this.headers = headers || {};
	}
}

const ERR = {
	notFound: () => new HttpError(404, { error: 'Resource could not be found' }),
	unauthorizedAction: () => new HttpError(401, { error: 'You are not authorized to do this action' }),
	unprocessable: (error) => new HttpError(422, { error }),
	invalid: (messages, attributes) =>
		new HttpError(422, { message: messages.join(', '), attributes }),
};

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz123456789'; // base58 like has_secure_token
function randomToken(len = 24) {
	const bytes = crypto.randomBytes(len);
	let s = '';
	for (let i = 0; i < len; i++) s += ALNUM[bytes[i] % ALNUM.length];
	return s;
}
const urlsafeToken = () => crypto.randomBytes(24).toString('base64url'); // 32 chars, like SecureRandom.urlsafe_base64(24)
const uuid = () => crypto.randomUUID();

const toSec = (ms) => (ms == null ? null : Math.floor(ms / 1000));
const toSecOr0 = (ms) => (ms == null ? 0 : Math.floor(ms / 1000));
const toFloat = (ms) => (ms == null ? null : ms / 1000);
const toIso = (ms) => (ms == null ? null : new Date(ms).toISOString());

const isBlank = (v) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const present = (v) => !isBlank(v);

function toBool(v) {
	if (typeof v === 'boolean') return v;
	if (v === undefined || v === null) return undefined;
	const s = String(v).toLowerCase();
	if (['true', '1', 'on', 't', 'yes'].includes(s)) return true;
	if (['false', '0', 'off', 'f', 'no', ''].includes(s)) return false;
	return undefined;
}

function toInt(v) {
	if (v === undefined || v === null || v === '') return undefined;
	const n = Number(v);
	return Number.isFinite(n) ? Math.trunc(n) : NaN;
}

function clone(v) {
	return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

function deepEqual(a, b) {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** Mulberry32 deterministic PRNG */
function prng(seed) {
	let a = seed >>> 0;
	return function () {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Parse a JSON string attribute the Rails way: object passes through, string is parsed, else {} */
function jsonish(v, fallback = {}) {
	if (v === undefined || v === null || v === '') return fallback;
	if (typeof v === 'string') {
		try {
			return JSON.parse(v);
		} catch {
			return fallback;
		}
	}
	return v;
}

module.exports = {
	HttpError,
	ERR,
	randomToken,
	urlsafeToken,
	uuid,
	toSec,
	toSecOr0,
	toFloat,
	toIso,
	isBlank,
	present,
	toBool,
	toInt,
	clone,
	deepEqual,
	prng,
	jsonish,
};
