#!/usr/bin/env node
'use strict';
/**
 * CRM sync: contact Upsert of 1,000 people, half of whom already exist, each request taking
 * 120 ms, with Chatwoot's production rate limits on. Ours (default Items in Parallel, one
 * contact index for the run) vs the same node one item at a time (Items in Parallel = 1).
 */
const { DEFAULT_ITEMS_IN_PARALLEL } = require('../dist/nodes/shared/execution/parallelism');
const { PRODUCTION_LIMITS, startRemoteSimulator, seedAccount, runChatwoot, writeResult, seconds, ratio } = require('./lib');

const N = 1000;
const LATENCY_MS = 120;
const PREFIX = 'crm-';

const parameters = {
	resource: 'contact',
	operation: 'upsert',
	name: '={{ $json.name }}',
	email: '={{ $json.email }}',
	phoneNumber: '={{ $json.phone }}',
	identifier: '={{ $json.id }}',
	additionalFields: { city: '={{ $json.city }}' },
};

const items = Array.from({ length: N }, (_, i) => ({
	json: { id: `${PREFIX}${i}`, name: `Person ${i}`, email: `person${i}@example.com`, phone: `+1415${String(i).padStart(7, '0')}`, city: 'Lisbon' },
}));

async function measure(sim, label, batching, chunk = N) {
	const accountId = await seedAccount(sim);
	await sim.call('seedContacts', accountId, N / 2, PREFIX);
	await sim.call('setLatency', LATENCY_MS);
	await sim.call('setRateLimits', PRODUCTION_LIMITS);
	let ms = 0;
	const out = [];
	for (let start = 0; start < N; start += chunk) {
		const run = await runChatwoot(sim, accountId, batching ? { ...parameters, batching } : parameters, items.slice(start, start + chunk));
		ms += run.ms;
		out.push(...run.out);
	}
	const errors = out.filter((o) => 'error' in o);
	const created = out.filter((o) => o.upsert_action === 'created').length;
	const updated = out.filter((o) => o.upsert_action === 'updated').length;
	const { logged: requests, rateLimited } = await sim.call('stats');
	const counts = await sim.call('requestCounts');
	const summary = await sim.call('contactSummary', accountId);
	const duplicates = summary.duplicateIdentifiers + summary.duplicateEmails + summary.duplicatePhones;
	const row = {
		variant: label,
		seconds: seconds(ms),
		requests,
		lookups: (counts['POST /api/v1/accounts/:id/contacts/filter'] || 0) + (counts['GET /api/v1/accounts/:id/contacts'] || 0),
		created,
		updated,
		errors: errors.length,
		contacts: summary.total,
		duplicates,
		'429s': rateLimited,
	};
	console.log(`${label.padEnd(58)} ${seconds(ms).toFixed(2).padStart(7)} s  ${requests} req  ${created}/${updated} created/updated  ${errors.length} errors  ${summary.total} contacts  ${duplicates} dup  ${rateLimited} × 429`);
	if (errors.length) console.log('  first error:', errors[0].error);
	return row;
}

(async () => {
	const sim = await startRemoteSimulator();
	try {
		const ours = await measure(sim, `ours (defaults: ${DEFAULT_ITEMS_IN_PARALLEL} items in parallel, contact index)`);
		const one = await measure(sim, 'one at a time (same node, itemsInParallel 1)', { itemsInParallel: 1 });
		const perItem = await measure(sim, 'informative: 20 runs of 50 items (per-item lookups), defaults', undefined, 50);
		const five = await measure(sim, 'informative: itemsInParallel 5', { itemsInParallel: 5 });
		const speedup = ratio(one.seconds, ours.seconds);
		console.log(`ours vs one at a time: ${speedup}× faster; vs per-item lookups: ${ratio(perItem.seconds, ours.seconds)}×`);
		const correct = (r) => r.contacts === N && r.duplicates === 0 && r.created === N / 2 && r.updated === N / 2 && r.errors === 0;
		writeResult({
			name: 'upsert',
			title: 'CRM upsert of 1,000 contacts (half existing)',
			setup: `${N} input items, ${N / 2} of them already in Chatwoot (matching identifier, email, phone); simulator latency ${LATENCY_MS} ms per request; Chatwoot production limits (3000/min per IP); built node through n8n-core's ExecuteContext (test harness), continueOnFail on; simulator in its own process. "lookups" = filter requests + contact list pages.`,
			rows: [ours, one, perItem, five],
			ratios: [
				{ name: 'ours vs one at a time', value: speedup, unit: '× faster' },
				{ name: 'ours vs per-item lookups (≤ 50-item runs)', value: ratio(perItem.seconds, ours.seconds), unit: '× faster' },
			],
			targets: [
				{ name: '≥ 5× faster than one at a time', measured: `${speedup}×`, met: speedup >= 5 },
				{ name: '0 duplicates, 1,000 contacts, 500 created + 500 updated', measured: `${ours.duplicates} duplicates, ${ours.contacts} contacts, ${ours.created} + ${ours.updated}`, met: correct(ours) && correct(one) },
				{ name: 'no 429 left unhandled (429s sent vs errors in output)', measured: `${ours['429s']} sent, ${ours.errors} errors`, met: ours.errors === 0 },
			],
			notes: [
				`Both runs do the same 1,000 writes (500 PUT + 500 POST) after reading the account once; with ${DEFAULT_ITEMS_IN_PARALLEL} items in parallel the write phase can be at most ${DEFAULT_ITEMS_IN_PARALLEL}× faster than one at a time.`,
			],
		});
	} finally {
		await sim.close();
	}
})().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
