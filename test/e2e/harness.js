'use strict';
/**
 * End-to-end harness: a real n8n (installed from npm into a cache folder outside the repo) with this package
 * installed the way a user's install would be (npm pack → ~/.n8n/nodes/node_modules/n8n-nodes-chatwoot),
 * talking to the Chatwoot simulator (test/simulator, started as a child process through its CLI).
 *
 * Plain CommonJS so that both jest (test/e2e/*.e2e.test.ts) and scripts/start-demo.js can use it.
 * Facts it relies on: docs/n8n-host-notes.md.
 *
 * Environment:
 *   E2E_N8N_VERSION   n8n version to test (default 2.8.4)
 *   E2E_NODE_BINARY   node binary that runs n8n (default: the one running this process)
 *   E2E_CACHE_DIR     where n8n installs are cached (default ~/.cache/n8n-chatwoot-e2e)
 *   E2E_KEEP          keep the temporary n8n user folder after stop() (for debugging)
 *   E2E_QUEUE_MODE    run n8n in queue mode (main + worker + webhook processes, Redis on a free port)
 */
const { spawn, execFile } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = 'n8n-nodes-chatwoot-suite';
const DEFAULT_N8N_VERSION = '2.8.4';
const ENCRYPTION_KEY = 'e2e-chatwoot-encryption-key-0123456789';
const OWNER = Object.freeze({
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Chatwoot-Demo-1',
});
const RESERVED_PORTS = new Set([5678, 5679]);

function log(...args) {
	if (process.env.E2E_VERBOSE) console.log('[e2e]', ...args);
}

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/** A free TCP port on 127.0.0.1 (never 5678/5679). */
async function freePort() {
	for (;;) {
		const port = await new Promise((resolve, reject) => {
			const srv = net.createServer();
			srv.unref();
			srv.on('error', reject);
			srv.listen(0, '127.0.0.1', () => {
				const p = srv.address().port;
				srv.close(() => resolve(p));
			});
		});
		if (!RESERVED_PORTS.has(port)) return port;
	}
}

function run(cmd, args, opts = {}) {
	return new Promise((resolve, reject) => {
		execFile(cmd, args, { maxBuffer: 256 * 1024 * 1024, ...opts }, (err, stdout, stderr) => {
			if (err && !opts.allowFail) {
				err.message += `\n--- stdout ---\n${String(stdout).slice(-4000)}\n--- stderr ---\n${String(stderr).slice(-4000)}`;
				return reject(err);
			}
			resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
		});
	});
}

/** Native modules n8n needs to start and run workflows here (SQLite; isolated-vm where n8n's expression runtime uses it). */
const REQUIRED_NATIVES = ['sqlite3', 'isolated-vm'];

function cacheRoot() {
	return process.env.E2E_CACHE_DIR || path.join(os.homedir(), '.cache', 'n8n-chatwoot-e2e');
}

// ---------------------------------------------------------------------------------------------------------------
// n8n install (cached per version outside the repo)
// ---------------------------------------------------------------------------------------------------------------

function n8nDir(version) {
	return path.join(cacheRoot(), `n8n-${version}`);
}

function installedN8nVersion(dir) {
	try {
		const bin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
		if (!fs.existsSync(bin)) return null;
		return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
	} catch {
		return null;
	}
}

async function withLock(lockDir, fn) {
	const deadline = Date.now() + 20 * 60 * 1000;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			// stale lock (older than 20 min) → take it over
			try {
				if (Date.now() - fs.statSync(lockDir).mtimeMs > 20 * 60 * 1000) fs.rmSync(lockDir, { recursive: true, force: true });
			} catch {
				/* raced */
			}
			if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockDir}`);
			await sleep(1000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/**
 * npm overrides for installing n8n here:
 * - xlsx: n8n-nodes-base pins a tarball on cdn.sheetjs.com (unreachable) → the registry build;
 * - isolated-vm: n8n 1.123.x pins @n8n/expression-runtime 0.14.11, which wants isolated-vm ^6.2 (Node >= 22, its
 *   native build fails on Node 20) although n8n 1.123 itself supports Node 20 → isolated-vm 5 (Node >= 18) there.
 */
function installOverrides(version, nodeBinary) {
	const overrides = { xlsx: '0.18.5' };
	const nodeMajor = Number(
		(nodeBinary ? require('child_process').execFileSync(nodeBinary, ['--version'], { encoding: 'utf8' }) : process.version)
			.trim()
			.replace(/^v/, '')
			.split('.')[0],
	);
	if (nodeMajor < 22) overrides['isolated-vm'] = '5.0.4';
	return overrides;
}

/**
 * Make sure n8n@version is installed in the cache; returns {dir, bin, version, installedNow, installMs}.
 * The install uses an override of xlsx to the registry build (n8n-nodes-base pins a tarball on a host we can't reach).
 */
async function ensureN8n(version = process.env.E2E_N8N_VERSION || DEFAULT_N8N_VERSION, { nodeBinary } = {}) {
	const dir = n8nDir(version);
	const resolvedBin = () => path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (installedN8nVersion(dir) === version) return { dir, bin: resolvedBin(), version, installedNow: false, installMs: 0 };
	fs.mkdirSync(cacheRoot(), { recursive: true });
	return withLock(`${dir}.lock`, async () => {
		if (installedN8nVersion(dir) === version) return { dir, bin: resolvedBin(), version, installedNow: false, installMs: 0 };
		const started = Date.now();
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({ name: 'n8nhost', private: true, overrides: installOverrides(version, nodeBinary) }, null, 2) + '\n',
		);
		const npmCache = path.join(cacheRoot(), 'npm-cache');
		console.log(`[e2e] installing n8n@${version} into ${dir} (takes ~4–6 min on 2 cores; cached afterwards)`);
		const env = { ...process.env };
		delete env.npm_config_ignore_scripts;
		if (nodeBinary) env.PATH = `${path.dirname(nodeBinary)}${path.delimiter}${env.PATH}`;
		// Install scripts stay off: several of n8n's optional natives download prebuilt binaries from hosts we can't
		// reach and then fail to compile (e.g. @confluentinc/kafka-javascript in n8n 2.4x). Only the natives n8n needs
		// to boot and run these tests are built afterwards, from source, with the node that will run n8n.
		const res = await run(
			'npm',
			['install', `n8n@${version}`, '--cache', npmCache, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
			{ cwd: dir, env, allowFail: true },
		);
		let logText = `$ npm install n8n@${version} --ignore-scripts\n${res.stdout}\n${res.stderr}\nrc=${res.code}\n`;
		let rebuild = { code: 0, stdout: '', stderr: '' };
		if (res.code === 0) {
			const natives = REQUIRED_NATIVES.filter((n) => fs.existsSync(path.join(dir, 'node_modules', n, 'package.json')));
			rebuild = await run('npm', ['rebuild', ...natives, '--ignore-scripts=false', '--foreground-scripts', '--loglevel=error'], {
				cwd: dir,
				env,
				allowFail: true,
			});
			logText += `\n$ npm rebuild ${natives.join(' ')}\n${rebuild.stdout}\n${rebuild.stderr}\nrc=${rebuild.code}\n`;
		}
		fs.writeFileSync(path.join(dir, 'install.log'), logText);
		if (res.code !== 0 || rebuild.code !== 0 || installedN8nVersion(dir) !== version) {
			const failed = res.code !== 0 ? res : rebuild;
			throw new Error(`npm install n8n@${version} failed (rc=${failed.code}); see ${path.join(dir, 'install.log')}\n${failed.stderr.slice(-3000)}`);
		}
		const installMs = Date.now() - started;
		fs.writeFileSync(path.join(dir, 'install-time.json'), JSON.stringify({ version, installMs, at: new Date().toISOString() }) + '\n');
		console.log(`[e2e] n8n@${version} installed in ${(installMs / 1000).toFixed(0)} s`);
		return { dir, bin: resolvedBin(), version, installedNow: true, installMs };
	});
}

// ---------------------------------------------------------------------------------------------------------------
// The package: build in a staging copy (so a concurrent `npm run build` in the repo can't interfere), npm pack
// ---------------------------------------------------------------------------------------------------------------

const STAGE_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'gulpfile.js', 'index.js', 'README.md', 'LICENSE'];
const STAGE_DIRS = ['nodes', 'credentials', 'icons'];

function hashTree(paths) {
	const h = crypto.createHash('sha256');
	const walk = (p) => {
		const st = fs.statSync(p);
		if (st.isDirectory()) {
			for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
		} else {
			h.update(path.relative(REPO, p));
			h.update(fs.readFileSync(p));
		}
	};
	for (const p of paths) if (fs.existsSync(p)) walk(p);
	return h.digest('hex').slice(0, 16);
}

/**
 * Build the package with its own `npm run build` in a staging copy and `npm pack` it.
 * Returns the path of the .tgz (cached by a hash of the sources under <repo>/.e2e/pack/).
 */
async function packPackage() {
	if (process.env.E2E_PACKAGE_TGZ) return process.env.E2E_PACKAGE_TGZ;
	const ref = process.env.E2E_PACK_FROM;
	const hash = ref
		? (await run('git', ['rev-parse', `${ref}^{tree}`], { cwd: REPO })).stdout.trim().slice(0, 16)
		: hashTree([...STAGE_FILES, ...STAGE_DIRS].map((p) => path.join(REPO, p)));
	const packDir = path.join(REPO, '.e2e', 'pack');
	fs.mkdirSync(packDir, { recursive: true });
	const tgz = path.join(packDir, `${PACKAGE_NAME}-${hash}.tgz`);
	if (fs.existsSync(tgz)) return tgz;
	return withLock(path.join(packDir, 'lock'), async () => {
		if (fs.existsSync(tgz)) return tgz;
		const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'chatwoot-pack-'));
		try {
			if (ref) {
				// a committed tree (E2E_PACK_FROM=HEAD): unaffected by work in progress in the working tree
				const present = (await run('git', ['ls-tree', '--name-only', ref], { cwd: REPO })).stdout.split('\n');
				const want = [...STAGE_FILES, ...STAGE_DIRS].filter((f) => present.includes(f));
				await run('bash', ['-c', `git archive ${ref} ${want.join(' ')} | tar -x -C "${stage}"`], { cwd: REPO });
			} else {
				for (const f of STAGE_FILES) if (fs.existsSync(path.join(REPO, f))) fs.copyFileSync(path.join(REPO, f), path.join(stage, f));
				for (const d of STAGE_DIRS) fs.cpSync(path.join(REPO, d), path.join(stage, d), { recursive: true });
			}
			fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
			await run('npm', ['run', 'build', '--silent'], { cwd: stage });
			const packed = await run('npm', ['pack', '--json', '--pack-destination', stage], { cwd: stage });
			const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
			const tmp = `${tgz}.${process.pid}.tmp`;
			fs.copyFileSync(path.join(stage, info[0].filename), tmp);
			fs.renameSync(tmp, tgz);
			// keep only the newest few tarballs
			const old = fs
				.readdirSync(packDir)
				.filter((f) => f.endsWith('.tgz'))
				.map((f) => ({ f, t: fs.statSync(path.join(packDir, f)).mtimeMs }))
				.sort((a, b) => b.t - a.t)
				.slice(5);
			for (const o of old) fs.rmSync(path.join(packDir, o.f), { force: true });
			return tgz;
		} finally {
			fs.rmSync(stage, { recursive: true, force: true });
		}
	});
}

/**
 * Another community package (e.g. `@devlikeapro/n8n-nodes-chatwoot@1.0.2`) with its runtime dependencies, installed once
 * from the registry into <cache>/peers/<spec>/ (install scripts off). Returns that folder's node_modules.
 */
async function ensurePeerPackage(spec) {
	const dir = path.join(cacheRoot(), 'peers', spec.replace(/[^a-zA-Z0-9.@-]+/g, '_'));
	const marker = path.join(dir, 'installed.json');
	if (fs.existsSync(marker)) return path.join(dir, 'node_modules');
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	return withLock(`${dir}.lock`, async () => {
		if (fs.existsSync(marker)) return path.join(dir, 'node_modules');
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'peer-host', private: true }) + '\n');
		await run('npm', ['install', spec, '--cache', path.join(cacheRoot(), 'npm-cache'), '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
		fs.writeFileSync(marker, JSON.stringify({ spec, at: new Date().toISOString() }) + '\n');
		return path.join(dir, 'node_modules');
	});
}

/**
 * Copy other community packages (and their dependencies) next to ours in <userFolder>/.n8n/nodes/node_modules, as
 * if the user had installed them too; each is added to the folder's package.json like n8n's own installs.
 */
async function installPeerPackagesInto(userFolder, specs) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const manifestFile = path.join(nodesDir, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
	for (const spec of specs) {
		const from = await ensurePeerPackage(spec);
		for (const entry of fs.readdirSync(from)) {
			if (entry.startsWith('.')) continue;
			const scoped = entry.startsWith('@') ? fs.readdirSync(path.join(from, entry)).map((e) => path.join(entry, e)) : [entry];
			for (const name of scoped) {
				const target = path.join(nodesDir, 'node_modules', name);
				if (!fs.existsSync(target)) fs.cpSync(path.join(from, name), target, { recursive: true });
			}
		}
		const name = spec.replace(/@[^@/]+$/, '');
		manifest.dependencies[name] = JSON.parse(fs.readFileSync(path.join(from, name, 'package.json'), 'utf8')).version;
	}
	fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
}

/** Extract the tarball into <userFolder>/.n8n/nodes/node_modules/n8n-nodes-chatwoot-suite (as a user's install would). */
async function installPackageInto(userFolder, tgz) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	await run('tar', ['-xzf', tgz, '-C', target, '--strip-components=1']);
	const version = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8')).version;
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: version } }, null, 2) + '\n',
	);
	return target;
}

// ---------------------------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------------------------

/** Processes started by this module that are still running; killed (by their own process group) if we exit early. */
const live = new Set();
process.on('exit', () => {
	for (const p of live) {
		try {
			process.kill(-p.child.pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}
});

class Proc {
	constructor(name, cmd, args, opts, logFile) {
		this.name = name;
		this.logFile = logFile;
		this.out = fs.openSync(logFile, 'a');
		this.child = spawn(cmd, args, { ...opts, stdio: ['ignore', this.out, this.out], detached: true });
		live.add(this);
		this.exited = new Promise((resolve) => {
			this.child.on('exit', (code, signal) => {
				live.delete(this);
				this.exitCode = code;
				this.exitSignal = signal;
				resolve({ code, signal });
			});
			this.child.on('error', (e) => {
				live.delete(this);
				this.spawnError = e;
				resolve({ code: null, signal: null, error: e });
			});
		});
	}

	get pid() {
		return this.child.pid;
	}

	get running() {
		return this.exitCode === undefined && this.exitSignal === undefined && !this.spawnError;
	}

	log() {
		try {
			return fs.readFileSync(this.logFile, 'utf8');
		} catch {
			return '';
		}
	}

	async stop(timeoutMs = 15000) {
		if (this.running && this.child.pid) {
			try {
				process.kill(this.child.pid, 'SIGTERM');
			} catch {
				/* gone */
			}
			let timer;
			const t = await Promise.race([this.exited, new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)))]);
			clearTimeout(timer);
			if (t === 'timeout') {
				// its own process group (detached) — the task runner child goes with it
				try {
					process.kill(-this.child.pid, 'SIGKILL');
				} catch {
					/* gone */
				}
				await this.exited;
			}
		}
		// the JS task runner is a child of n8n in the same process group; make sure nothing of ours is left
		try {
			process.kill(-this.child.pid, 'SIGTERM');
		} catch {
			/* none left */
		}
		try {
			fs.closeSync(this.out);
		} catch {
			/* closed */
		}
	}
}

async function waitFor(what, fn, { timeoutMs = 60000, intervalMs = 200, proc } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	for (;;) {
		try {
			const v = await fn();
			if (v) return v;
		} catch (e) {
			last = e;
		}
		if (proc && !proc.running)
			throw new Error(`${proc.name} exited (${proc.exitCode ?? proc.exitSignal}) while waiting for ${what}:\n${proc.log().slice(-4000)}`);
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}${proc ? `\n${proc.log().slice(-4000)}` : ''}`);
		await sleep(intervalMs);
	}
}

async function httpJson(method, url, { body, headers = {}, cookie } = {}) {
	const h = { accept: 'application/json', ...headers };
	if (body !== undefined) h['content-type'] = 'application/json';
	if (cookie) h.cookie = cookie;
	const res = await fetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	let json;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, json, text, headers: res.headers };
}

function expectOk(r, what) {
	if (r.status < 200 || r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${r.text.slice(0, 2000)}`);
	return r.json;
}

// ---------------------------------------------------------------------------------------------------------------
// Simulator (child process via its CLI)
// ---------------------------------------------------------------------------------------------------------------

class SimulatorProcess {
	constructor(proc, url, info, dir, ownsDir) {
		this.proc = proc;
		this.url = url;
		this.info = info;
		this.dir = dir;
		this.ownsDir = ownsDir;
	}

	/** Call the control API: method, path under /__sim (e.g. '/state'), optional JSON body. */
	async control(method, p, body) {
		const r = await httpJson(method, `${this.url}/__sim${p}`, { body });
		return expectOk(r, `simulator ${method} /__sim${p}`);
	}

	state() {
		return this.control('GET', '/state');
	}

	/**
	 * Poll the simulator's state until `predicate(state)` returns a truthy value (returned). n8n >= 2.4x activates and
	 * deactivates triggers asynchronously after the public API answered, so registrations are awaited, not assumed.
	 */
	waitForState(what, predicate, { timeoutMs = 30000 } = {}) {
		return waitFor(what, async () => predicate(await this.state()), { timeoutMs, intervalMs: 100, proc: this.proc });
	}

	/** Bulk-seed contacts / conversations / messages; returns the ids (display ids for conversations). */
	seedMany(kind, body) {
		return this.control('POST', `/seed/many/${kind}`, body);
	}

	seed(kind, body) {
		return this.control('POST', `/seed/${kind}`, body);
	}

	/** A customer writes into an inbox (creates contact/conversation as needed) → webhooks fire. */
	customerMessage(body) {
		return this.control('POST', '/customer-message', body);
	}

	deliveries() {
		return this.control('GET', '/deliveries');
	}

	/** Wait until every queued webhook delivery has been answered. */
	flush() {
		return this.control('POST', '/flush');
	}

	requests() {
		return this.control('GET', '/requests');
	}

	async stop() {
		await this.proc.stop(5000);
		if (this.ownsDir) fs.rmSync(this.dir, { recursive: true, force: true });
	}
}

/**
 * Start the simulator CLI on a free port (or `port`). `seed` is passed as `--seed` (e.g. 'demo').
 * Resolves once its control API answers.
 */
async function startSimulator({ port, seed = 'demo', workDir, extraArgs = [], nodeBinary = process.execPath } = {}) {
	port = port || (await freePort());
	const dir = workDir || fs.mkdtempSync(path.join(os.tmpdir(), 'chatwoot-sim-'));
	const cli = path.join(REPO, 'test', 'simulator', 'cli.js');
	const args = [cli, '--port', String(port), '--host', '127.0.0.1', ...(seed ? ['--seed', seed] : []), ...extraArgs];
	const proc = new Proc('simulator', nodeBinary, args, { cwd: REPO, env: { ...process.env } }, path.join(dir, 'simulator.log'));
	// the CLI prints one JSON line once it listens: {url, accountId, token, apiInboxId, inbox_identifier, …}
	const info = await waitFor(
		'the simulator to listen',
		async () => {
			const line = proc.log().split('\n').find((l) => l.startsWith('{'));
			return line ? JSON.parse(line) : undefined;
		},
		{ timeoutMs: 20000, intervalMs: 50, proc },
	);
	const url = info.url || `http://127.0.0.1:${port}`;
	await waitFor('the simulator control API', async () => (await httpJson('GET', `${url}/__sim/health`)).status === 200, { timeoutMs: 10000, proc });
	return new SimulatorProcess(proc, url, info, dir, !workDir);
}

// ---------------------------------------------------------------------------------------------------------------
// n8n instance
// ---------------------------------------------------------------------------------------------------------------

class N8nInstance {
	constructor(opts) {
		Object.assign(this, opts);
		this.procs = [];
		this.activeWorkflowIds = new Set();
		this.apiKey = undefined;
		this.cookie = undefined;
	}

	get n8nFolder() {
		return path.join(this.userFolder, '.n8n');
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Base of production webhook URLs (trailing slash), as handed to the trigger's create(). */
	/** Whether the simulator state still points any webhook or API-inbox callback at this n8n. */
	registeredIn(state) {
		const base = this.webhookBase;
		return (
			state.webhooks.some((w) => String(w.url).startsWith(base)) ||
			state.inboxes.some((i) => String(i.webhook_url || '').startsWith(base)) ||
			(state.agentBots || []).some((b) => String(b.outgoing_url || '').startsWith(base))
		);
	}

	get webhookBase() {
		return `http://127.0.0.1:${this.webhookPort || this.port}/`;
	}

	env(extra = {}) {
		const env = {
			...process.env,
			PATH: `${path.dirname(this.nodeBinary)}${path.delimiter}${process.env.PATH}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: this.webhookBase,
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			DB_TYPE: 'sqlite',
			N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL || 'info',
			N8N_LOG_OUTPUT: 'console',
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			NODE_ENV: 'production',
			...this.extraEnv,
			...extra,
		};
		// never leak the test runner's own NODE_OPTIONS/jest hooks into n8n
		delete env.NODE_OPTIONS;
		delete env.JEST_WORKER_ID;
		return env;
	}

	/** Run an n8n CLI command (its own task-broker port, so it never collides with the server). */
	async cli(args, { allowFail = false, timeoutMs = 120000 } = {}) {
		const brokerPort = await freePort();
		const res = await run(this.nodeBinary, [this.bin, ...args], {
			cwd: this.userFolder,
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort) }),
			allowFail: true,
			timeout: timeoutMs,
		});
		fs.appendFileSync(path.join(this.logDir, 'cli.log'), `\n$ n8n ${args.join(' ')}\n${res.stdout}\n${res.stderr}\nrc=${res.code}\n`);
		if (res.code !== 0 && !allowFail) throw new Error(`n8n ${args.join(' ')} failed (rc=${res.code}):\n${(res.stdout + res.stderr).slice(-4000)}`);
		return res;
	}

	/** `n8n export:nodes` → the list of node type names n8n knows. */
	async exportNodeTypes() {
		const out = path.join(this.logDir, `nodes-${Date.now()}.json`);
		await this.cli(['export:nodes', `--output=${out}`]);
		const list = JSON.parse(fs.readFileSync(out, 'utf8'));
		fs.rmSync(out, { force: true });
		return list;
	}

	async start() {
		const queue = !!this.queue;
		if (queue) {
			this.extraEnv = {
				...this.extraEnv,
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(this.queue.redisPort),
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			};
		}
		const main = new Proc('n8n', this.nodeBinary, [this.bin, 'start'], { cwd: this.userFolder, env: this.env() }, path.join(this.logDir, 'n8n.log'));
		this.procs.push(main);
		this.main = main;
		// /healthz/readiness can answer before the REST controllers are registered; the log line comes after them
		await waitFor(
			'n8n to be ready ("Editor is now accessible")',
			async () =>
				/Editor is now accessible via/.test(main.log()) &&
				(await httpJson('GET', `${this.baseUrl}/healthz/readiness`)).status === 200,
			{ timeoutMs: 120000, proc: main },
		);
		if (queue) {
			const workerBroker = await freePort();
			const healthPort = await freePort();
			const worker = new Proc(
				'n8n worker',
				this.nodeBinary,
				[this.bin, 'worker', '--concurrency=2'],
				{
					cwd: this.userFolder,
					env: this.env({
						N8N_RUNNERS_BROKER_PORT: String(workerBroker),
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					}),
				},
				path.join(this.logDir, 'worker.log'),
			);
			this.procs.push(worker);
			const webhookBroker = await freePort();
			const webhook = new Proc(
				'n8n webhook',
				this.nodeBinary,
				[this.bin, 'webhook'],
				{ cwd: this.userFolder, env: this.env({ N8N_PORT: String(this.webhookPort), N8N_RUNNERS_BROKER_PORT: String(webhookBroker) }) },
				path.join(this.logDir, 'webhook.log'),
			);
			this.procs.push(webhook);
			await waitFor('n8n worker health', async () => (await httpJson('GET', `http://127.0.0.1:${healthPort}/healthz`)).status === 200, {
				timeoutMs: 120000,
				proc: worker,
			});
			await waitFor('n8n webhook process', async () => (await httpJson('GET', `http://127.0.0.1:${this.webhookPort}/healthz`)).status === 200, {
				timeoutMs: 120000,
				proc: webhook,
			});
		}
		return this;
	}

	/** Create the owner (only possible once) and keep its auth cookie. */
	async setupOwner(owner = OWNER) {
		const r = await httpJson('POST', `${this.baseUrl}/rest/owner/setup`, { body: owner });
		expectOk(r, 'POST /rest/owner/setup');
		const setCookie = r.headers.getSetCookie ? r.headers.getSetCookie() : [r.headers.get('set-cookie')];
		const auth = setCookie.map((c) => String(c).split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error('owner setup returned no n8n-auth cookie');
		this.cookie = auth;
		this.owner = owner;
		return r.json;
	}

	/** Create a public-API key with every scope the instance offers. */
	async createApiKey() {
		const scopesRes = await httpJson('GET', `${this.baseUrl}/rest/api-keys/scopes`, { cookie: this.cookie });
		const scopes = scopesRes.status === 200 ? scopesRes.json.data : undefined;
		const body = { label: `e2e-${Date.now()}`, expiresAt: null, ...(scopes ? { scopes } : {}) };
		const r = await httpJson('POST', `${this.baseUrl}/rest/api-keys`, { cookie: this.cookie, body });
		const data = expectOk(r, 'POST /rest/api-keys').data;
		this.apiKey = data.rawApiKey || data.apiKey;
		if (!this.apiKey) throw new Error(`no api key in ${r.text}`);
		return this.apiKey;
	}

	async api(method, p, body) {
		const r = await httpJson(method, `${this.baseUrl}/api/v1${p}`, { body, headers: { 'X-N8N-API-KEY': this.apiKey } });
		return expectOk(r, `${method} /api/v1${p}`);
	}

	async apiRaw(method, p, body) {
		return httpJson(method, `${this.baseUrl}/api/v1${p}`, { body, headers: { 'X-N8N-API-KEY': this.apiKey } });
	}

	/** Create a credential through the public API. */
	async createCredential(name, type, data) {
		const r = await this.apiRaw('POST', '/credentials', { name, type, data: { allowedHttpRequestDomains: 'all', ...data } });
		if (r.status === 400 && /allowedHttpRequestDomains|allowedDomains/.test(r.text) && /not allowed|additional/i.test(r.text)) {
			// n8n versions without the domain allow-list (1.x) reject the extra key
			return this.api('POST', '/credentials', { name, type, data });
		}
		return expectOk(r, `POST /api/v1/credentials (${type})`);
	}

	/**
	 * Create a credential the way the editor does (`POST /rest/credentials`, owner cookie). The public API validates the
	 * data against the field types and refuses an expression in a number field; the editor stores it as typed.
	 */
	async createCredentialInEditor(name, type, data) {
		const r = await httpJson('POST', `${this.baseUrl}/rest/credentials`, { cookie: this.cookie, body: { name, type, data } });
		const body = expectOk(r, `POST /rest/credentials (${type})`);
		return body.data || body;
	}

	/**
	 * Create a workflow through the public API. `credentials` maps credential type → {id, name}; every node's
	 * credential reference of that type is pointed at it (example files carry placeholder ids). A key equal to a
	 * placeholder id wins over the type, for a workflow that uses two credentials of one type.
	 */
	async createWorkflow(wf, credentials = {}) {
		const nodes = (wf.nodes || []).map((n) => {
			const node = { ...n };
			if (node.credentials) {
				node.credentials = Object.fromEntries(
					Object.entries(node.credentials).map(([type, ref]) => {
						const target = (ref && credentials[ref.id]) || credentials[type];
						return [type, target ? { id: target.id, name: target.name } : ref];
					}),
				);
			}
			return node;
		});
		const settings = { executionOrder: 'v1', saveManualExecutions: true, saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all', ...(wf.settings || {}) };
		const created = await this.api('POST', '/workflows', { name: wf.name, nodes, connections: wf.connections || {}, settings });
		return created;
	}

	/**
	 * Activate (publish) a workflow and wait until n8n has registered its triggers. n8n >= 2.4x publishes through an
	 * outbox after the public API answered (`active: true` at once, webhooks registered later, a trigger's failure only
	 * in the publication status); older versions do it inside the request and answer 400 on a failure. Either way a
	 * failed activation throws here, with n8n's message.
	 */
	async activate(id) {
		const r = await this.api('POST', `/workflows/${id}/activate`);
		this.activeWorkflowIds.add(id);
		const publication = await this.waitForPublication(id);
		if (publication && ['failed', 'partial'].includes(publication.status)) {
			const messages = publication.triggers.filter((t) => t.status === 'failed').map((t) => t.errorMessage);
			throw new Error(`n8n could not activate workflow ${id} (${publication.status}): ${messages.join('; ')}`);
		}
		return r;
	}

	async deactivate(id) {
		const r = await this.api('POST', `/workflows/${id}/deactivate`);
		this.activeWorkflowIds.delete(id);
		await this.waitForPublication(id);
		return r;
	}

	/**
	 * n8n >= 2.4x: `{ status: 'in_progress' | 'published' | 'partial' | 'failed' | 'not_published', triggers: [{ status,
	 * errorMessage }] }` from the editor's `GET /rest/workflows/:id/publication-status`; null on versions that activate
	 * synchronously (no such route — 404 — or the publication service switched off).
	 */
	async publicationStatus(id) {
		const r = await httpJson('GET', `${this.baseUrl}/rest/workflows/${id}/publication-status`, { cookie: this.cookie });
		const status = r.status === 200 && r.json && (r.json.data || r.json);
		return status && typeof status.status === 'string' ? status : null;
	}

	/** Wait until no publication of the workflow is in flight (n8n polls its outbox every 15 s); null where synchronous. */
	async waitForPublication(id, { timeoutMs = 60000 } = {}) {
		const settled = await waitFor(
			`n8n to finish publishing workflow ${id}`,
			async () => {
				const status = await this.publicationStatus(id);
				if (status === null) return { synchronous: true };
				return status.status === 'in_progress' ? undefined : status;
			},
			{ timeoutMs, proc: this.main },
		);
		return settled.synchronous ? null : settled;
	}

	/** Executions of a workflow (newest first), with data. */
	async executions(workflowId, { includeData = true, limit = 100 } = {}) {
		const qs = new URLSearchParams({ includeData: String(includeData), limit: String(limit) });
		if (workflowId) qs.set('workflowId', workflowId);
		const r = await this.api('GET', `/executions?${qs}`);
		return r.data;
	}

	/** Wait until the workflow has at least `count` finished executions; returns them (newest first). */
	async waitForExecutions(workflowId, count, { timeoutMs = 30000 } = {}) {
		return waitFor(
			`${count} finished execution(s) of workflow ${workflowId}`,
			async () => {
				const list = await this.executions(workflowId);
				const finished = list.filter((e) => e.finished || (e.status && !['new', 'running', 'waiting'].includes(e.status)));
				return finished.length >= count && finished.length === list.length ? list : undefined;
			},
			{ timeoutMs, intervalMs: 250, proc: this.main },
		);
	}

	/**
	 * `n8n execute --id=… --rawOutput` (manual-trigger workflows). Returns {ok, code, result, output}: `result` is the
	 * run data JSON printed on success (log lines before it are stripped).
	 */
	async execute(workflowId) {
		const res = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], { allowFail: true });
		const output = res.stdout + res.stderr;
		let result;
		if (res.code === 0) {
			const lines = res.stdout.split('\n');
			const start = lines.findIndex((l) => l.startsWith('{'));
			if (start < 0) throw new Error(`n8n execute printed no JSON:\n${output.slice(-4000)}`);
			result = JSON.parse(lines.slice(start).join('\n'));
		}
		return { ok: res.code === 0, code: res.code, result, output };
	}

	/** Output items (json) of a node in a run-data object (from `execute` or from an execution's data). */
	static nodeOutput(runDataHolder, nodeName, { run = 0, output = 0 } = {}) {
		const resultData = runDataHolder.data ? runDataHolder.data.resultData : runDataHolder.resultData;
		const runs = resultData.runData[nodeName];
		if (!runs) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(resultData.runData).join(', ')}`);
		const main = runs[run].data && runs[run].data.main;
		return ((main && main[output]) || []).map((i) => i.json);
	}

	allLogs() {
		let text = '';
		for (const f of fs.readdirSync(this.logDir)) {
			const p = path.join(this.logDir, f);
			if (fs.statSync(p).isFile()) text += fs.readFileSync(p, 'utf8');
		}
		return text;
	}

	/** Every file under the n8n user folder (database, WAL, config, logs) that contains `needle` as bytes. */
	filesContaining(needle) {
		const hits = [];
		const buf = Buffer.from(needle);
		const walk = (dir) => {
			for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
				const p = path.join(dir, e.name);
				if (e.isDirectory()) walk(p);
				else if (e.isFile() && fs.readFileSync(p).includes(buf)) hits.push(p);
			}
		};
		walk(this.userFolder);
		if (this.logDir && !this.logDir.startsWith(this.userFolder)) walk(this.logDir);
		return hits;
	}

	/**
	 * Stop everything this instance started. Active workflows are deactivated first (SIGTERM does not call a trigger's
	 * delete()); `afterDeactivate` (e.g. waiting until the simulator shows the webhooks removed — newer n8n versions
	 * deactivate asynchronously) runs before the processes get SIGTERM.
	 */
	async stop({ afterDeactivate } = {}) {
		for (const id of [...this.activeWorkflowIds]) {
			try {
				await this.deactivate(id);
			} catch (e) {
				log(`deactivate ${id} failed: ${e.message}`);
			}
		}
		if (afterDeactivate) {
			try {
				await afterDeactivate();
			} catch (e) {
				log(`afterDeactivate: ${e.message}`);
			}
		}
		for (const p of [...this.procs].reverse()) await p.stop();
		this.procs = [];
		if (this.redis) await this.redis.stop(5000);
		if (!process.env.E2E_KEEP && this.ownsUserFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/**
 * Install (if needed) n8n, pack + install the package into a fresh user folder, start n8n, create the owner and an
 * API key. Options: version, nodeBinary, userFolder (default: a temp dir), port, queue (boolean).
 */
async function startN8n(opts = {}) {
	const version = opts.version || process.env.E2E_N8N_VERSION || DEFAULT_N8N_VERSION;
	const nodeBinary = opts.nodeBinary || process.env.E2E_NODE_BINARY || process.execPath;
	const install = await ensureN8n(version, { nodeBinary });
	const tgz = await packPackage();
	const ownsUserFolder = !opts.userFolder;
	const userFolder = opts.userFolder || fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-chatwoot-e2e-'));
	fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
	const logDir = opts.logDir || path.join(userFolder, 'logs');
	fs.mkdirSync(logDir, { recursive: true });
	await installPackageInto(userFolder, tgz);
	if (opts.peerPackages?.length) await installPeerPackagesInto(userFolder, opts.peerPackages);
	const port = opts.port || (await freePort());
	const brokerPort = await freePort();
	const queueMode = opts.queue ?? !!process.env.E2E_QUEUE_MODE;
	let redis;
	let queue;
	let webhookPort;
	if (queueMode) {
		const redisPort = await freePort();
		redis = new Proc('redis', 'redis-server', ['--bind', '127.0.0.1', '--port', String(redisPort), '--save', '', '--appendonly', 'no'], {}, path.join(logDir, 'redis.log'));
		await waitFor('redis', () => new Promise((resolve) => {
			const s = net.connect(redisPort, '127.0.0.1', () => { s.end(); resolve(true); });
			s.on('error', () => resolve(false));
		}), { timeoutMs: 15000, proc: redis });
		queue = { redisPort };
		webhookPort = await freePort();
	}
	const n8n = new N8nInstance({
		version: install.version,
		bin: install.bin,
		install,
		nodeBinary,
		userFolder,
		ownsUserFolder,
		logDir,
		port,
		brokerPort,
		queue,
		redis,
		webhookPort,
		extraEnv: opts.env || {},
		packageTgz: tgz,
	});
	try {
		await n8n.start();
		if (opts.owner !== false) {
			await n8n.setupOwner(opts.owner || OWNER);
			await n8n.createApiKey();
		}
	} catch (e) {
		await n8n.stop().catch(() => undefined);
		throw e;
	}
	return n8n;
}

/** Parse `{{ ... }}`-free JSON workflow files from examples/. */
function loadExample(name) {
	return JSON.parse(fs.readFileSync(path.join(REPO, 'examples', name), 'utf8'));
}

module.exports = {
	REPO,
	PACKAGE_NAME,
	DEFAULT_N8N_VERSION,
	ENCRYPTION_KEY,
	OWNER,
	freePort,
	ensureN8n,
	packPackage,
	installPackageInto,
	ensurePeerPackage,
	startSimulator,
	startN8n,
	N8nInstance,
	SimulatorProcess,
	waitFor,
	httpJson,
	loadExample,
	sleep,
};
