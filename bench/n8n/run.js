#!/usr/bin/env node
'use strict';
/**
 * Benchmarks that need a REAL n8n (n8n 2.8.4 from the e2e harness cache, this package npm-packed into a
 * throwaway user folder, the Chatwoot simulator as a child process). Writes bench/results/n8n-*.json
 * (merged into docs/BENCHMARKS.md by bench/report.js) and prints every figure.
 *
 *   node bench/n8n/run.js                       # all three (≈ 10–15 min after n8n is installed)
 *   node bench/n8n/run.js --only trigger,market,startup
 *   node bench/n8n/run.js --events 2000 --concurrency 10 --round-size 250 --contacts 1000 --parallel 20 --burst 3500 --starts 3
 *
 * 1. trigger    Chatwoot Trigger vs Webhook + IF: deliveries/s, executions for filtered events.
 * 2. market     @devlikeapro/n8n-nodes-chatwoot vs ours: 1,000 contact creates, 120 ms latency, production limits.
 * 3. startup    n8n start-up time with and without this package (median of N starts).
 * 4. peers      every other Chatwoot package next to this one: what loads, what clashes, and the race (list all,
 *               create/upsert, messages, burst; BENCH_PEER_SCALE / BENCH_PEER_WORKLOADS)
 *               (GitHub peers built outside the repo, passed as tarballs in BENCH_PEERS; see bench/README.md).
 *
 * Not part of `npm test`. First run on a clean machine installs n8n into ~/.cache/n8n-chatwoot-e2e (minutes).
 */
const { log, printResult, writeResult, startInstance, H } = require('./lib');
const { runTriggerBench } = require('./trigger');
const { runMarketBench } = require('./market');
const { runFootprintBench } = require('./startup');
const { runPeersBench } = require('./peers');

function parseArgs(argv) {
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) continue;
		const [k, inline] = a.slice(2).split('=');
		out[k] = inline !== undefined ? inline : argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
	}
	return out;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const only = new Set((args.only || 'trigger,market,startup,peers').split(',').map((s) => s.trim()));
	const events = Number(args.events || 1000);
	const concurrency = Number(args.concurrency || 10);
	const contacts = Number(args.contacts || 1000);
	const starts = Number(args.starts || 3);
	const roundSize = Number(args['round-size'] || 250);
	const burst = Number(args.burst ?? 3500);
	const parallel = Number(args.parallel ?? 20);
	const started = Date.now();
	const results = [];

	if (only.has('trigger') || only.has('market')) {
		const sim = await H.startSimulator({ seed: 'demo' });
		let n8n;
		try {
			log(`simulator ${sim.url}; starting n8n with this package`);
			n8n = await startInstance({ withPackage: true });
			log(`n8n ${n8n.version} at ${n8n.baseUrl} (user folder ${n8n.userFolder})`);
			const cred = await n8n.createCredential('Chatwoot (simulator)', 'chatwootSuiteApi', {
				baseUrl: sim.url,
				accessToken: sim.info.token,
				accountId: sim.info.accountId,
			});
			const ref = { id: cred.id, name: cred.name };
			if (only.has('trigger')) {
				const r = await runTriggerBench({ sim, n8n, cred: ref, events, concurrency, roundSize });
				results.push(r);
				printResult(r);
				writeResult(r);
			}
			if (only.has('market')) {
				const r = await runMarketBench({ sim, n8n, cred: ref, contacts, burst, parallel });
				results.push(r);
				printResult(r);
				writeResult(r);
			}
		} finally {
			if (n8n) await n8n.stop().catch((e) => log(`n8n stop: ${e.message}`));
			await sim.stop().catch(() => undefined);
		}
	}

	if (only.has('peers')) {
		for (const r of await runPeersBench()) {
			results.push(r);
			printResult(r);
			writeResult(r);
		}
	}

	if (only.has('startup')) {
		const r = await runFootprintBench({ starts });
		results.push(r);
		printResult(r);
		writeResult(r);
	}

	log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
