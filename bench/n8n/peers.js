'use strict';
/**
 * Benchmark 4 — every other Chatwoot package side by side in ONE n8n with this one: does each load, which node
 * and credential types does it register, and do the packages clash?
 *
 * The peers are built OUTSIDE this repository (their code is never committed here) and handed over as npm
 * tarballs: BENCH_PEERS=/tmp/peers/a.tgz,/tmp/peers/b.tgz (see bench/README.md for how they were built).
 * @devlikeapro/n8n-nodes-chatwoot comes from the npm registry (the copy the market benchmark installs).
 * Every package is unpacked into ~/.n8n/nodes/node_modules before n8n starts, the way n8n lays out community
 * packages; `n8n export:nodes` then lists what n8n actually loaded, and n8n's log says what failed.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { H, log, round, startInstance } = require('./lib');
const { manualWorkflow, measure, CAPACITY, LATENCY_MS, PRODUCTION_LIMITS } = require('./market');

/** How each package creates a contact (parameters read from each package's node description). */
function racers(sim) {
	const accountId = sim.info.accountId;
	const token = sim.info.token;
	const inboxId = sim.info.apiInboxId;
	return [
		{
			pkg: 'n8n-nodes-chatwoot-suite',
			credential: ['chatwootSuiteApi', { baseUrl: sim.url, accessToken: token, accountId }],
			node: { type: 'n8n-nodes-chatwoot-suite.chatwoot', parameters: { resource: 'contact', operation: 'create', name: '={{ $json.name }}', email: '={{ $json.email }}', additionalFields: { inboxId: { __rl: true, mode: 'id', value: String(inboxId) } } } },
		},
		{
			pkg: '@devlikeapro/n8n-nodes-chatwoot',
			credential: ['chatwootApi', { url: sim.url, accessToken: token, allowedHttpRequestDomains: 'all' }],
			node: { type: '@devlikeapro/n8n-nodes-chatwoot.chatWoot', parameters: { resource: 'Contacts', operation: 'Contact Create', account_id: accountId, inbox_id: inboxId, name: '={{ $json.name }}', email: '={{ $json.email }}' } },
		},
		{
			pkg: '@renatoascencio/n8n-nodes-chatwoot',
			credential: ['chatwootApi', { baseUrl: sim.url, accountId, apiAccessToken: token }],
			node: { type: '@renatoascencio/n8n-nodes-chatwoot.chatwoot', parameters: { resource: 'contact', operation: 'create', name: '={{ $json.name }}', additionalFields: { email: '={{ $json.email }}', inbox_id: inboxId } } },
		},
		{
			pkg: '@rjsebening/n8n-nodes-chatwoot',
			credential: ['chatwootApplicationApi', { url: sim.url, accessToken: token }],
			node: { type: '@rjsebening/n8n-nodes-chatwoot.chatWootApplication', parameters: { resource: 'Contacts', operation: 'Create Contact', account_id: accountId, inbox_id: inboxId, additionalOptions: { name: '={{ $json.name }}', email: '={{ $json.email }}' } } },
		},
		{
			pkg: '@fazer-ai/n8n-nodes-chatwoot',
			credential: ['fazerAiChatwootApi', { url: sim.url, accessToken: token }],
			node: { type: '@fazer-ai/n8n-nodes-chatwoot.chatwoot', parameters: { resource: 'contact', operation: 'create', accountId: { __rl: true, mode: 'id', value: String(accountId) }, name: '={{ $json.name }}', email: '={{ $json.email }}' } },
		},
	];
}

/** Same N contact creates per package, same n8n, same simulator conditions; counted in the simulator. */
async function race(n8n, sim, loaded, count) {
	const rows = [];
	for (const r of racers(sim)) {
		const tag = r.pkg.replace(/[^a-z0-9]/gi, '').slice(-12).toLowerCase();
		if (!loaded.has(r.pkg)) {
			rows.push({ package: r.pkg, result: 'not loaded' });
			continue;
		}
		const cred = await n8n.apiRaw('POST', '/credentials', { name: `Chatwoot (${r.pkg})`, type: r.credential[0], data: { allowedHttpRequestDomains: 'all', ...r.credential[1] } });
		if (cred.status !== 200) {
			rows.push({ package: r.pkg, result: `credential ${r.credential[0]} refused: HTTP ${cred.status} ${cred.text.slice(0, 160)}` });
			continue;
		}
		const node = { name: 'Create Contact', ...r.node, typeVersion: 1, credentials: { [r.credential[0]]: { id: cred.json.id, name: cred.json.name } }, onError: 'continueRegularOutput' };
		const wfr = await n8n.createWorkflow(manualWorkflow(`Race: ${r.pkg}`, node, count, tag));
		await sim.control('POST', '/latency', { ms: LATENCY_MS });
		await sim.control('POST', '/capacity', CAPACITY);
		await sim.control('POST', '/rate-limits', PRODUCTION_LIMITS);
		const m = await measure(sim, n8n, wfr.id, tag, count);
		log(`peers race: ${r.pkg}: ${m.wallMs} ms, node ${m.nodeMs} ms, ${m.contacts}/${count} contacts, ${m.errorItems} errors, ${m.rateLimited} × 429${m.runError ? `, run error ${m.runError}` : ''}`);
		rows.push({
			package: r.pkg,
			result: m.runError && !m.contacts ? `run failed: ${String(m.runError).slice(0, 160)}` : 'ran',
			'wall s (n8n execute)': round(m.wallMs / 1000, 1),
			'node s': round((m.nodeMs ?? NaN) / 1000, 1),
			requests: m.requests,
			'429s': m.rateLimited,
			'error items': m.errorItems,
			lost: count - m.uniqueEmails,
			duplicated: m.contacts - m.uniqueEmails,
		});
	}
	await sim.control('POST', '/capacity', {});
	await sim.control('POST', '/latency', { ms: 0 });
	await sim.control('POST', '/rate-limits', {});
	return rows;
}

const REGISTRY_PEERS = [{ name: '@devlikeapro/n8n-nodes-chatwoot', version: process.env.BENCH_MARKET_VERSION || '1.0.2' }];

function unpack(tgz, nodesDir) {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peer-'));
	require('child_process').execFileSync('tar', ['-xzf', tgz, '-C', tmp, '--strip-components=1']);
	const pkg = JSON.parse(fs.readFileSync(path.join(tmp, 'package.json'), 'utf8'));
	const target = path.join(nodesDir, 'node_modules', pkg.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.renameSync(tmp, target);
	return pkg;
}

function fromRegistryCache(peer, nodesDir) {
	const cache = path.join(os.homedir(), '.cache', 'n8n-chatwoot-e2e', 'peers', `${peer.name.replace('/', '_')}@${peer.version}`, 'node_modules', peer.name);
	if (!fs.existsSync(path.join(cache, 'package.json'))) {
		// the market benchmark installs it through n8n's community-package endpoint, which fills this cache
		throw new Error(`${peer.name}@${peer.version} is not in ${cache}: run the market benchmark first`);
	}
	// with its dependencies (@devlikeapro/n8n-openapi-node, pino, …), as npm installed them; existing packages stay
	fs.cpSync(cache.split(`/node_modules/${peer.name}`)[0] + '/node_modules', path.join(nodesDir, 'node_modules'), { recursive: true, force: false });
	return JSON.parse(fs.readFileSync(path.join(nodesDir, 'node_modules', peer.name, 'package.json'), 'utf8'));
}

async function credentialTypesOf(pkgDir, pkg) {
	const out = [];
	for (const file of (pkg.n8n && pkg.n8n.credentials) || []) {
		try {
			const source = fs.readFileSync(path.join(pkgDir, file), 'utf8');
			const m = /name\s*=\s*['"]([^'"]+)['"]/.exec(source) || /name:\s*['"]([^'"]+)['"]/.exec(source);
			out.push(m ? m[1] : `? (${path.basename(file)})`);
		} catch (error) {
			out.push(`missing ${file}`);
		}
	}
	return out;
}

async function runPeersBench() {
	const tarballs = (process.env.BENCH_PEERS || '').split(',').map((s) => s.trim()).filter(Boolean);
	const count = Number(process.env.BENCH_PEER_CONTACTS || 300);
	const sim = await H.startSimulator({ seed: 'demo' });
	const n8n = await startInstance({ withPackage: true, owner: false, deferStart: true });
	const nodesDir = path.join(n8n.userFolder, '.n8n', 'nodes');
	const installed = [];
	for (const tgz of tarballs) {
		try {
			installed.push({ source: path.basename(tgz), pkg: unpack(tgz, nodesDir) });
		} catch (error) {
			installed.push({ source: path.basename(tgz), error: String(error.message || error).slice(0, 200) });
		}
	}
	for (const peer of REGISTRY_PEERS) {
		try {
			installed.push({ source: `npm ${peer.name}@${peer.version}`, pkg: fromRegistryCache(peer, nodesDir) });
		} catch (error) {
			installed.push({ source: `npm ${peer.name}@${peer.version}`, error: String(error.message || error).slice(0, 200) });
		}
	}
	const manifest = JSON.parse(fs.readFileSync(path.join(nodesDir, 'package.json'), 'utf8'));
	for (const i of installed) if (i.pkg) manifest.dependencies[i.pkg.name] = i.pkg.version;
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

	let types = [];
	let logText = '';
	let raceRows = [];
	try {
		await n8n.start();
		await n8n.setupOwner(H.OWNER);
		await n8n.createApiKey();
		types = (await n8n.exportNodeTypes()).map((t) => t.name);
		logText = fs.readFileSync(path.join(n8n.logDir, 'n8n.log'), 'utf8');
		const loaded = new Set(types.map((t) => t.slice(0, t.lastIndexOf('.'))));
		for (const i of installed) if (i.pkg) i.credentials = await credentialTypesOf(path.join(nodesDir, 'node_modules', i.pkg.name), i.pkg);
		raceRows = await race(n8n, sim, loaded, count);
	} finally {
		await n8n.stop().catch((e) => log(`n8n stop: ${e.message}`));
		await sim.stop().catch(() => undefined);
	}
	const ours = JSON.parse(fs.readFileSync(path.join(H.REPO, 'package.json'), 'utf8'));
	const all = [{ source: 'this repository', pkg: ours, dir: H.REPO }, ...installed.map((i) => ({ ...i, dir: i.pkg && path.join(nodesDir, 'node_modules', i.pkg.name) }))];
	const rows = [];
	const credentialOwners = new Map();
	for (const p of all) {
		if (!p.pkg) {
			rows.push({ package: p.source, version: '', 'node types loaded': 0, 'node types declared': '', 'credential types': '', problem: p.error });
			continue;
		}
		const declared = ((p.pkg.n8n && p.pkg.n8n.nodes) || []).length;
		const loaded = types.filter((t) => t.startsWith(`${p.pkg.name}.`));
		const creds = p.credentials || (await credentialTypesOf(p.dir, p.pkg));
		for (const c of creds) credentialOwners.set(c, [...(credentialOwners.get(c) || []), p.pkg.name]);
		const escaped = p.pkg.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
		const errorLines = logText.split('\n').filter((l) => new RegExp(escaped).test(l) && /error|fail|could not/i.test(l));
		rows.push({
			package: p.pkg.name,
			version: p.pkg.version,
			'node types loaded': loaded.length,
			'node types declared': declared,
			'credential types': creds.join(', '),
			problem: loaded.length < declared ? (errorLines[0] || 'fewer node types than declared').slice(0, 300) : '',
		});
	}
	const ran = raceRows.filter((r) => r.result === 'ran');
	const oursRace = ran.find((r) => r.package === ours.name);
	const raceResult = {
		name: 'n8n-peers-race',
		title: `Every Chatwoot package on the same work: ${count} contact creates in one n8n`,
		setup: `n8n ${n8n.version}; Manual Trigger → Code (${count} items) → the package's contact create, \`n8n execute\` (wall time includes the CLI's boot); simulator capacity ${CAPACITY.threads} threads × ${CAPACITY.serviceMs} ms + ${LATENCY_MS} ms latency, production rate limits, counters fresh per package; lost / duplicated counted in the simulator by email. Only contact create was raced (the one operation every package has); list-all, upsert, 500 messages and the burst rows of the issue were not run for the peers.`,
		rows: raceRows,
		targets: oursRace
			? [
					{
						label: `Fastest node time of the packages that ran, 0 lost, 0 duplicated (n8n-nodes-chatwoot-suite)`,
						met: ran.every((r) => r === oursRace || !(r['node s'] < oursRace['node s'])) && oursRace.lost === 0 && oursRace.duplicated === 0,
						detail: ran.map((r) => `${r.package} ${r['node s']} s (${r.lost} lost, ${r.duplicated} dup)`).join('; '),
					},
				]
			: [],
	};
	const clashes = [...credentialOwners].filter(([, owners]) => owners.length > 1).map(([type, owners]) => `${type}: ${owners.join(' + ')}`);
	return [{
		name: 'n8n-peers',
		title: 'Every Chatwoot package in one n8n: what loads, and what clashes',
		setup: `n8n ${n8n.version}; this package plus ${installed.length} other Chatwoot packages unpacked into one ~/.n8n/nodes before start; node types from \`n8n export:nodes\`, failures from n8n's log. Peers from GitHub built outside the repository from their default branch (npm install --ignore-scripts from the npm registry, then their own build command); @devlikeapro from the npm registry.`,
		rows,
		targets: [
			{
				label: 'This package loads next to every other Chatwoot package (no credential-type clash with any of them)',
				// n8n registers an extra "…Tool" type for every node with usableAsTool, so loaded ≥ declared
				met: rows[0]['node types loaded'] >= rows[0]['node types declared'] && !clashes.some((c) => c.includes(ours.name)),
				detail: `${rows[0]['node types loaded']}/${rows[0]['node types declared']} node types; credential clashes among the others: ${clashes.join('; ') || 'none'}`,
			},
		],
		notes: [
			clashes.length
				? `Credential types declared by more than one package (only one definition can win in n8n): ${clashes.join('; ')}.`
				: 'No credential type is declared twice.',
			'serversmx/n8n-nodes-chatwoot and gessuvik/n8n-nodes-chatwoot-for-n8n: no snapshot of these repositories could be obtained here, so they are not in the table.',
		],
	}, raceResult];
}

module.exports = { runPeersBench };
