#!/usr/bin/env node
'use strict';
/**
 * Bulk operations against the PHYSICAL LIMIT of a Chatwoot with a bounded capacity.
 *
 * The simulator models Puma (config/puma.rb: RAILS_MAX_THREADS 5, one process): at most THREADS requests are
 * handled at once, each holding a thread SERVICE_MS, plus LATENCY_MS of network outside the thread; Rack::Attack's
 * production limits are on (fixed clock-minute windows, 3,000/min per IP). The fastest any client can finish R
 * requests is then
 *     limit(R) = max(R / (THREADS / SERVICE_MS), rate-limit floor)   with floor = (ceil(R / 3000) − 1) × 60 s,
 * and each run is reported as limit ÷ measured (1.0 = the server never had an idle thread). R is the number of
 * requests the package itself sent, so a package that sends more requests than needed is not rewarded for it;
 * the request counts are in the table.
 *
 * Per operation: the defaults and parallelism far above the server's capacity (what happens then: requests queue
 * in Puma, nothing fails); for Return All also one page at a time (the same node, parallelism 1).
 */
const { PRODUCTION_LIMITS, startRemoteSimulator, seedAccount, runChatwoot, writeResult, seconds, ratio } = require('./lib');
const { DEFAULT_ITEMS_IN_PARALLEL, DEFAULT_PAGES_IN_PARALLEL } = require('../dist/nodes/shared/execution/parallelism');

const THREADS = 5;
const SERVICE_MS = 50;
const LATENCY_MS = 20;
const CAPACITY_PER_S = (THREADS * 1000) / SERVICE_MS;
const RATE_PER_MIN = PRODUCTION_LIMITS.perIpPerMinute;

const CONTACTS = 3000;
const UPSERTS = 1000;
const MESSAGES = 1000;
const CONVERSATIONS = 100;

function limitSeconds(requests) {
	const byCapacity = requests / CAPACITY_PER_S;
	const byRate = (Math.ceil(requests / RATE_PER_MIN) - 1) * 60;
	return Math.max(byCapacity, byRate);
}

async function prepare(sim) {
	const accountId = await seedAccount(sim);
	await sim.call('setLatency', 0);
	await sim.call('setCapacity', null);
	return accountId;
}

async function conditions(sim) {
	await sim.call('setLatency', LATENCY_MS);
	await sim.call('setCapacity', { threads: THREADS, serviceMs: SERVICE_MS });
	await sim.call('setRateLimits', PRODUCTION_LIMITS);
	await sim.call('resetInflight');
}

async function finish(sim, label, ms, extra) {
	const { logged: requests, rateLimited } = await sim.call('stats');
	const inflight = await sim.call('inflight');
	const limit = limitSeconds(requests);
	const row = {
		operation: label.operation,
		variant: label.variant,
		seconds: seconds(ms),
		requests,
		'max in flight': inflight.max,
		'limit (s)': Math.round(limit * 100) / 100,
		'of limit': ratio(limit, seconds(ms)),
		'429s': rateLimited,
		...extra,
	};
	console.log(
		`${`${label.operation}: ${label.variant}`.padEnd(70)} ${seconds(ms).toFixed(2).padStart(7)} s  ${requests} req  limit ${row['limit (s)']} s → ${row['of limit']}×  in flight ≤ ${inflight.max}  ${rateLimited} × 429  ${JSON.stringify(extra)}`,
	);
	return row;
}

async function listAll(sim, variant, batching) {
	const accountId = await prepare(sim);
	await sim.call('seedContacts', accountId, CONTACTS);
	await conditions(sim);
	const parameters = { resource: 'contact', operation: 'getAll', returnAll: true, ...(batching ? { batching } : {}) };
	const { ms, out } = await runChatwoot(sim, accountId, parameters, [{ json: {} }]);
	const ids = new Set(out.map((o) => o.id));
	return await finish(sim, { operation: `return all ${CONTACTS} contacts`, variant }, ms, {
		errors: out.filter((o) => 'error' in o).length,
		lost: CONTACTS - ids.size,
		duplicated: out.length - ids.size,
	});
}

const upsertParameters = {
	resource: 'contact',
	operation: 'upsert',
	name: '={{ $json.name }}',
	email: '={{ $json.email }}',
	phoneNumber: '={{ $json.phone }}',
	identifier: '={{ $json.id }}',
	additionalFields: { city: '={{ $json.city }}' },
};

async function upsert(sim, variant, batching) {
	const accountId = await prepare(sim);
	await sim.call('seedContacts', accountId, UPSERTS / 2, 'crm-');
	await conditions(sim);
	const items = Array.from({ length: UPSERTS }, (_, i) => ({
		json: { id: `crm-${i}`, name: `Person ${i}`, email: `person${i}@example.com`, phone: `+1415${String(i).padStart(7, '0')}`, city: 'Lisbon' },
	}));
	const { ms, out } = await runChatwoot(sim, accountId, batching ? { ...upsertParameters, batching } : upsertParameters, items);
	const summary = await sim.call('contactSummary', accountId);
	return await finish(sim, { operation: `upsert ${UPSERTS} contacts (half existing)`, variant }, ms, {
		errors: out.filter((o) => 'error' in o).length,
		lost: UPSERTS - (summary.total - summary.duplicateIdentifiers),
		duplicated: summary.duplicateIdentifiers + summary.duplicateEmails + summary.duplicatePhones,
	});
}

async function messages(sim, variant, batching) {
	const accountId = await prepare(sim);
	const inboxId = await sim.call('seedInbox', accountId);
	const conversations = await sim.call('seedConversations', accountId, inboxId, CONVERSATIONS);
	await conditions(sim);
	const prefix = `bench-${variant.length}-`;
	const items = Array.from({ length: MESSAGES }, (_, i) => ({ json: { conversation: conversations[i % CONVERSATIONS], text: `${prefix}${i % CONVERSATIONS}-${i}` } }));
	const parameters = {
		resource: 'message',
		operation: 'create',
		conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' },
		content: '={{ $json.text }}',
		...(batching ? { batching } : {}),
	};
	const { ms, out } = await runChatwoot(sim, accountId, parameters, items);
	const summary = await sim.call('messageSummary', accountId, conversations, prefix);
	return await finish(sim, { operation: `send ${MESSAGES} messages (${CONVERSATIONS} conversations)`, variant }, ms, {
		errors: out.filter((o) => 'error' in o).length,
		lost: MESSAGES - (summary.total - summary.duplicated),
		duplicated: summary.duplicated,
		'out of order': summary.outOfOrder,
	});
}

(async () => {
	const sim = await startRemoteSimulator();
	const rows = [];
	try {
		rows.push(await listAll(sim, `defaults (${DEFAULT_PAGES_IN_PARALLEL} pages in parallel)`));
		rows.push(await listAll(sim, 'one page at a time (pagesInParallel 1)', { pagesInParallel: 1 }));
		rows.push(await listAll(sim, 'above capacity (pagesInParallel 20)', { pagesInParallel: 20 }));
		rows.push(await upsert(sim, `defaults (${DEFAULT_ITEMS_IN_PARALLEL} items in parallel)`));
		rows.push(await upsert(sim, 'above capacity (itemsInParallel 50)', { itemsInParallel: 50 }));
		rows.push(await messages(sim, `defaults (${DEFAULT_ITEMS_IN_PARALLEL} items in parallel)`));
		rows.push(await messages(sim, 'above capacity (itemsInParallel 50)', { itemsInParallel: 50 }));
	} finally {
		await sim.close();
	}
	const defaults = rows.filter((r) => r.variant.startsWith('defaults'));
	const above = rows.filter((r) => r.variant.startsWith('above capacity'));
	const clean = (r) => r['429s'] === 0 && r.errors === 0 && r.lost === 0 && r.duplicated === 0 && !r['out of order'];
	writeResult({
		name: 'limit',
		title: 'Bulk operations against the physical limit of a Chatwoot with bounded capacity',
		setup: `Simulator with Puma's default capacity (${THREADS} threads, one process; config/puma.rb), ${SERVICE_MS} ms of server work per request inside a thread, ${LATENCY_MS} ms network latency outside it, and Chatwoot's production Rack::Attack limits (3,000/min per IP, fixed clock minutes). Physical limit for R requests = max(R / ${CAPACITY_PER_S} per s, (⌈R / 3000⌉ − 1) × 60 s); "of limit" = limit ÷ measured time (1.0 = no thread of the server was ever idle). Built node through n8n-core's ExecuteContext (test harness), continueOnFail on, one execution per row; simulator in its own process. lost/duplicated are counted in the simulator's records; "out of order" = messages of one conversation stored in another order than the input.`,
		rows,
		ratios: rows.map((r) => ({ name: `${r.operation}, ${r.variant}`, value: r['of limit'], unit: '× of the physical limit' })),
		targets: [
			...defaults.map((r) => ({
				name: `${r.operation}: ≥ 0.9× of the limit with defaults, 0 × 429, nothing lost or duplicated`,
				measured: `${r['of limit']}× (${r.seconds} s vs ${r['limit (s)']} s), ${r['429s']} × 429, ${r.errors} errors, ${r.lost} lost, ${r.duplicated} duplicated`,
				met: r['of limit'] >= 0.9 && clean(r),
			})),
			...above.map((r) => ({
				name: `${r.operation}: parallelism above the server's capacity still completes cleanly (requests queue in Puma)`,
				measured: `${r['of limit']}× of the limit, ${r['max in flight']} in flight at the server, ${r['429s']} × 429, ${r.errors} errors`,
				met: clean(r),
			})),
		],
		notes: [
			`Above the server's capacity (${THREADS} threads) extra requests wait in Puma's queue: throughput stays at the capacity, each request just takes longer, and nothing fails; the package does not detect the capacity, so Items/Pages in Parallel beyond ~${THREADS}–${THREADS * 2} only adds load without speed.`,
			'Message create runs different conversations in parallel and each conversation in input order (a per-conversation lock), so messages into a single conversation are sent one at a time by design.',
		],
	});
})().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
