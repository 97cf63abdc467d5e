'use strict';
/**
 * Benchmark 4 — every other Chatwoot package next to this one in n8n: does each load, which node and credential
 * types does it register, do the packages clash — and the race of issue 13 item 8: the same work per package
 * (list all contacts, create/upsert 1,000 contacts, send 500 messages, a burst above the minute limit), each run
 * from a fresh simulator account, counted in the simulator (see bench/README.md → Peers).
 *
 * The peers are built OUTSIDE this repository (their code is never committed here) and handed over as npm
 * tarballs: BENCH_PEERS=/tmp/peers/a.tgz,/tmp/peers/b.tgz (see bench/README.md for how they were built).
 * @devlikeapro/n8n-nodes-chatwoot comes from the npm registry (the copy the market benchmark installs); it declares
 * the same credential type as @renatoascencio, so it runs in a second n8n, again next to this package; tarballs in
 * BENCH_PEERS_ALONE (n8n-nodes-chatwoot-for-n8n, a third `chatwootApi`) each run in an n8n of their own, next to it too.
 * Every package is unpacked into ~/.n8n/nodes/node_modules before n8n starts, the way n8n lays out community
 * packages; `n8n export:nodes` then lists what n8n actually loaded, and n8n's log says what failed.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { H, log, round, startInstance } = require('./lib');
const { measure, atWindowStart, CAPACITY, LATENCY_MS, PRODUCTION_LIMITS } = require('./market');
const { messageSummary, contactSummary } = require('../summaries');

/** The work of issue 13 item 8, at BENCH_PEER_SCALE (default 1) — the same for every package. */
function workSizes() {
	const scale = Number(process.env.BENCH_PEER_SCALE || 1);
	const n = (v) => Math.max(1, Math.round(v * scale));
	return {
		scale,
		list: n(3000),
		upsert: n(1000),
		messages: n(500),
		conversations: Math.min(n(50), n(500)),
		burst: n(3500),
		// the burst runs against Chatwoot's 3,000/min per IP, scaled with it so a small run still crosses the limit
		burstLimit: n(PRODUCTION_LIMITS.perIpPerMinute),
	};
}

const ALL_WORKLOADS = ['list', 'upsert', 'messages', 'burst'];

/**
 * What each package runs per workload, parameters read from each package's built node description
 * (resource/operation values, account/conversation parameters, return-all flags). `null` = the package has no
 * such operation. `ctx` = the run's fresh account: { url, token, accountId, inboxId }.
 */
function racers(ctx) {
	const { url, token, accountId, inboxId } = ctx;
	const rl = (value) => ({ __rl: true, mode: 'id', value: String(value) });
	return [
		{
			pkg: 'n8n-nodes-chatwoot-suite',
			credential: ['chatwootSuiteApi', { baseUrl: url, accessToken: token, accountId }],
			type: 'n8n-nodes-chatwoot-suite.chatwoot',
			list: { op: 'get many, return all', returnAll: true, parameters: { resource: 'contact', operation: 'getAll', returnAll: true } },
			// as bench/limit.js's upsertParameters
			upsert: {
				op: 'upsert',
				parameters: { resource: 'contact', operation: 'upsert', name: '={{ $json.name }}', email: '={{ $json.email }}', phoneNumber: '={{ $json.phone }}', identifier: '={{ $json.id }}', additionalFields: { city: '={{ $json.city }}' } },
			},
			messages: { op: 'message create', parameters: { resource: 'message', operation: 'create', conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' }, content: '={{ $json.text }}' } },
			create: { op: 'contact create', parameters: { resource: 'contact', operation: 'create', name: '={{ $json.name }}', email: '={{ $json.email }}', additionalFields: { inboxId: rl(inboxId) } } },
		},
		{
			pkg: '@devlikeapro/n8n-nodes-chatwoot',
			credential: ['chatwootApi', { url, accessToken: token, allowedHttpRequestDomains: 'all' }],
			type: '@devlikeapro/n8n-nodes-chatwoot.chatWoot',
			list: { op: 'Contact List (no return all: page 1 only)', returnAll: false, parameters: { resource: 'Contacts', operation: 'Contact List', account_id: accountId, page: 1 } },
			upsert: { op: 'create (no upsert)', parameters: { resource: 'Contacts', operation: 'Contact Create', account_id: accountId, inbox_id: inboxId, name: '={{ $json.name }}', email: '={{ $json.email }}' } },
			// its defaults are private: true (a note) and content_type "cards"; a reply is public and plain text
			messages: { op: 'Create A New Message In A Conversation', parameters: { resource: 'Messages', operation: 'Create A New Message In A Conversation', account_id: accountId, conversation_id: '={{ $json.conversation }}', content: '={{ $json.text }}', message_type: 'outgoing', private: false } },
			create: { op: 'Contact Create', parameters: { resource: 'Contacts', operation: 'Contact Create', account_id: accountId, inbox_id: inboxId, name: '={{ $json.name }}', email: '={{ $json.email }}' } },
		},
		{
			pkg: '@renatoascencio/n8n-nodes-chatwoot',
			credential: ['chatwootApi', { baseUrl: url, accountId, apiAccessToken: token }],
			type: '@renatoascencio/n8n-nodes-chatwoot.chatwoot',
			list: { op: 'get many, return all', returnAll: true, parameters: { resource: 'contact', operation: 'getAll', returnAll: true } },
			upsert: { op: 'create (no upsert)', parameters: { resource: 'contact', operation: 'create', name: '={{ $json.name }}', additionalFields: { email: '={{ $json.email }}', inbox_id: inboxId } } },
			messages: { op: 'message create', parameters: { resource: 'message', operation: 'create', conversationId: '={{ $json.conversation }}', content: '={{ $json.text }}' } },
			create: { op: 'contact create', parameters: { resource: 'contact', operation: 'create', name: '={{ $json.name }}', additionalFields: { email: '={{ $json.email }}', inbox_id: inboxId } } },
		},
		{
			pkg: '@rjsebening/n8n-nodes-chatwoot',
			credential: ['chatwootApplicationApi', { url, accessToken: token }],
			type: '@rjsebening/n8n-nodes-chatwoot.chatWootApplication',
			list: { op: 'List Contacts (no return all: page 1 only)', returnAll: false, parameters: { resource: 'Contacts', operation: 'List Contacts', account_id: accountId } },
			upsert: { op: 'create (no upsert)', parameters: { resource: 'Contacts', operation: 'Create Contact', account_id: accountId, inbox_id: inboxId, additionalOptions: { name: '={{ $json.name }}', email: '={{ $json.email }}' } } },
			messages: { op: 'Create New Message', parameters: { resource: 'Messages', operation: 'Create New Message', account_id: accountId, conversation_id: '={{ $json.conversation }}', content: '={{ $json.text }}' } },
			create: { op: 'Create Contact', parameters: { resource: 'Contacts', operation: 'Create Contact', account_id: accountId, inbox_id: inboxId, additionalOptions: { name: '={{ $json.name }}', email: '={{ $json.email }}' } } },
		},
		{
			// gessuvik/n8n-nodes-chatwoot-for-n8n: the account comes from the credential; it has a real upsert (search by
			// email via /contacts/search, then PATCH or POST) and Return All
			pkg: 'n8n-nodes-chatwoot-for-n8n',
			credential: ['chatwootApi', { baseUrl: url, accessToken: token, accountId, verifyWebhookSignatures: true, ignoreSslIssues: false }],
			type: 'n8n-nodes-chatwoot-for-n8n.chatwoot',
			list: { op: 'get many, return all', returnAll: true, parameters: { resource: 'contact', operation: 'getMany', returnAll: true } },
			upsert: {
				op: 'upsert (search by email, then update or create)',
				parameters: { resource: 'contact', operation: 'upsert', matchBy: 'email', matchValue: '={{ $json.email }}', inboxId, upsertFields: { name: '={{ $json.name }}', email: '={{ $json.email }}' } },
			},
			messages: { op: 'message send', parameters: { resource: 'message', operation: 'send', conversationId: '={{ $json.conversation }}', content: '={{ $json.text }}' } },
			create: { op: 'contact create', parameters: { resource: 'contact', operation: 'create', inboxId, name: '={{ $json.name }}', email: '={{ $json.email }}' } },
		},
		{
			pkg: '@fazer-ai/n8n-nodes-chatwoot',
			credential: ['fazerAiChatwootApi', { url, accessToken: token }],
			type: '@fazer-ai/n8n-nodes-chatwoot.chatwoot',
			list: { op: 'contact list (no return all: page 1 only)', returnAll: false, parameters: { resource: 'contact', operation: 'list', accountId: rl(accountId), page: 1 } },
			upsert: { op: 'create (no upsert)', parameters: { resource: 'contact', operation: 'create', accountId: rl(accountId), name: '={{ $json.name }}', email: '={{ $json.email }}' } },
			messages: { op: 'conversation sendMessage', parameters: { resource: 'conversation', operation: 'sendMessage', accountId: rl(accountId), inboxId: rl(inboxId), conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' }, content: '={{ $json.text }}' } },
			create: { op: 'contact create', parameters: { resource: 'contact', operation: 'create', accountId: rl(accountId), name: '={{ $json.name }}', email: '={{ $json.email }}' } },
		},
	];
}

const NODE_NAME = 'Chatwoot';

/** Manual Trigger → Code (the items of `jsCode`) → the package's node. */
function codeWorkflow(name, node, jsCode) {
	return {
		name,
		nodes: [
			{ id: crypto.randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: crypto.randomUUID(), name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode } },
			{ id: crypto.randomUUID(), position: [440, 0], ...node },
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Every contact id in the node's output, however the package shapes it (one item per contact, or pages). */
function contactIdsIn(items) {
	const ids = [];
	const walk = (v) => {
		if (Array.isArray(v)) v.forEach(walk);
		else if (v && typeof v === 'object') {
			if (typeof v.id === 'number' && 'email' in v && 'phone_number' in v) ids.push(v.id);
			else Object.values(v).forEach(walk);
		}
	};
	walk(items);
	return ids;
}

/**
 * The simulator emptied and one fresh account (administrator with a token, an API inbox) per package × workload,
 * seeded with the workload's records: every package starts from the same state, and what it leaves behind is
 * counted alone.
 */
async function freshAccount(sim, workload, size) {
	await sim.control('POST', '/reset');
	const account = await sim.seed('account', { name: 'Race' });
	const token = 'race-token-0123456789abcdef';
	await sim.seed('user', { name: 'Admin', email: 'admin@race.test', role: 'administrator', accountIds: [account.id], accessToken: token });
	const inbox = await sim.seed('inbox', { accountId: account.id, name: 'API', channelType: 'api' });
	const ctx = { url: sim.url, token, accountId: account.id, inboxId: inbox.id };
	if (workload === 'list') ctx.seeded = await sim.seedMany('contacts', { accountId: account.id, n: size.list });
	if (workload === 'messages') ctx.conversations = await sim.seedMany('conversations', { accountId: account.id, inboxId: inbox.id, n: size.conversations });
	return ctx;
}

/** The Code node's items and what the package runs, per workload. */
function workloadPlan(workload, racer, size, ctx, tag) {
	const contacts = (n) =>
		`const out = [];\nfor (let i = 0; i < ${n}; i++) out.push({ json: { name: 'Race ${tag} ' + i, email: '${tag}-' + i + '@race.test', phone: '+1416' + String(i).padStart(7, '0'), id: '${tag}-' + i, city: 'Lisbon' } });\nreturn out;`;
	switch (workload) {
		case 'list':
			return racer.list && { ...racer.list, count: size.list, jsCode: 'return [{ json: {} }];' };
		case 'upsert':
			return racer.upsert && { ...racer.upsert, count: size.upsert, jsCode: contacts(size.upsert) };
		case 'messages': {
			const conv = JSON.stringify(ctx.conversations);
			const jsCode = `const conv = ${conv};\nconst out = [];\nfor (let i = 0; i < ${size.messages}; i++) out.push({ json: { conversation: conv[i % conv.length], text: '${tag}:' + (i % conv.length) + '-' + i } });\nreturn out;`;
			return racer.messages && { ...racer.messages, count: size.messages, jsCode };
		}
		case 'burst':
			return racer.create && { ...racer.create, count: size.burst, jsCode: contacts(size.burst) };
		default:
			throw new Error(`unknown workload ${workload}`);
	}
}

/** Lost / duplicated / out of order, counted in the simulator's records (list: in the node's output). */
function countOutcome(workload, m, plan, ctx, tag) {
	if (workload === 'list') {
		const ids = contactIdsIn(m.items);
		const seeded = new Set(ctx.seeded);
		const seen = ids.filter((id) => seeded.has(id));
		const unique = new Set(seen).size;
		return { returned: unique, lost: seeded.size - unique, duplicated: seen.length - unique };
	}
	if (workload === 'messages') {
		const byId = new Map(m.state.conversations.filter((c) => c.account_id === ctx.accountId).map((c) => [c.id, []]));
		for (const msg of m.state.messages) if (byId.has(msg.conversation_id)) byId.get(msg.conversation_id).push(msg.content);
		const s = messageSummary([...byId.values()], `${tag}:`);
		return { stored: s.total - s.duplicated, lost: plan.count - (s.total - s.duplicated), duplicated: s.duplicated, 'out of order': s.outOfOrder };
	}
	const mine = m.state.contacts.filter((c) => c.account_id === ctx.accountId && typeof c.email === 'string' && c.email.startsWith(`${tag}-`));
	const s = contactSummary(mine);
	return { stored: s.total - s.duplicateEmails, lost: plan.count - (s.total - s.duplicateEmails), duplicated: s.duplicateEmails };
}

const WORKLOAD_TITLES = (size) => ({
	list: `list all ${size.list} contacts`,
	upsert: `create or upsert ${size.upsert} contacts`,
	messages: `send ${size.messages} messages (${size.conversations} conversations)`,
	burst: `burst of ${size.burst} creates (limit ${size.burstLimit}/min, fast server)`,
});

/**
 * Each workload for each package loaded in this n8n, one after the other: a fresh account, the same simulator
 * conditions, fresh counters. Rows 1–3 under the capacity model; the burst against a fast server at a window start.
 */
async function race(n8n, sim, loaded, { instance, packages, workloads, size }) {
	const rows = [];
	const titles = WORKLOAD_TITLES(size);
	for (const workload of workloads) {
		for (const [index, pkgName] of packages.entries()) {
			const base = { package: pkgName, n8n: instance, workload: titles[workload] };
			if (!loaded.has(pkgName)) {
				rows.push({ ...base, result: 'not loaded' });
				continue;
			}
			const ctx = await freshAccount(sim, workload, size);
			const racer = racers(ctx).find((r) => r.pkg === pkgName);
			const tag = `${workload}${index}${pkgName.replace(/[^a-z0-9]/gi, '').slice(-8).toLowerCase()}`;
			const plan = workloadPlan(workload, racer, size, ctx, tag);
			if (!plan) {
				rows.push({ ...base, result: 'not supported' });
				continue;
			}
			const cred = await n8n.apiRaw('POST', '/credentials', { name: `Chatwoot (${pkgName}, ${tag})`, type: racer.credential[0], data: { allowedHttpRequestDomains: 'all', ...racer.credential[1] } });
			if (cred.status !== 200) {
				rows.push({ ...base, operation: plan.op, result: `credential ${racer.credential[0]} refused: HTTP ${cred.status} ${cred.text.slice(0, 160)}` });
				continue;
			}
			const node = { name: NODE_NAME, type: racer.type, typeVersion: 1, parameters: plan.parameters, credentials: { [racer.credential[0]]: { id: cred.json.id, name: cred.json.name } }, onError: 'continueRegularOutput' };
			const wf = await n8n.createWorkflow(codeWorkflow(`Race ${workload}: ${pkgName}`, node, plan.jsCode));
			if (workload === 'burst') {
				await atWindowStart();
				await sim.control('POST', '/latency', { ms: 0 });
				await sim.control('POST', '/capacity', {});
				await sim.control('POST', '/rate-limits', { ...PRODUCTION_LIMITS, perIpPerMinute: size.burstLimit });
			} else {
				await sim.control('POST', '/latency', { ms: LATENCY_MS });
				await sim.control('POST', '/capacity', CAPACITY);
				await sim.control('POST', '/rate-limits', PRODUCTION_LIMITS); // also starts fresh counters
			}
			const m = await measure(sim, n8n, wf.id, tag, plan.count, { nodeName: NODE_NAME });
			const outcome = countOutcome(workload, m, plan, ctx, tag);
			const firstError = m.firstError || m.runError;
			log(`peers race [${instance}] ${workload}: ${pkgName}: ${m.wallMs} ms, node ${m.nodeMs} ms, ${m.requests} requests, ${m.rateLimited} × 429, ${m.errorItems} error items, ${JSON.stringify(outcome)}${firstError ? `, first error: ${String(firstError).slice(0, 200)}` : ''}`);
			rows.push({
				...base,
				operation: plan.op,
				result: m.runError && !m.outputItems ? `run failed: ${String(m.runError).slice(0, 160)}` : 'ran',
				'wall s': round(m.wallMs / 1000, 1),
				'node s': round((m.nodeMs ?? NaN) / 1000, 1),
				requests: m.requests,
				'429s': m.rateLimited,
				'error items': m.errorItems,
				lost: outcome.lost,
				duplicated: outcome.duplicated,
				'out of order': outcome['out of order'],
				'first error': firstError ? String(firstError).replace(/\s+/g, ' ').slice(0, 120) : '',
			});
		}
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

/** Start one n8n with this package plus the given peers unpacked into its ~/.n8n/nodes; returns what loaded. */
async function startWithPeers(sources) {
	const n8n = await startInstance({ withPackage: true, owner: false, deferStart: true });
	const nodesDir = path.join(n8n.userFolder, '.n8n', 'nodes');
	const installed = [];
	for (const s of sources) {
		try {
			installed.push({ source: s.label, pkg: s.install(nodesDir) });
		} catch (error) {
			installed.push({ source: s.label, error: String(error.message || error).slice(0, 200) });
		}
	}
	const manifest = JSON.parse(fs.readFileSync(path.join(nodesDir, 'package.json'), 'utf8'));
	for (const i of installed) if (i.pkg) manifest.dependencies[i.pkg.name] = i.pkg.version;
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
	await n8n.start();
	await n8n.setupOwner(H.OWNER);
	await n8n.createApiKey();
	const types = (await n8n.exportNodeTypes()).map((t) => t.name);
	const logText = fs.readFileSync(path.join(n8n.logDir, 'n8n.log'), 'utf8');
	for (const i of installed) {
		if (!i.pkg) continue;
		i.dir = path.join(nodesDir, 'node_modules', i.pkg.name);
		i.credentials = await credentialTypesOf(i.dir, i.pkg);
	}
	return { n8n, nodesDir, installed, types, logText, loaded: new Set(types.map((t) => t.slice(0, t.lastIndexOf('.')))) };
}

async function runPeersBench() {
	const tarballs = (process.env.BENCH_PEERS || '').split(',').map((s) => s.trim()).filter(Boolean);
	// peers that declare a credential type another peer also declares (chatwootApi: @renatoascencio, @devlikeapro,
	// n8n-nodes-chatwoot-for-n8n) each get an n8n of their own, again next to this package
	const alone = (process.env.BENCH_PEERS_ALONE || '').split(',').map((s) => s.trim()).filter(Boolean);
	const size = workSizes();
	const workloads = (process.env.BENCH_PEER_WORKLOADS || ALL_WORKLOADS.join(',')).split(',').map((s) => s.trim()).filter((w) => ALL_WORKLOADS.includes(w));
	const ours = JSON.parse(fs.readFileSync(path.join(H.REPO, 'package.json'), 'utf8'));
	// @devlikeapro and @renatoascencio both declare the credential type chatwootApi: one n8n can run only one of
	// them, so @devlikeapro runs in a second n8n, again next to this package (each peer is compared with ours in
	// the same n8n).
	const instances = [
		{ label: 'n8n 1', sources: tarballs.map((tgz) => ({ label: path.basename(tgz), install: (dir) => unpack(tgz, dir) })) },
		{ label: 'n8n 2', sources: REGISTRY_PEERS.map((peer) => ({ label: `npm ${peer.name}@${peer.version}`, install: (dir) => fromRegistryCache(peer, dir) })) },
		...alone.map((tgz, i) => ({ label: `n8n ${i + 3}`, sources: [{ label: path.basename(tgz), install: (dir) => unpack(tgz, dir) }] })),
	];
	const sim = await H.startSimulator({ seed: 'demo' });
	let version = '';
	const raceRows = [];
	const loadRows = [];
	const credentialOwners = new Map();
	const started = Date.now();
	try {
		for (const inst of instances) {
			if (!inst.sources.length) continue;
			const t0 = Date.now();
			const { n8n, nodesDir, installed, types, logText, loaded } = await startWithPeers(inst.sources);
			version = n8n.version;
			try {
				const packages = [ours.name, ...installed.filter((i) => i.pkg).map((i) => i.pkg.name)];
				raceRows.push(...(await race(n8n, sim, loaded, { instance: inst.label, packages, workloads, size })));
			} finally {
				await n8n.stop().catch((e) => log(`n8n stop: ${e.message}`));
			}
			log(`peers: ${inst.label} done in ${Math.round((Date.now() - t0) / 1000)} s`);
			const all = [...(loadRows.length ? [] : [{ source: 'this repository', pkg: ours, dir: path.join(nodesDir, 'node_modules', ours.name) }]), ...installed];
			for (const p of all) {
				if (!p.pkg) {
					loadRows.push({ package: p.source, version: '', n8n: inst.label, 'node types loaded': 0, 'node types declared': '', 'credential types': '', problem: p.error });
					continue;
				}
				const declared = ((p.pkg.n8n && p.pkg.n8n.nodes) || []).length;
				const loadedTypes = types.filter((t) => t.startsWith(`${p.pkg.name}.`));
				const creds = p.credentials || (await credentialTypesOf(p.dir, p.pkg));
				for (const c of creds) credentialOwners.set(c, [...(credentialOwners.get(c) || []), p.pkg.name]);
				const escaped = p.pkg.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
				const errorLines = logText.split('\n').filter((l) => new RegExp(escaped).test(l) && /error|fail|could not/i.test(l));
				loadRows.push({
					package: p.pkg.name,
					version: p.pkg.version,
					n8n: inst.label,
					'node types loaded': loadedTypes.length,
					'node types declared': declared,
					'credential types': creds.join(', '),
					problem: loadedTypes.length < declared ? (errorLines[0] || 'fewer node types than declared').slice(0, 300) : '',
				});
			}
		}
	} finally {
		await sim.stop().catch(() => undefined);
	}
	log(`peers: race done in ${Math.round((Date.now() - started) / 1000)} s`);
	const titles = WORKLOAD_TITLES(size);
	const targets = workloads.map((w) => {
		const ranRows = raceRows.filter((r) => r.workload === titles[w] && r.result === 'ran');
		const pairs = [];
		let met = ranRows.length > 0;
		for (const inst of new Set(ranRows.map((r) => r.n8n))) {
			const here = ranRows.filter((r) => r.n8n === inst);
			const o = here.find((r) => r.package === ours.name);
			if (!o) {
				met = false;
				continue;
			}
			// a package that did less of the work (lost records, a first page only) is not faster at this work
			const complete = here.filter((r) => r !== o && r.lost === 0);
			met = met && o.lost === 0 && o.duplicated === 0 && complete.every((r) => !(r['node s'] < o['node s']));
			pairs.push(`${inst}: ${here.map((r) => `${r.package === ours.name ? 'ours' : r.package} ${r['node s']} s (${r.lost} lost, ${r.duplicated} dup)`).join(', ')}`);
		}
		return {
			label: `${titles[w]}: ours the fastest (node time) of the packages in the same n8n that did the whole work, 0 lost, 0 duplicated`,
			met,
			detail: pairs.join('; ') || 'no run',
		};
	});
	const scaleText = size.scale === 1 ? '' : ` Sizes scaled by BENCH_PEER_SCALE=${size.scale} (the same for every package).`;
	const raceResult = {
		name: 'n8n-peers-race',
		title: 'Every Chatwoot package on the same work: list all, create/upsert, messages, a burst above the minute limit',
		setup:
			`n8n ${version}; per package and workload: Manual Trigger → Code (the items) → the package's node with "continue on error", run by \`n8n execute\` (wall time includes the CLI's boot; node s = the node's own execution time). ` +
			`Before each run the simulator is emptied and one fresh account is seeded (administrator token, API inbox, plus ${size.list} contacts for list-all or ${size.conversations} conversations for messages), so every package starts from the same state and counters (requests, 429s) are its own. ` +
			`List all / create-upsert / messages: simulator capacity ${CAPACITY.threads} threads × ${CAPACITY.serviceMs} ms + ${LATENCY_MS} ms latency, Chatwoot's production rate limits (3,000/min per IP, 100 contact searches/min). ` +
			`Create/upsert: ${size.upsert} new contacts (name, email; ours also identifier, phone, city), upsert where the package has one, else create. Messages: ${size.messages} messages round-robin into the ${size.conversations} seeded conversations. ` +
			`Burst: ${size.burst} contact creates against ${size.burstLimit}/min per IP (fixed clock minutes, started at a window boundary) with NO capacity model and no latency. ` +
			`Lost / duplicated / out of order are counted in the simulator's records (list all: seeded contacts missing from or repeated in the node's output). ` +
			`@devlikeapro/n8n-nodes-chatwoot and @renatoascencio/n8n-nodes-chatwoot both declare the credential type chatwootApi, so one n8n cannot run both: @devlikeapro runs in a second n8n ("n8n 2") together with this package${alone.length ? ', and each package of BENCH_PEERS_ALONE (n8n-nodes-chatwoot-for-n8n declares chatwootApi too) in one more ("n8n 3", …)' : ''}; each peer is compared with ours in the same n8n.${scaleText}`,
		rows: raceRows.map((r) => {
			const keys = ['package', 'n8n', 'workload', 'operation', 'result', 'wall s', 'node s', 'requests', '429s', 'error items', 'lost', 'duplicated', 'out of order', 'first error'];
			return Object.fromEntries(keys.map((k) => [k, r[k] ?? '']));
		}),
		targets,
		notes: [
			'A package without "return all" returns only the first page (15 contacts): its lost count is the contacts it did not return.',
			'first error = the first error item\'s message (shortened); a package can produce error items although the record was stored (lost 0).',
			`Workloads run: ${workloads.join(', ')}${workloads.length < ALL_WORKLOADS.length ? ` (BENCH_PEER_WORKLOADS; not run: ${ALL_WORKLOADS.filter((w) => !workloads.includes(w)).join(', ')})` : ''}.`,
		],
	};
	const clashes = [...credentialOwners]
		.map(([type, owners]) => [type, [...new Set(owners)]])
		.filter(([, owners]) => owners.length > 1)
		.map(([type, owners]) => `${type}: ${owners.join(' + ')}`);
	const oursRow = loadRows.find((r) => r.package === ours.name);
	return [
		{
			name: 'n8n-peers',
			title: 'Every Chatwoot package next to this one in n8n: what loads, and what clashes',
			setup: `n8n ${version}; this package plus the other Chatwoot packages unpacked into ~/.n8n/nodes before start: the GitHub peers in "n8n 1", @devlikeapro/n8n-nodes-chatwoot in "n8n 2" (it declares the same credential type as @renatoascencio)${alone.length ? ', each package of BENCH_PEERS_ALONE in an n8n of its own ("n8n 3", …)' : ''}; node types from \`n8n export:nodes\`, failures from n8n's log. Peers from GitHub built outside the repository from their default branch (npm install --ignore-scripts from the npm registry, then their own build command); @devlikeapro from the npm registry.`,
			rows: loadRows,
			targets: oursRow
				? [
						{
							label: 'This package loads next to every other Chatwoot package (no credential-type clash with any of them)',
							// n8n registers an extra "…Tool" type for every node with usableAsTool, so loaded ≥ declared
							met: oursRow['node types loaded'] >= oursRow['node types declared'] && !clashes.some((c) => c.includes(ours.name)),
							detail: `${oursRow['node types loaded']}/${oursRow['node types declared']} node types; credential clashes among the others: ${clashes.join('; ') || 'none'}`,
						},
					]
				: [],
			notes: [
				clashes.length ? `Credential types declared by more than one package (only one definition can win in n8n): ${clashes.join('; ')}.` : 'No credential type is declared twice.',
				'serversmx/n8n-nodes-chatwoot is not in the table: it is published under the same name as its parent (@renatoascencio/n8n-nodes-chatwoot 0.9.0, same credential types) and its tree could not be rebuilt here (no snapshot; the search index holds only the files that differ from the parent). gessuvik/n8n-nodes-chatwoot-for-n8n (npm name n8n-nodes-chatwoot-for-n8n) was rebuilt from the search index (its source files, built with tsc) — see bench/README.md.',
			],
		},
		raceResult,
	];
}

module.exports = { runPeersBench };
