'use strict';
/**
 * The simulator in its own process, like a real Chatwoot server: in one process its JSON work
 * would share the event loop with the node under test and inflate the parallel timings.
 * The parent talks to it over IPC; the operations are the `ops` below.
 */
const path = require('path');
const { fork } = require('child_process');

if (require.main === module) {
	const { startSimulator } = require(path.resolve(__dirname, '../test/simulator'));
	const { messageSummary, contactSummary } = require('./summaries');
	let sim;
	const ops = {
		async start() {
			sim = await startSimulator();
			return sim.url;
		},
		reset: () => sim.reset(),
		seedAccount(token) {
			const account = sim.seed.account({ name: 'Bench' });
			sim.seed.user({ name: 'Admin', email: 'admin@bench.test', role: 'administrator', accountIds: [account.id], accessToken: token });
			return account.id;
		},
		/** n contacts; keyed(i) = { identifier, email } of bench/upsert.js's person i when `keys` says so. */
		seedContacts(accountId, n, keyPrefix) {
			sim.seed.many.contacts(accountId, n, keyPrefix ? (i) => ({ identifier: `${keyPrefix}${i * 2}`, email: `person${i * 2}@example.com`, phone_number: `+1415${String(i * 2).padStart(7, '0')}`, name: 'Old' }) : undefined);
			return n;
		},
		seedInbox(accountId) {
			return sim.seed.inbox({ accountId, name: 'API', channelType: 'api' }).id;
		},
		/** n conversations (each with its own contact) in the inbox; returns their display ids. */
		seedConversations(accountId, inboxId, n) {
			return sim.seed.many.conversations(accountId, inboxId, n).map((c) => c.display_id);
		},
		messageSummary(accountId, displayIds, prefix) {
			return messageSummary(
				displayIds.map((id) => sim.find.messages(accountId, id).map((m) => m.content)),
				prefix,
			);
		},
		setCapacity: (cfg) => sim.setCapacity(cfg),
		inflight: () => sim.inflightStats(),
		resetInflight: () => sim.resetInflight(),
		setLatency: (ms) => sim.setLatency(ms),
		setRateLimits: (limits) => sim.setRateLimits(limits),
		stats: () => ({ ...sim.stats(), logged: sim.requests.length }),
		requestCounts() {
			const counts = {};
			for (const r of sim.requests) {
				const key = `${r.method} ${r.path.replace(/\/\d+/g, '/:id')}`;
				counts[key] = (counts[key] || 0) + 1;
			}
			return counts;
		},
		/** Contacts of the account: total, distinct identifiers/emails, duplicates. */
		contactSummary(accountId) {
			return contactSummary(sim.db.contacts.filter((c) => c.account_id === accountId));
		},
		async close() {
			await sim.close();
			setImmediate(() => process.exit(0));
		},
	};
	process.on('message', async ({ id, op, args }) => {
		try {
			process.send({ id, result: await ops[op](...(args || [])) });
		} catch (error) {
			process.send({ id, error: String((error && error.stack) || error) });
		}
	});
} else {
	/** Starts the simulator in a child process; returns { url, call(op, ...args), close() }. */
	module.exports.startRemoteSimulator = async function startRemoteSimulator() {
		const child = fork(__filename, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		let next = 0;
		const pending = new Map();
		child.on('message', ({ id, result, error }) => {
			const p = pending.get(id);
			pending.delete(id);
			if (error) p.reject(new Error(error));
			else p.resolve(result);
		});
		const call = (op, ...args) =>
			new Promise((resolve, reject) => {
				const id = next++;
				pending.set(id, { resolve, reject });
				child.send({ id, op, args });
			});
		const url = await call('start');
		return {
			url,
			call,
			async close() {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				await call('close');
				await exited;
			},
		};
	};
}
