#!/usr/bin/env node
'use strict';
/**
 * Contact Get Many (Return All) over 3,000 contacts = 200 pages of 15, each request taking
 * 120 ms, with Chatwoot's production rate limits on. Ours (default Pages in Parallel) vs the
 * same node reading page after page (Pages in Parallel = 1) vs the floor
 * max(pages × latency / concurrency, pages / rate limit).
 */
const { PRODUCTION_LIMITS, startRemoteSimulator, seedAccount, runChatwoot, writeResult, seconds, ratio } = require('./lib');

const CONTACTS = 3000;
const PAGE_SIZE = 15;
const LATENCY_MS = 120;
const { DEFAULT_PAGES_IN_PARALLEL } = require('../dist/nodes/shared/execution/parallelism');

async function measure(sim, label, batching) {
	const accountId = await seedAccount(sim);
	await sim.call('seedContacts', accountId, CONTACTS);
	await sim.call('setLatency', LATENCY_MS);
	await sim.call('setRateLimits', PRODUCTION_LIMITS);
	const parameters = { resource: 'contact', operation: 'getAll', returnAll: true };
	if (batching) parameters.batching = batching;
	const { ms, out } = await runChatwoot(sim, accountId, parameters, [{ json: {} }]);
	const errors = out.filter((o) => 'error' in o).length;
	const ids = new Set(out.map((o) => o.id));
	const { logged: requests, rateLimited } = await sim.call('stats');
	if (out.length !== CONTACTS || ids.size !== CONTACTS || errors) {
		throw new Error(`${label}: ${out.length} items, ${ids.size} distinct, ${errors} errors`);
	}
	console.log(`${label.padEnd(44)} ${seconds(ms).toFixed(2).padStart(7)} s  ${requests} requests  ${rateLimited} × 429`);
	return { variant: label, seconds: seconds(ms), requests, contacts: out.length, '429s': rateLimited };
}

(async () => {
	const sim = await startRemoteSimulator();
	try {
		const pages = Math.ceil(CONTACTS / PAGE_SIZE);
		const ours = await measure(sim, `ours (defaults: ${DEFAULT_PAGES_IN_PARALLEL} pages in parallel)`);
		const sequential = await measure(sim, 'sequential (same node, pagesInParallel 1)', { pagesInParallel: 1 });
		const five = await measure(sim, 'informative: pagesInParallel 5', { pagesInParallel: 5 });
		const twenty = await measure(sim, 'informative: pagesInParallel 20', { pagesInParallel: 20 });
		const byLatency = (pages * LATENCY_MS) / DEFAULT_PAGES_IN_PARALLEL / 1000;
		const byRate = pages / (PRODUCTION_LIMITS.perIpPerMinute / 60);
		const floor = Math.max(byLatency, byRate);
		const floorRow = { variant: `floor: max(${pages} × ${LATENCY_MS} ms / ${DEFAULT_PAGES_IN_PARALLEL}, ${pages} / 50 per s)`, seconds: floor, requests: pages };
		const speedup = ratio(sequential.seconds, ours.seconds);
		const ofFloor = ratio(ours.seconds, floor);
		console.log(`ours vs sequential: ${speedup}× faster; ours / floor: ${ofFloor}×`);
		writeResult({
			name: 'list-all',
			title: 'List all 3,000 contacts (contact Get Many, Return All)',
			setup: `${CONTACTS} contacts = ${pages} pages of ${PAGE_SIZE}; simulator latency ${LATENCY_MS} ms per request; Chatwoot production limits (3000/min per IP, contact search 100/min, conversations meta 30/min); built node run through n8n-core's ExecuteContext (test harness), one input item; simulator in its own process.`,
			rows: [ours, sequential, floorRow, five, twenty],
			ratios: [
				{ name: 'ours vs sequential', value: speedup, unit: '× faster' },
				{ name: 'ours / floor', value: ofFloor, unit: '×' },
			],
			targets: [
				{ name: '≥ 5× faster than sequential', measured: `${speedup}×`, met: speedup >= 5 },
				{ name: 'within 1.3× of the floor', measured: `${ofFloor}×`, met: ofFloor <= 1.3 },
				{ name: 'no 429 from Chatwoot', measured: `${ours['429s']}`, met: ours['429s'] === 0 },
			],
			notes: [
				`With ${DEFAULT_PAGES_IN_PARALLEL} pages in parallel the first page (needed for the total) is alone, so the best possible speed-up is ${pages} / (1 + ${pages - 1} / ${DEFAULT_PAGES_IN_PARALLEL}) = ${ratio(pages, 1 + Math.ceil((pages - 1) / DEFAULT_PAGES_IN_PARALLEL))}×.`,
				`The floor's rate term assumes requests spread evenly at 3,000/min (50/s); Chatwoot's limit is a budget of 3,000 per minute, and the node's limiter (a sliding 60-second window) lets ${pages} requests go at once, so a run can finish below that term.`,
			],
		});
	} finally {
		await sim.close();
	}
})().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
