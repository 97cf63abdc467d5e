'use strict';
/**
 * Shared helpers for the benchmarks that need a real n8n (bench/n8n/*).
 *
 * Reuses the e2e harness (test/e2e/harness.js: n8n install cache, npm pack of this package, simulator CLI,
 * N8nInstance with owner/API key/public API). The harness's startN8n() always installs this package, so
 * startInstance() below is a copy of its few lines that lets a benchmark choose what is installed
 * (this package or not) — nothing in test/e2e is modified.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const H = require('../../test/e2e/harness');

const REPO = H.REPO;
const RESULTS_DIR = path.join(REPO, 'bench', 'results');
const BENCH_CACHE = process.env.BENCH_CACHE_DIR || path.join(os.homedir(), '.cache', 'n8n-chatwoot-bench');

function log(...args) {
	console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);
}

function median(values) {
	const s = [...values].sort((a, b) => a - b);
	if (!s.length) return NaN;
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function percentile(values, p) {
	const s = [...values].sort((a, b) => a - b);
	if (!s.length) return NaN;
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

function round(v, digits = 2) {
	if (typeof v !== 'number' || !Number.isFinite(v)) return v;
	const f = 10 ** digits;
	return Math.round(v * f) / f;
}

function machine() {
	const cpus = os.cpus();
	return {
		node: process.version,
		platform: `${os.type()} ${os.release()}`,
		cpu: `${cpus.length} × ${cpus[0] ? cpus[0].model.trim() : 'unknown'}`,
		memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
		loadavg1: round(os.loadavg()[0], 2),
		n8n: process.env.E2E_N8N_VERSION || H.DEFAULT_N8N_VERSION,
	};
}

/** Write bench/results/<name>.json in the shape bench/report.js merges. */
function writeResult(result) {
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	const file = path.join(RESULTS_DIR, `${result.name}.json`);
	const out = { machine: machine(), generatedAt: new Date().toISOString(), ...result };
	fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
	log(`wrote ${path.relative(REPO, file)}`);
	return file;
}

function printResult(result) {
	console.log(`\n== ${result.title} ==`);
	for (const r of result.rows || []) console.log(r.label !== undefined ? `  ${r.label}: ${r.value}${r.unit ? ` ${r.unit}` : ''}` : `  ${JSON.stringify(r)}`);
	for (const r of result.ratios || []) console.log(`  ratio ${r.label}: ${r.value}`);
	for (const t of result.targets || []) console.log(`  target ${t.met ? 'MET' : 'NOT MET'}: ${t.label} — ${t.detail}`);
	for (const n of result.notes || []) console.log(`  note: ${n}`);
}

/**
 * Start a real n8n (version from E2E_N8N_VERSION, default 2.8.4) in a fresh user folder, optionally with this
 * package installed the way a user's install would be (npm pack → ~/.n8n/nodes/node_modules), with its own
 * port and task-broker port, and (by default) an owner + public-API key.
 */
async function startInstance({ withPackage = true, owner = true, env = {}, deferStart = false } = {}) {
	const version = process.env.E2E_N8N_VERSION || H.DEFAULT_N8N_VERSION;
	const nodeBinary = process.env.E2E_NODE_BINARY || process.execPath;
	const install = await H.ensureN8n(version, { nodeBinary });
	const tgz = await H.packPackage();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-chatwoot-bench-'));
	fs.mkdirSync(path.join(userFolder, '.n8n', 'nodes'), { recursive: true });
	const logDir = path.join(userFolder, 'logs');
	fs.mkdirSync(logDir, { recursive: true });
	if (withPackage) await H.installPackageInto(userFolder, tgz);
	const n8n = new H.N8nInstance({
		version: install.version,
		bin: install.bin,
		install,
		nodeBinary,
		userFolder,
		ownsUserFolder: true,
		logDir,
		port: await H.freePort(),
		brokerPort: await H.freePort(),
		extraEnv: {
			// community-package installs through n8n's own REST endpoint use this npm cache, not ~/.npm
			npm_config_cache: path.join(os.homedir(), '.cache', 'n8n-chatwoot-e2e', 'npm-cache'),
			...env,
		},
		packageTgz: tgz,
	});
	if (deferStart) return n8n;
	try {
		await n8n.start();
		if (owner) {
			await n8n.setupOwner(H.OWNER);
			await n8n.createApiKey();
		}
	} catch (e) {
		await n8n.stop().catch(() => undefined);
		throw e;
	}
	return n8n;
}

/** All executions of a workflow (public API, cursor-paged, without data). */
async function allExecutions(n8n, workflowId) {
	const out = [];
	let cursor;
	for (;;) {
		const qs = new URLSearchParams({ includeData: 'false', limit: '250', workflowId: String(workflowId) });
		if (cursor) qs.set('cursor', cursor);
		const r = await n8n.api('GET', `/executions?${qs}`);
		out.push(...r.data);
		cursor = r.nextCursor;
		if (!cursor || !r.data.length) break;
	}
	return out;
}

/** Wait until `workflowId` has `count` executions that are no longer running; returns them. */
async function waitForFinishedExecutions(n8n, workflowId, count, { timeoutMs = 300000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const list = await allExecutions(n8n, workflowId);
		const done = list.filter((e) => e.stoppedAt && !['new', 'running', 'waiting'].includes(e.status));
		if (done.length >= count && done.length === list.length) return list;
		if (Date.now() > deadline) throw new Error(`timed out: ${done.length}/${count} executions of ${workflowId} finished (${list.length} exist)`);
		await H.sleep(250);
	}
}

/** Chatwoot's signature (API-NOTES §4.3): sha256=hex(HMAC_SHA256(secret, "<ts>.<raw body>")). */
function signDelivery(secret, rawBody, ts = String(Math.floor(Date.now() / 1000))) {
	return {
		'content-type': 'application/json',
		accept: 'application/json',
		'x-chatwoot-delivery': crypto.randomUUID(),
		'x-chatwoot-timestamp': ts,
		'x-chatwoot-signature': 'sha256=' + crypto.createHmac('sha256', secret).update(`${ts}.${rawBody}`).digest('hex'),
	};
}

/**
 * Bounded load loop: POST every {body, headers} of `requests` to `url` with `concurrency` requests in flight
 * (keep-alive, loopback). Returns wall time, per-request latencies and status counts.
 */
async function loadLoop(url, requests, concurrency) {
	let next = 0;
	const latencies = [];
	const statuses = {};
	const started = process.hrtime.bigint();
	async function worker() {
		for (;;) {
			const i = next++;
			if (i >= requests.length) return;
			const r = requests[i];
			const t0 = process.hrtime.bigint();
			let status;
			try {
				const res = await fetch(url, { method: 'POST', headers: r.headers, body: r.body });
				await res.arrayBuffer();
				status = res.status;
			} catch (e) {
				status = `error:${e.cause ? e.cause.code || e.cause.message : e.message}`;
			}
			latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
			statuses[status] = (statuses[status] || 0) + 1;
		}
	}
	await Promise.all(Array.from({ length: concurrency }, worker));
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	return { wallMs, latencies, statuses, count: requests.length };
}

module.exports = {
	H,
	REPO,
	RESULTS_DIR,
	BENCH_CACHE,
	log,
	median,
	percentile,
	round,
	machine,
	writeResult,
	printResult,
	startInstance,
	allExecutions,
	waitForFinishedExecutions,
	signDelivery,
	loadLoop,
};
