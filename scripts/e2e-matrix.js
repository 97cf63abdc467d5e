#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e:all`: the e2e scenarios (test/e2e) against several n8n versions, Node versions and queue mode.
 *
 *   2.8.4            n8n 2.8.x on Node 20 (the default of `npm test`)
 *   1.123.81         n8n 1.123.x on Node 20
 *   latest           the newest n8n 2.x from the registry on Node 24 (the `node@24` npm package's binary)
 *   2.8.4-queue      n8n 2.8.4 in queue mode: main + worker + webhook processes, Redis (Debian's redis-server)
 *
 * Select entries with E2E_MATRIX=2.8.4,latest (default: all). Each entry installs its n8n once into
 * ~/.cache/n8n-chatwoot-e2e/n8n-<version> (timed: cold = installed now, cached = reused) and runs
 * `jest test/e2e` with E2E_N8N_VERSION / E2E_NODE_BINARY / E2E_QUEUE_MODE set. Results: .e2e/matrix-results.json.
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const h = require('../test/e2e/harness');

const REPO = h.REPO;
const CACHE = process.env.E2E_CACHE_DIR || path.join(require('os').homedir(), '.cache', 'n8n-chatwoot-e2e');

/** The newest versions of n8n <major>.x on the registry, newest first. */
function newestN8n(major, count) {
	const out = execFileSync('npm', ['view', `n8n@${major}`, 'version', '--json'], { encoding: 'utf8' });
	// the registry lists versions in publish order (backports of older lines come late): sort them
	const key = (v) => v.split(/[.-]/).slice(0, 3).map((n) => Number(n) || 0);
	const list = []
		.concat(JSON.parse(out))
		.filter((v) => /^\d+\.\d+\.\d+$/.test(v))
		.sort((a, b) => {
			const [x, y] = [key(a), key(b)];
			return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
		});
	return list.slice(-count).reverse();
}

/** The `node@<major>` npm package, installed into the cache; returns its binary. */
function ensureNode(major) {
	const dir = path.join(CACHE, `node-${major}`);
	const bin = path.join(dir, 'node_modules', 'node', 'bin', 'node');
	if (fs.existsSync(bin)) return bin;
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `node${major}host`, private: true }) + '\n');
	console.log(`[matrix] installing node@${major} (npm package) into ${dir}`);
	execFileSync('npm', ['install', `node@${major}`, '--cache', path.join(CACHE, 'npm-cache'), '--no-audit', '--no-fund', '--ignore-scripts=false'], {
		cwd: dir,
		stdio: 'inherit',
	});
	return bin;
}

function ensureRedis() {
	if (spawnSync('redis-server', ['--version']).status === 0) return;
	console.log('[matrix] installing redis-server (Debian)');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
}

const ENTRIES = {
	'2.8.4': () => ({ version: '2.8.4' }),
	'1.123.81': () => ({ version: '1.123.81' }),
	// E2E_LATEST_VERSION pins it; otherwise the newest 2.x whose dependencies this registry has (a release can reference
	// packages the registry does not carry yet: n8n 2.41.3 needs @n8n/agents@0.26.2 → ETARGET → the next older one)
	latest: () => ({
		version: process.env.E2E_LATEST_VERSION || newestN8n('2', 4),
		nodeBinary: ensureNode(24),
	}),
	'2.8.4-queue': () => {
		ensureRedis();
		return { version: '2.8.4', queue: true };
	},
};

async function main() {
	const wanted = (process.env.E2E_MATRIX || Object.keys(ENTRIES).join(',')).split(',').map((s) => s.trim()).filter(Boolean);
	const results = [];
	for (const name of wanted) {
		if (!ENTRIES[name]) throw new Error(`unknown matrix entry ${name}; known: ${Object.keys(ENTRIES).join(', ')}`);
		const entry = ENTRIES[name]();
		const nodeBinary = entry.nodeBinary || process.execPath;
		const nodeVersion = execFileSync(nodeBinary, ['--version'], { encoding: 'utf8' }).trim();
		// versions that failed with ETARGET before are remembered (the registry lacks one of their dependencies)
		const skipFile = path.join(CACHE, 'not-installable.json');
		const skip = fs.existsSync(skipFile) ? JSON.parse(fs.readFileSync(skipFile, 'utf8')) : {};
		const all = [].concat(entry.version);
		const candidates = all.filter((v) => !skip[v]).length ? all.filter((v) => !skip[v]) : all;
		for (const v of all) if (skip[v]) console.log(`[matrix] skipping n8n ${v}: ${skip[v]} (remembered in ${skipFile})`);
		const t0 = Date.now();
		let install;
		for (const version of candidates) {
			console.log(`\n[matrix] ${name}: n8n ${version} on Node ${nodeVersion}${entry.queue ? ', queue mode' : ''}`);
			try {
				install = await h.ensureN8n(version, { nodeBinary });
				entry.version = version;
				break;
			} catch (e) {
				if (!/ETARGET|notarget/.test(e.message) || version === candidates[candidates.length - 1]) throw e;
				const why = /No matching version[^\n]*/.exec(e.message)?.[0] ?? 'ETARGET';
				console.log(`[matrix] n8n ${version} is not installable from this registry (${why}); trying the next older one`);
				skip[version] = why;
				fs.writeFileSync(skipFile, JSON.stringify(skip, null, 2) + '\n');
				fs.rmSync(path.join(CACHE, `n8n-${version}`), { recursive: true, force: true });
			}
		}
		const installMs = Date.now() - t0;
		const outFile = path.join(REPO, '.e2e', `matrix-${name}.json`);
		fs.mkdirSync(path.dirname(outFile), { recursive: true });
		const env = {
			...process.env,
			E2E_N8N_VERSION: entry.version,
			E2E_NODE_BINARY: nodeBinary,
			...(entry.queue ? { E2E_QUEUE_MODE: '1' } : {}),
		};
		if (!entry.queue) delete env.E2E_QUEUE_MODE;
		const t1 = Date.now();
		const jest = spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'jest', 'bin', 'jest.js'), 'test/e2e', '--json', `--outputFile=${outFile}`], {
			cwd: REPO,
			env,
			stdio: 'inherit',
		});
		const testMs = Date.now() - t1;
		let passed = 0;
		let failed = 0;
		const failures = [];
		try {
			const r = JSON.parse(fs.readFileSync(outFile, 'utf8'));
			passed = r.numPassedTests;
			failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
			for (const s of r.testResults) for (const t of s.assertionResults) if (t.status === 'failed') failures.push(t.fullName);
		} catch {
			failed += 1;
		}
		results.push({
			name,
			n8n: entry.version,
			node: nodeVersion,
			queue: !!entry.queue,
			install: install.installedNow ? 'cold' : 'cached',
			installSeconds: Math.round((install.installedNow ? install.installMs : installMs) / 1000),
			testSeconds: Math.round(testMs / 1000),
			passed,
			failed,
			exitCode: jest.status,
			failures,
		});
	}
	fs.writeFileSync(path.join(REPO, '.e2e', 'matrix-results.json'), JSON.stringify(results, null, 2) + '\n');
	console.log('\n[matrix] results');
	console.log('entry          n8n        node      install          e2e     passed  failed');
	for (const r of results)
		console.log(
			`${r.name.padEnd(14)} ${r.n8n.padEnd(10)} ${r.node.padEnd(9)} ${`${r.install} ${r.installSeconds}s`.padEnd(16)} ${`${r.testSeconds}s`.padEnd(7)} ${String(r.passed).padEnd(7)} ${r.failed}`,
		);
	for (const r of results) for (const f of r.failures) console.log(`  ✕ ${r.name}: ${f}`);
	const failedTotal = results.reduce((a, r) => a + r.failed + (r.exitCode ? 1 : 0), 0);
	console.log(`${results.reduce((a, r) => a + r.passed, 0)} passed, ${results.reduce((a, r) => a + r.failed, 0)} failed`);
	process.exit(failedTotal ? 1 : 0);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
