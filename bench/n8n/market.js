'use strict';
/**
 * Benchmark 2 — @devlikeapro/n8n-nodes-chatwoot (the most-installed Chatwoot community node) vs ours.
 *
 * Same n8n, same simulator with a bounded capacity (Puma's 5 threads × 50 ms per request, 20 ms latency) and Chatwoot's production Rack::Attack limits
 * (3000 req/min/IP, 100 contact searches/min/account, 30 conversation-meta/min; API-NOTES §0).
 * Workflow per node: Manual Trigger → Code (N items) → contact create (name + email, in the API inbox), run with
 * `n8n execute`. Counted afterwards in the simulator: contacts created, requests, 429s; in n8n: errors.
 *
 * Ours runs first (credential type `chatwootSuiteApi`; the other package declares `chatwootApi`, so both can be
 * installed side by side: before 0.1 ours clashed with it), then the other package is installed through n8n's own community-package endpoint
 * (POST /rest/community-packages = `npm pack` + `npm install` in ~/.n8n/nodes, as the UI does), then it runs,
 * then ours runs once more on a few items to prove both packages work side by side.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const { H, log, round } = require('./lib');

const MARKET_PACKAGE = '@devlikeapro/n8n-nodes-chatwoot';
const MARKET_VERSION = process.env.BENCH_MARKET_VERSION || '1.0.2';
const PRODUCTION_LIMITS = { perIpPerMinute: 3000, contactSearchPerMinute: 100, conversationsMetaPerMinute: 30 };
// Same server model as bench/limit.js: Puma's 5 threads, 50 ms of work per request, 20 ms network.
const LATENCY_MS = 20;
const CAPACITY = { threads: 5, serviceMs: 50 };

function manualWorkflow(name, contactNode, count, prefix) {
	const code = `const out = [];\nfor (let i = 0; i < ${count}; i++) out.push({ json: { name: 'Bench ${prefix} ' + i, email: '${prefix}-' + i + '@bench.test' } });\nreturn out;`;
	const nodes = [
		{ id: crypto.randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: crypto.randomUUID(), name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: code } },
		{ id: crypto.randomUUID(), position: [440, 0], ...contactNode },
	];
	return {
		name,
		nodes,
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: contactNode.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

function oursNode(cred, inboxId, itemsInParallel) {
	return {
		name: 'Create Contact',
		type: 'n8n-nodes-chatwoot-suite.chatwoot',
		typeVersion: 1,
		parameters: {
			resource: 'contact',
			operation: 'create',
			name: '={{ $json.name }}',
			email: '={{ $json.email }}',
			additionalFields: { inboxId: { __rl: true, mode: 'id', value: String(inboxId) } },
			...(itemsInParallel ? { batching: { itemsInParallel } } : {}),
		},
		credentials: { chatwootSuiteApi: cred },
		// failures become error items instead of stopping the run, so every item is counted
		onError: 'continueRegularOutput',
	};
}

/** Parameters read from the installed package's node description (resource "Contacts", op "Contact Create"). */
function marketNode(cred, accountId, inboxId) {
	return {
		name: 'Create Contact',
		type: `${MARKET_PACKAGE}.chatWoot`,
		typeVersion: 1,
		parameters: {
			resource: 'Contacts',
			operation: 'Contact Create',
			account_id: accountId,
			inbox_id: inboxId,
			name: '={{ $json.name }}',
			email: '={{ $json.email }}',
		},
		credentials: { chatwootApi: cred },
		onError: 'continueRegularOutput',
	};
}

/** `n8n execute --id … --rawOutput` with a long timeout; parses the run JSON printed after the log lines. */
async function execute(n8n, workflowId) {
	const t0 = Date.now();
	const res = await n8n.cli(['execute', `--id=${workflowId}`, '--rawOutput'], { allowFail: true, timeoutMs: 20 * 60 * 1000 });
	const wallMs = Date.now() - t0;
	const output = res.stdout + res.stderr;
	let result;
	const lines = res.stdout.split('\n');
	const start = lines.findIndex((l) => l.startsWith('{'));
	if (start >= 0) {
		try {
			result = JSON.parse(lines.slice(start).join('\n'));
		} catch {
			result = undefined;
		}
	}
	return { ok: res.code === 0, code: res.code, wallMs, result, output };
}

/**
 * What one run did: node time, output items, error items, contacts in the simulator, requests, 429s.
 * `nodeName` is the measured node (default 'Create Contact'); the output items and the simulator state are returned too.
 */
async function measure(sim, n8n, workflowId, prefix, count, { nodeName = 'Create Contact' } = {}) {
	const statsBefore = await sim.control('GET', '/stats');
	const reqBefore = (await sim.requests()).length;
	const run = await execute(n8n, workflowId);
	const statsAfter = await sim.control('GET', '/stats');
	const requests = (await sim.requests()).slice(reqBefore);
	const state = await sim.state();
	const contacts = state.contacts.filter((c) => typeof c.email === 'string' && c.email.startsWith(`${prefix}-`));
	const uniqueEmails = new Set(contacts.map((c) => c.email)).size;
	let nodeMs;
	let items = [];
	let runError;
	let holder = run.result;
	if (!holder) {
		// stdout was not parseable: read the execution n8n stored instead
		const list = await n8n.api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=1`);
		holder = list.data && list.data[0];
	}
	if (holder) {
		const rd = holder.data ? holder.data.resultData : holder.resultData;
		const nodeRun = rd && rd.runData && rd.runData[nodeName] && rd.runData[nodeName][0];
		if (nodeRun) {
			nodeMs = nodeRun.executionTime;
			items = ((nodeRun.data && nodeRun.data.main && nodeRun.data.main[0]) || []).map((i) => (i.error && i.json && i.json.error === undefined ? { ...i.json, error: i.error.message } : i.json));
		}
		if (rd && rd.error) runError = rd.error.message || JSON.stringify(rd.error).slice(0, 500);
	}
	if (!run.ok && !runError) runError = run.output.split('\n').filter((l) => /error|Error/.test(l)).slice(-5).join(' | ').slice(0, 800) || `exit code ${run.code}`;
	const errorItems = items.filter((j) => j && j.error !== undefined);
	const statusCounts = {};
	for (const r of requests) statusCounts[r.status] = (statusCounts[r.status] || 0) + 1;
	return {
		ok: run.ok,
		wallMs: run.wallMs,
		nodeMs,
		outputItems: items.length,
		errorItems: errorItems.length,
		firstError: errorItems.length ? String(errorItems[0].error).slice(0, 300) : undefined,
		runError,
		contacts: contacts.length,
		uniqueEmails,
		contactInboxes: contacts.filter((c) => state.contactInboxes.some((ci) => ci.contact_id === c.id)).length,
		requests: requests.length,
		statusCounts,
		rateLimited: statsAfter.rateLimited - statsBefore.rateLimited,
		count,
		parsedStdout: !!run.result,
		output: run.output,
		items,
		state,
	};
}

/** Wait for the start of a fixed Rack::Attack minute (windows are floor(now / 60 s)), so a burst lands in one window. */
async function atWindowStart() {
	const into = Date.now() % 60000;
	if (into > 500) await H.sleep(60000 - into + 50);
}

async function installMarketPackage(n8n) {
	const t0 = Date.now();
	const r = await H.httpJson('POST', `${n8n.baseUrl}/rest/community-packages`, {
		cookie: n8n.cookie,
		body: { name: MARKET_PACKAGE, version: MARKET_VERSION },
	});
	const ms = Date.now() - t0;
	const dir = path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', MARKET_PACKAGE);
	return { status: r.status, ms, body: r.json || r.text, installed: fs.existsSync(path.join(dir, 'package.json')) };
}

async function runMarketBench({ sim, n8n, cred, contacts = 1000, burst = 3500, parallel = 20 }) {
	const accountId = sim.info.accountId;
	const inboxId = sim.info.apiInboxId;
	const notes = [];
	const setConditions = async () => {
		await sim.control('POST', '/latency', { ms: LATENCY_MS });
		await sim.control('POST', '/capacity', CAPACITY);
		await sim.control('POST', '/rate-limits', PRODUCTION_LIMITS); // also starts fresh counters
	};

	// 1. ours
	const oursWf = await n8n.createWorkflow(manualWorkflow('Bench: contacts via n8n-nodes-chatwoot-suite', oursNode(cred, inboxId), contacts, 'ours'));
	await setConditions();
	log(`market bench: ours, ${contacts} contact creates (${LATENCY_MS} ms latency, production limits)`);
	const ours = await measure(sim, n8n, oursWf.id, 'ours', contacts);
	log(`market bench: ours done in ${ours.wallMs} ms (node ${ours.nodeMs} ms), ${ours.contacts} contacts, ${ours.errorItems} error items`);

	// 1b. ours with more items in parallel (the node's Batching option), same creates
	let oursParallel;
	if (parallel) {
		const wfP = await n8n.createWorkflow(manualWorkflow(`Bench: contacts via n8n-nodes-chatwoot-suite (${parallel} in parallel)`, oursNode(cred, inboxId, parallel), contacts, 'ourspar'));
		await setConditions();
		oursParallel = await measure(sim, n8n, wfP.id, 'ourspar', contacts);
		log(`market bench: ours with itemsInParallel ${parallel}: ${oursParallel.wallMs} ms (node ${oursParallel.nodeMs} ms), ${oursParallel.contacts} contacts, ${oursParallel.errorItems} error items, ${oursParallel.rateLimited} × 429`);
	}
	// 1c. a burst above the per-minute limit, started at a window boundary
	let oursBurst;
	if (burst) {
		const wfB = await n8n.createWorkflow(manualWorkflow('Bench: burst via n8n-nodes-chatwoot-suite', oursNode(cred, inboxId), burst, 'oursburst'));
		await atWindowStart();
		await setConditions();
		oursBurst = await measure(sim, n8n, wfB.id, 'oursburst', burst);
		log(`market bench: ours, burst of ${burst}: ${oursBurst.wallMs} ms, ${oursBurst.contacts} contacts, ${oursBurst.errorItems} error items, ${oursBurst.rateLimited} × 429`);
	}

	// 2. the market leader, installed the way n8n installs community packages
	await sim.control('POST', '/latency', { ms: 0 });
	const install = await installMarketPackage(n8n);
	log(`market bench: POST /rest/community-packages ${MARKET_PACKAGE}@${MARKET_VERSION} → HTTP ${install.status} in ${install.ms} ms`);
	let market;
	let clash;
	let credSchema;
	if (install.status !== 200 || !install.installed) {
		notes.push(`${MARKET_PACKAGE}@${MARKET_VERSION} could not be installed through n8n: HTTP ${install.status} ${JSON.stringify(install.body).slice(0, 500)}`);
	} else {
		const schema = await n8n.apiRaw('GET', '/credentials/schema/chatwootApi');
		credSchema = schema.json && schema.json.properties ? Object.keys(schema.json.properties) : schema.text.slice(0, 300);
		log(`market bench: credential type chatwootApi now has properties ${JSON.stringify(credSchema)}`);
		const created = await n8n.apiRaw('POST', '/credentials', {
			name: 'ChatWoot (simulator, devlikeapro)',
			type: 'chatwootApi',
			data: { url: sim.url, accessToken: sim.info.token, allowedHttpRequestDomains: 'all' },
		});
		if (created.status !== 200) {
			notes.push(`creating the other package's credential failed: HTTP ${created.status} ${created.text.slice(0, 500)}`);
		} else {
			const marketCred = { id: created.json.id, name: created.json.name };
			const marketWf = await n8n.createWorkflow(
				manualWorkflow(`Bench: contacts via ${MARKET_PACKAGE}`, marketNode(marketCred, accountId, inboxId), contacts, 'market'),
			);
			await setConditions();
			log(`market bench: ${MARKET_PACKAGE}, ${contacts} contact creates`);
			market = await measure(sim, n8n, marketWf.id, 'market', contacts);
			log(`market bench: ${MARKET_PACKAGE} done in ${market.wallMs} ms (node ${market.nodeMs} ms), ${market.contacts} contacts, ${market.errorItems} error items${market.runError ? `, run error: ${market.runError}` : ''}`);
			if (!market.ok || market.contacts === 0) notes.push(`${MARKET_PACKAGE} run: exit ${market.ok ? 0 : 'non-zero'}; ${market.runError || market.firstError || ''}; output tail: ${market.output.slice(-800)}`);

			let marketBurst;
			if (burst) {
				const wfMB = await n8n.createWorkflow(manualWorkflow(`Bench: burst via ${MARKET_PACKAGE}`, marketNode(marketCred, accountId, inboxId), burst, 'marketburst'));
				await atWindowStart();
				await setConditions();
				marketBurst = await measure(sim, n8n, wfMB.id, 'marketburst', burst);
				log(`market bench: ${MARKET_PACKAGE}, burst of ${burst}: ${marketBurst.wallMs} ms, ${marketBurst.contacts} contacts, ${marketBurst.errorItems} error items (${marketBurst.firstError || '-'}), ${marketBurst.rateLimited} × 429`);
			}
			market.burst = marketBurst;

			// 3. the name clash: ours again, 5 items, with its own credential, now that both packages are installed
			const clashWf = await n8n.createWorkflow(manualWorkflow('Bench: ours after the other package was installed', oursNode(cred, inboxId), 5, 'clash'));
			await sim.control('POST', '/latency', { ms: 0 });
			clash = await measure(sim, n8n, clashWf.id, 'clash', 5);
			log(`market bench: ours after install: ${clash.contacts}/5 contacts, ${clash.errorItems} error items${clash.firstError ? ` (${clash.firstError})` : ''}${clash.runError ? `, run error ${clash.runError}` : ''}`);
		}
	}
	await sim.control('POST', '/latency', { ms: 0 });
	await sim.control('POST', '/capacity', {});
	await sim.control('POST', '/rate-limits', {});

	const rows = [
		{ label: `n8n-nodes-chatwoot-suite (this package): wall time of \`n8n execute\` for ${contacts} contact creates`, value: round(ours.wallMs / 1000, 1), unit: 's' },
		{ label: 'n8n-nodes-chatwoot-suite: time in the contact-create node', value: round((ours.nodeMs ?? NaN) / 1000, 1), unit: 's' },
		{ label: 'n8n-nodes-chatwoot-suite: contacts created in the simulator (with their API-inbox contact_inbox)', value: `${ours.contacts} (${ours.contactInboxes})`, unit: `of ${contacts}` },
		{ label: 'n8n-nodes-chatwoot-suite: error items / HTTP 429 answers / requests sent', value: `${ours.errorItems} / ${ours.rateLimited} / ${ours.requests}`, unit: '' },
	];
	if (market) {
		rows.push(
			{ label: `${MARKET_PACKAGE}@${MARKET_VERSION}: wall time of \`n8n execute\` for ${contacts} contact creates`, value: round(market.wallMs / 1000, 1), unit: 's' },
			{ label: `${MARKET_PACKAGE}: time in the contact-create node`, value: round((market.nodeMs ?? NaN) / 1000, 1), unit: 's' },
			{ label: `${MARKET_PACKAGE}: contacts created in the simulator (with their API-inbox contact_inbox)`, value: `${market.contacts} (${market.contactInboxes})`, unit: `of ${contacts}` },
			{ label: `${MARKET_PACKAGE}: error items / HTTP 429 answers / requests sent`, value: `${market.errorItems} / ${market.rateLimited} / ${market.requests}`, unit: '' },
		);
	}
	if (oursParallel) {
		rows.push(
			{ label: `n8n-nodes-chatwoot-suite with Batching → Items in Parallel = ${parallel}: wall time / node time for ${contacts} creates`, value: `${round(oursParallel.wallMs / 1000, 1)} / ${round((oursParallel.nodeMs ?? NaN) / 1000, 1)}`, unit: 's' },
			{ label: `n8n-nodes-chatwoot-suite with ${parallel} in parallel: contacts / error items / 429s`, value: `${oursParallel.contacts} / ${oursParallel.errorItems} / ${oursParallel.rateLimited}`, unit: '' },
		);
	}
	const burstRow = (who, b) => ({
		label: `Burst of ${burst} creates started at a rate-limit window boundary, ${who}: contacts created / output items / error items / 429 answers / wall time`,
		value: `${b.contacts} / ${b.outputItems} / ${b.errorItems} / ${b.rateLimited} / ${round(b.wallMs / 1000, 1)} s${b.firstError ? ` — first error "${b.firstError.slice(0, 120)}"` : ''}`,
		unit: '',
	});
	if (oursBurst) rows.push(burstRow('n8n-nodes-chatwoot-suite', oursBurst));
	if (market && market.burst) rows.push(burstRow(MARKET_PACKAGE, market.burst));
	rows.push({ label: `Install of ${MARKET_PACKAGE}@${MARKET_VERSION} through n8n (POST /rest/community-packages)`, value: `HTTP ${install.status}, ${round(install.ms / 1000, 1)} s`, unit: '' });
	if (credSchema) rows.push({ label: 'Credential type `chatwootApi` after both packages are installed: properties', value: Array.isArray(credSchema) ? credSchema.filter((p) => !/allowed/i.test(p)).join(', ') : credSchema, unit: '' });
	if (clash) rows.push({ label: 'n8n-nodes-chatwoot-suite after the other package was installed (5 creates): contacts created / error items', value: `${clash.contacts} / ${clash.errorItems}${clash.firstError ? ` — "${clash.firstError}"` : ''}${clash.runError ? ` — run error "${clash.runError}"` : ''}`, unit: '' });

	const ratios = [];
	const targets = [];
	// node time against the physical limit of the simulated server for the requests each package sent
	const capacityPerS = (CAPACITY.threads * 1000) / CAPACITY.serviceMs;
	const ofLimit = (m) => (m && m.nodeMs ? round(m.requests / capacityPerS / (m.nodeMs / 1000), 2) : undefined);
	ratios.push({ label: `n8n-nodes-chatwoot-suite: node time vs the server's physical limit (${ours.requests} requests / ${capacityPerS} per s)`, value: ofLimit(ours) });
	if (market && market.nodeMs) ratios.push({ label: `${MARKET_PACKAGE}: node time vs the server's physical limit (${market.requests} requests / ${capacityPerS} per s)`, value: ofLimit(market) });
	if (market && market.wallMs && market.contacts > 0) {
		ratios.push({ label: `Wall time, ${MARKET_PACKAGE} ÷ n8n-nodes-chatwoot-suite (n8n execute)`, value: round(market.wallMs / ours.wallMs, 2) });
		if (market.nodeMs && ours.nodeMs) ratios.push({ label: `Node time, ${MARKET_PACKAGE} ÷ n8n-nodes-chatwoot-suite`, value: round(market.nodeMs / ours.nodeMs, 2) });
	}
	targets.push({
		label: `All ${contacts} contacts created, no errors, no 429s (n8n-nodes-chatwoot-suite)`,
		met: ours.contacts === contacts && ours.uniqueEmails === contacts && ours.errorItems === 0 && ours.rateLimited === 0,
		detail: `${ours.contacts} contacts, ${ours.errorItems} error items, ${ours.rateLimited} × 429`,
	});
	if (market) {
		targets.push({
			label: `Faster than ${MARKET_PACKAGE} on the same ${contacts} creates`,
			met: market.contacts > 0 && ours.wallMs < market.wallMs,
			detail: `${round(ours.wallMs / 1000, 1)} s vs ${round(market.wallMs / 1000, 1)} s`,
		});
	}
	if (oursBurst) {
		targets.push({
			label: `A ${burst}-create burst above Chatwoot's 3000/min limit loses nothing (n8n-nodes-chatwoot-suite)`,
			met: oursBurst.contacts === burst && oursBurst.errorItems === 0,
			detail: `${oursBurst.contacts}/${burst} contacts, ${oursBurst.errorItems} error items, ${oursBurst.rateLimited} × 429${market && market.burst ? `; ${MARKET_PACKAGE}: ${market.burst.contacts}/${burst}, ${market.burst.errorItems} error items, ${market.burst.rateLimited} × 429` : ''}`,
		});
	}
	if (clash) {
		targets.push({
			label: 'Both packages usable side by side in one n8n',
			met: clash.contacts === 5 && !!market && market.contacts > 0,
			detail:
				clash.contacts === 5
					? 'ours still works after the other package was installed'
					: `ours failed after the other package was installed: ${clash.firstError || clash.runError || 'see rows'}`,
		});
	}
	notes.push(
		`Both nodes send the same fields (name, email, inbox ${inboxId}); the other node also sends its empty fields (phone_number "", avatar "", avatar_url "", identifier "", custom_attributes {}), which Chatwoot treats as blank.`,
		`Simulator capacity ${CAPACITY.threads} threads × ${CAPACITY.serviceMs} ms per request (${(CAPACITY.threads * 1000) / CAPACITY.serviceMs} requests/s at most) plus ${LATENCY_MS} ms latency; Rack::Attack limits as in production (3000/min/IP, contact search 100/min/account, conversations meta 30/min); the counters start fresh before each run.`,
	);
	return {
		name: 'n8n-market-comparison',
		title: `Contact creates in a real n8n: n8n-nodes-chatwoot-suite vs ${MARKET_PACKAGE}`,
		setup: `n8n ${n8n.version}; Manual Trigger → Code (${contacts} items) → contact create, run with \`n8n execute\` (wall time includes the CLI's ~2.5 s boot); simulator capacity ${CAPACITY.threads} threads × ${CAPACITY.serviceMs} ms + ${LATENCY_MS} ms latency, production rate limits`,
		rows,
		ratios,
		targets,
		notes,
	};
}

module.exports = { runMarketBench, MARKET_PACKAGE, MARKET_VERSION, manualWorkflow, measure, atWindowStart, CAPACITY, LATENCY_MS, PRODUCTION_LIMITS };
