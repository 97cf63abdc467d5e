#!/usr/bin/env node
'use strict';
/**
 * `npm start`: a local demo of n8n-nodes-chatwoot-suite without a Chatwoot server.
 *
 * Builds and packs the package, starts the Chatwoot simulator (demo data), starts a real n8n (installed into a cache
 * folder on first use) with the package installed, creates the owner, a credential pointing at the simulator, imports
 * the example workflows (the trigger one active) and prints how to log in and how to send a customer message.
 * Ctrl-C stops everything it started (the trigger is deactivated first, so its webhook is removed again).
 *
 * Options: --check   start, send one customer message, wait for the auto-reply, stop, exit 0 (a smoke test)
 * Env:     DEMO_N8N_PORT (default 5690), DEMO_SIM_PORT (default 3100), E2E_N8N_VERSION, E2E_NODE_BINARY
 */
const fs = require('fs');
const net = require('net');
const path = require('path');

const h = require('../test/e2e/harness');

const REPO = h.REPO;
const DEMO_DIR = path.join(REPO, '.e2e', 'demo');
const TRIGGER_TYPE = 'n8n-nodes-chatwoot-suite.chatwootTrigger';

function portFree(port) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

async function pickPort(preferred) {
	if (preferred && preferred !== 5678 && preferred !== 5679 && (await portFree(preferred))) return preferred;
	return h.freePort();
}

async function main() {
	const check = process.argv.includes('--check');
	const started = Date.now();
	let sim;
	let n8n;
	let stopping = false;
	const stopAll = async (code) => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping (deactivating the trigger first, so its webhook is removed from the simulator)…');
		try {
			if (n8n)
				await n8n.stop({
					afterDeactivate: sim
						? () => sim.waitForState('n8n to remove its webhook', (st) => !n8n.registeredIn(st), { timeoutMs: 15000 })
						: undefined,
				});
		} catch (e) {
			console.error(`n8n stop: ${e.message}`);
		}
		try {
			if (sim) await sim.stop();
		} catch (e) {
			console.error(`simulator stop: ${e.message}`);
		}
		console.log('Stopped.');
		process.exit(code);
	};
	process.on('SIGINT', () => stopAll(0));
	process.on('SIGTERM', () => stopAll(0));

	try {
		const version = process.env.E2E_N8N_VERSION || h.DEFAULT_N8N_VERSION;
		console.log(`Building and packing n8n-nodes-chatwoot-suite…`);
		await h.packPackage();
		console.log(`Making sure n8n ${version} is installed (first time only: several minutes)…`);
		await h.ensureN8n(version);

		fs.rmSync(DEMO_DIR, { recursive: true, force: true });
		fs.mkdirSync(DEMO_DIR, { recursive: true });

		console.log('Starting the Chatwoot simulator (demo data)…');
		sim = await h.startSimulator({ seed: 'demo', port: await pickPort(Number(process.env.DEMO_SIM_PORT || 3100)), workDir: DEMO_DIR });
		const info = sim.info;

		console.log('Starting n8n with the package…');
		n8n = await h.startN8n({
			version,
			userFolder: path.join(DEMO_DIR, 'n8n'),
			logDir: DEMO_DIR,
			port: await pickPort(Number(process.env.DEMO_N8N_PORT || 5690)),
		});

		const cred = await n8n.createCredential('Chatwoot account', 'chatwootSuiteApi', {
			baseUrl: info.url,
			accessToken: info.token,
			accountId: info.accountId,
		});
		const clientCred = await n8n.createCredential('Chatwoot Client (demo)', 'chatwootSuiteClientApi', {
			baseUrl: info.url,
			inboxIdentifier: info.inbox_identifier,
		});
		const platformCred = await n8n.createCredential('Chatwoot Platform (demo)', 'chatwootSuitePlatformApi', {
			baseUrl: info.url,
			accessToken: info.platformToken,
		});
		// examples/platform-provisioning.json acts in the account it just created (README → Chatwoot Platform)
		const handover = await n8n.createCredentialInEditor('Chatwoot (the new account)', 'chatwootSuiteApi', {
			baseUrl: info.url,
			accessToken: "={{ $('Create Admin User').item.json.access_token }}",
			accountId: "={{ $('Create Account').item.json.id }}",
		});
		const credentials = {
			chatwootSuiteApi: { id: cred.id, name: cred.name },
			chatwootSuiteClientApi: { id: clientCred.id, name: clientCred.name },
			chatwootSuitePlatformApi: { id: platformCred.id, name: platformCred.name },
			chatwootProvisionedAccount: { id: handover.id, name: handover.name },
		};
		const imported = [];
		for (const file of fs.readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.json')).sort()) {
			const example = h.loadExample(file);
			const wf = await n8n.createWorkflow(example, credentials);
			const isTrigger = example.nodes.some((n) => n.type === TRIGGER_TYPE);
			if (isTrigger) {
				await n8n.activate(wf.id);
				// newer n8n versions register triggers after the API answered
				const node = example.nodes.find((n) => n.type === TRIGGER_TYPE);
				const url = `${n8n.webhookBase}webhook/${node.webhookId}/webhook`;
				await sim.waitForState('the trigger to register its webhook', (st) => st.webhooks.some((w) => w.url === url) || st.inboxes.some((i) => i.webhook_url === url));
			}
			imported.push({ file, id: wf.id, name: wf.name, active: isTrigger });
		}

		const curl = `curl -s -X POST ${info.url}/__sim/customer-message -H 'content-type: application/json' \\\n    -d '{"inboxId":${info.apiInboxId},"name":"Jane Doe","content":"Hello, my order has not arrived."}'`;
		const lines = [
			'',
			'================ n8n-nodes-chatwoot-suite demo is running ================',
			`n8n ${n8n.version}:        ${n8n.baseUrl}/`,
			`  log in with:        ${n8n.owner.email} / ${n8n.owner.password}`,
			`Chatwoot simulator:   ${info.url}  (account ${info.accountId}, API inbox ${info.apiInboxId} "Website API")`,
			`  credential "Chatwoot account" → ${info.url}, token ${info.token} (the simulator's demo admin)`,
			'Workflows:',
			...imported.map((w) => `  ${w.active ? '[active]  ' : '[manual]  '}${w.name}   ${n8n.baseUrl}/workflow/${w.id}`),
			'',
			'Send a customer message (the active auto-reply workflow answers it):',
			`  ${curl}`,
			'Then look at the conversation (id from the answer above, "conversation":{"id":…}):',
			`  curl -s ${info.url}/api/v1/accounts/${info.accountId}/conversations/<id>/messages -H 'api_access_token: ${info.token}'`,
			`and at the execution in n8n: ${n8n.baseUrl}/home/executions`,
			'',
			`Logs: ${DEMO_DIR}  ·  ready in ${((Date.now() - started) / 1000).toFixed(0)} s  ·  Ctrl-C stops everything`,
			'====================================================================',
		];
		console.log(lines.join('\n'));

		if (check) {
			const trigger = imported.find((w) => w.active);
			const sent = await sim.customerMessage({ inboxId: info.apiInboxId, name: 'Jane Doe', content: 'Hello, my order has not arrived.' });
			await sim.flush();
			const [exec] = await n8n.waitForExecutions(trigger.id, 1);
			await sim.flush();
			const state = await sim.state();
			const conv = state.conversations.find((c) => c.display_id === sent.conversation.id);
			const reply = state.messages.find((m) => m.conversation_id === conv.id && m.message_type === 'outgoing');
			console.log(`check: execution ${exec.id} ${exec.status}; reply in conversation ${sent.conversation.id}: ${JSON.stringify(reply && reply.content)}`);
			await stopAll(exec.status === 'success' && reply ? 0 : 1);
		}
	} catch (e) {
		console.error(`\nThe demo could not start: ${e.message}`);
		await stopAll(1);
	}
}

main();
