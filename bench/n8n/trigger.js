'use strict';
/**
 * Benchmark 1 — trigger throughput in a real n8n.
 *
 * Ours: Chatwoot Trigger (account webhook, signature check, Message Types = incoming, private notes excluded) → NoOp.
 * Baseline: n8n's bare Webhook node (POST, respond immediately, like the trigger) → NoOp.
 * Both are active in the same n8n at the same time and get the same payloads (real message_created webhook bodies
 * captured from the simulator, varied per delivery), signed like Chatwoot signs them (API-NOTES §4.3) with the
 * secret of the webhook record our trigger registered on activation. The baseline ignores the signature headers.
 *
 *  - "all pass": N incoming messages per workflow, ABBA rounds (ours, baseline, baseline, ours) → deliveries/s
 *    acknowledged and deliveries/s fully processed (until the last execution finished).
 *  - "90 % filtered": N deliveries per workflow, 90 % outgoing replies / private notes, 10 % incoming → executions
 *    created (ours: only for the incoming ones; baseline: one per delivery) and the throughput of that mix.
 */
const crypto = require('crypto');

const { H, log, median, percentile, round, loadLoop, signDelivery, waitForFinishedExecutions, allExecutions } = require('./lib');

function wf(name, nodes, connections) {
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

function oursWorkflow(webhookId, cred) {
	return wf(
		'Bench: Chatwoot Trigger → NoOp',
		[
			{
				id: crypto.randomUUID(),
				name: 'Chatwoot Trigger',
				type: 'n8n-nodes-chatwoot-suite.chatwootTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { source: 'accountWebhook', events: ['message_created'], options: { messageTypes: ['incoming'] } },
				credentials: { chatwootSuiteApi: cred },
			},
			{ id: crypto.randomUUID(), name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		{ 'Chatwoot Trigger': { main: [[{ node: 'NoOp', type: 'main', index: 0 }]] } },
	);
}

function baselineWorkflow(webhookId, path) {
	// The bare Webhook node with the same response mode as the trigger (answer on receipt) → NoOp: the same
	// two-node shape as ours, so the ratio compares the trigger's own work (signature, filters, output shape).
	return wf(
		'Bench: Webhook → NoOp',
		[
			{
				id: crypto.randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			{ id: crypto.randomUUID(), name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		{ Webhook: { main: [[{ node: 'NoOp', type: 'main', index: 0 }]] } },
	);
}

/** Real message_created bodies (incoming, outgoing reply, private note) as the simulator delivers them. */
async function capturePayloads(sim) {
	const accountId = sim.info.accountId;
	const sink = `http://127.0.0.1:9/bench-capture-${crypto.randomUUID()}`;
	const hook = await sim.seed('webhook', { accountId, url: sink, subscriptions: ['message_created'] });
	const state = await sim.state();
	const conv = state.conversations.find((c) => c.account_id === accountId && c.inbox_id === sim.info.apiInboxId && c.status === 'open');
	const agentPost = async (body) => {
		const r = await H.httpJson('POST', `${sim.url}/api/v1/accounts/${accountId}/conversations/${conv.display_id}/messages`, {
			body,
			headers: { api_access_token: sim.info.agentToken },
		});
		if (r.status !== 200) throw new Error(`agent message: HTTP ${r.status} ${r.text}`);
		return r.json;
	};
	const incoming = await sim.customerMessage({ inboxId: sim.info.apiInboxId, conversationId: conv.display_id, contactId: conv.contact_id, content: 'Where is my parcel?' });
	const outgoing = await agentPost({ content: 'It ships today.', message_type: 'outgoing' });
	const note = await agentPost({ content: 'Internal: check the warehouse', message_type: 'outgoing', private: true });
	await sim.flush();
	const deliveries = (await sim.deliveries()).filter((d) => d.url === sink);
	const body = (id) => {
		const d = deliveries.find((x) => x.messageId === id);
		if (!d) throw new Error(`no captured delivery for message ${id}`);
		return JSON.parse(d.body);
	};
	// remove the capture webhook again (Application API, as an admin)
	await H.httpJson('DELETE', `${sim.url}/api/v1/accounts/${accountId}/webhooks/${hook.id}`, { headers: { api_access_token: sim.info.token } });
	return { incoming: body(incoming.message.id), outgoing: body(outgoing.id), private: body(note.id) };
}

/** `n` signed deliveries; `kinds(i)` picks incoming / outgoing / private for delivery i. */
function buildDeliveries(templates, secret, n, kinds, tag) {
	const out = [];
	for (let i = 0; i < n; i++) {
		const kind = kinds(i);
		const p = structuredClone(templates[kind]);
		p.id = 1_000_000 + i;
		p.content = `${tag} ${kind} #${i}`;
		p.created_at = new Date().toISOString();
		const raw = JSON.stringify(p);
		out.push({ kind, body: raw, headers: signDelivery(secret, raw) });
	}
	return out;
}

async function runRound(n8n, wfId, url, deliveries, concurrency) {
	const before = (await allExecutions(n8n, wfId)).length;
	const startedAt = Date.now();
	const r = await loadLoop(url, deliveries, concurrency);
	const expected = deliveries.filter((d) => d.expect).length;
	const list = await waitForFinishedExecutions(n8n, wfId, before + expected, { timeoutMs: 600000 });
	// give stragglers (executions that should not exist) a moment to show up
	await H.sleep(500);
	const after = await allExecutions(n8n, wfId);
	const fresh = after.filter((e) => Date.parse(e.startedAt) >= startedAt - 1000);
	// "Fully processed" = until the last execution of the round stopped (n8n's stoppedAt). The old figure fell back
	// to the last HTTP answer whenever that was later, which hid the execution time; now the fallback is counted.
	const stops = fresh.map((e) => Date.parse(e.stoppedAt)).filter(Number.isFinite);
	const lastStop = stops.length ? Math.max(...stops) : NaN;
	const fallback = !Number.isFinite(lastStop) || lastStop < startedAt + r.wallMs;
	const doneMs = (fallback ? startedAt + r.wallMs : lastStop) - startedAt;
	return {
		count: deliveries.length,
		wallMs: r.wallMs,
		doneMs,
		latencies: r.latencies,
		statuses: r.statuses,
		executions: after.length - before,
		failedExecutions: fresh.filter((e) => e.status !== 'success').length,
		listLength: list.length,
		fresh: fresh.length,
		fallback,
		lastStopAfterAckMs: Number.isFinite(lastStop) ? lastStop - (startedAt + r.wallMs) : null,
	};
}

function summarize(rounds) {
	const count = rounds.reduce((a, r) => a + r.count, 0);
	const wallMs = rounds.reduce((a, r) => a + r.wallMs, 0);
	const doneMs = rounds.reduce((a, r) => a + r.doneMs, 0);
	const lat = rounds.flatMap((r) => r.latencies);
	const statuses = {};
	for (const r of rounds) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] || 0) + v;
	return {
		count,
		ackPerSec: count / (wallMs / 1000),
		donePerSec: count / (doneMs / 1000),
		p50: median(lat),
		p95: percentile(lat, 95),
		statuses,
		executions: rounds.reduce((a, r) => a + r.executions, 0),
		failedExecutions: rounds.reduce((a, r) => a + r.failedExecutions, 0),
	};
}

/**
 * @param {{ sim, n8n, cred, events?: number, concurrency?: number }} ctx
 */
async function runTriggerBench({ sim, n8n, cred, events = 2000, concurrency = 10, warmup = 100, roundSize = 250 }) {
	const templates = await capturePayloads(sim);
	const oursHookId = crypto.randomUUID();
	const baseHookId = crypto.randomUUID();
	const basePath = `bench-baseline-${baseHookId.slice(0, 8)}`;
	const ours = await n8n.createWorkflow(oursWorkflow(oursHookId, cred));
	const base = await n8n.createWorkflow(baselineWorkflow(baseHookId, basePath));
	await n8n.activate(ours.id);
	await n8n.activate(base.id);
	const oursUrl = `${n8n.webhookBase}webhook/${oursHookId}/webhook`;
	const baseUrl = `${n8n.webhookBase}webhook/${basePath}`;
	const hook = (await sim.state()).webhooks.find((w) => w.url === oursUrl);
	if (!hook || !hook.secret) throw new Error(`the trigger registered no signed webhook for ${oursUrl}`);
	const secret = hook.secret;
	log(`trigger bench: webhook ${hook.id} registered (secret ${secret.length} chars); ours ${oursUrl}, baseline ${baseUrl}`);

	const allIncoming = () => 'incoming';
	const mark = (list, pred) => list.map((d) => ({ ...d, expect: pred(d) }));
	try {
		// warm-up (JIT, SQLite, HTTP keep-alive), not counted
		for (const [id, url, expectAll] of [
			[ours.id, oursUrl, false],
			[base.id, baseUrl, true],
		]) {
			const w = mark(buildDeliveries(templates, secret, warmup, allIncoming, 'warmup'), (d) => expectAll || d.kind === 'incoming');
			await runRound(n8n, id, url, w, concurrency);
		}
		log(`trigger bench: warm-up done (${warmup} deliveries each)`);

		// all pass: short rounds in ABBA order (ours, baseline, baseline, ours, …) so that background load hits both alike
		const rounds = Math.max(2, Math.round(events / roundSize));
		const half = Math.ceil(events / rounds);
		const passRounds = { ours: [], base: [] };
		const pattern = [];
		for (let i = 0; i < rounds; i++) pattern.push(...(i % 2 === 0 ? ['ours', 'base'] : ['base', 'ours']));
		for (const which of pattern) {
			const d = mark(buildDeliveries(templates, secret, half, allIncoming, `pass-${which}`), () => true);
			const r = which === 'ours' ? await runRound(n8n, ours.id, oursUrl, d, concurrency) : await runRound(n8n, base.id, baseUrl, d, concurrency);
			passRounds[which].push(r);
			log(`trigger bench: all-pass round ${which}: ${half} deliveries, ack ${round(half / (r.wallMs / 1000), 1)}/s, done ${round(half / (r.doneMs / 1000), 1)}/s (${r.fresh} executions, last stop ${r.lastStopAfterAckMs} ms after the last answer${r.fallback ? ', fallback' : ''})`);
		}
		const pairRatios = passRounds.ours.map((r, i) => passRounds.base[i].doneMs / r.doneMs);

		// 90 % filtered: 9 of 10 deliveries are an agent's outgoing reply or a private note
		const mixKind = (i) => (i % 10 === 0 ? 'incoming' : i % 10 <= 6 ? 'outgoing' : 'private');
		const mixOurs = mark(buildDeliveries(templates, secret, events, mixKind, 'mix-ours'), (d) => d.kind === 'incoming');
		const mixBase = mark(buildDeliveries(templates, secret, events, mixKind, 'mix-base'), () => true);
		const mixO = await runRound(n8n, ours.id, oursUrl, mixOurs, concurrency);
		const mixB = await runRound(n8n, base.id, baseUrl, mixBase, concurrency);
		log(`trigger bench: 90% filtered: ours ${mixO.executions} executions, baseline ${mixB.executions}`);

		const o = summarize(passRounds.ours);
		const b = summarize(passRounds.base);
		const mo = summarize([mixO]);
		const mb = summarize([mixB]);
		const filteredCount = mixOurs.filter((d) => d.kind !== 'incoming').length;
		const incomingCount = events - filteredCount;
		const ratioDone = o.donePerSec / b.donePerSec;
		const ratioAck = o.ackPerSec / b.ackPerSec;
		const oursFilteredExecs = mixO.executions - incomingCount;
		const fmtStatuses = (s) => Object.entries(s).map(([k, v]) => `${k}×${v}`).join(', ');
		return {
			name: 'n8n-trigger-throughput',
			title: 'Trigger throughput in a real n8n: Chatwoot Trigger vs Webhook → NoOp',
			setup: `n8n ${n8n.version}, SQLite, regular mode, executions saved; ${events} signed message_created deliveries per workflow and phase, concurrency ${concurrency}, loopback, keep-alive; both workflows active in the same n8n; ${warmup}-delivery warm-up each; all-pass phase in ${rounds * 2} rounds of ${half} in ABBA order`,
			rows: [
				{ label: 'All pass — Chatwoot Trigger → NoOp, fully processed (until the last execution finished)', value: round(o.donePerSec, 1), unit: 'deliveries/s' },
				{ label: 'All pass — Webhook → NoOp, fully processed', value: round(b.donePerSec, 1), unit: 'deliveries/s' },
				{ label: 'All pass — Chatwoot Trigger, acknowledged (HTTP answers)', value: round(o.ackPerSec, 1), unit: 'deliveries/s' },
				{ label: 'All pass — Webhook → NoOp, acknowledged', value: round(b.ackPerSec, 1), unit: 'deliveries/s' },
				{ label: 'All pass — Chatwoot Trigger, answer latency p50 / p95', value: `${round(o.p50, 1)} / ${round(o.p95, 1)}`, unit: 'ms' },
				{ label: 'All pass — Webhook → NoOp, answer latency p50 / p95', value: `${round(b.p50, 1)} / ${round(b.p95, 1)}`, unit: 'ms' },
				{ label: 'All pass — HTTP statuses (ours | baseline)', value: `${fmtStatuses(o.statuses)} | ${fmtStatuses(b.statuses)}`, unit: '' },
				{ label: `All pass — executions created (ours | baseline), of ${o.count} each`, value: `${o.executions} | ${b.executions}`, unit: '' },
				{ label: `90 % filtered — executions created by the Chatwoot Trigger (${incomingCount} incoming + ${filteredCount} outgoing/private)`, value: mixO.executions, unit: 'executions' },
				{ label: `90 % filtered — executions created by Webhook → NoOp (same ${events} deliveries)`, value: mixB.executions, unit: 'executions' },
				{ label: '90 % filtered — executions for the filtered-out events (ours | baseline)', value: `${oursFilteredExecs} | ${mixB.executions - incomingCount}`, unit: '' },
				{ label: '90 % filtered — Chatwoot Trigger, fully processed', value: round(mo.donePerSec, 1), unit: 'deliveries/s' },
				{ label: '90 % filtered — Webhook → NoOp, fully processed', value: round(mb.donePerSec, 1), unit: 'deliveries/s' },
				{ label: '90 % filtered — HTTP statuses (ours | baseline)', value: `${fmtStatuses(mo.statuses)} | ${fmtStatuses(mb.statuses)}`, unit: '' },
				{ label: 'All pass — rounds whose last execution stopped before the last HTTP answer (fallback to the answer time), ours | baseline', value: `${passRounds.ours.filter((r) => r.fallback).length} | ${passRounds.base.filter((r) => r.fallback).length} of ${passRounds.ours.length}`, unit: '' },
				{ label: 'All pass — last execution stopped after the last answer, median ms (ours | baseline)', value: `${round(median(passRounds.ours.map((r) => r.lastStopAfterAckMs ?? NaN)), 0)} | ${round(median(passRounds.base.map((r) => r.lastStopAfterAckMs ?? NaN)), 0)}`, unit: 'ms' },
				{ label: 'Failed executions (all phases, ours | baseline)', value: `${o.failedExecutions + mo.failedExecutions} | ${b.failedExecutions + mb.failedExecutions}`, unit: '' },
			],
			ratios: [
				{ label: 'Chatwoot Trigger ÷ Webhook → NoOp, all pass, fully processed deliveries/s', value: round(ratioDone, 3) },
				{ label: 'Chatwoot Trigger ÷ Webhook → NoOp, all pass, acknowledged deliveries/s', value: round(ratioAck, 3) },
				{ label: `Chatwoot Trigger ÷ Webhook → NoOp, all pass, median of the ${pairRatios.length} round pairs (min–max ${round(Math.min(...pairRatios), 2)}–${round(Math.max(...pairRatios), 2)})`, value: round(median(pairRatios), 3) },
				{ label: 'Chatwoot Trigger ÷ Webhook → NoOp, 90 % filtered, fully processed deliveries/s', value: round(mo.donePerSec / mb.donePerSec, 3) },
				{ label: 'Executions created, 90 % filtered (ours ÷ baseline)', value: round(mixO.executions / mixB.executions, 3) },
			],
			targets: [
				{
					label: "Throughput ≥ 0.95 × the bare Webhook node's (all pass, fully processed, median of the round pairs)",
					met: median(pairRatios) >= 0.95,
					detail: `${round(o.donePerSec, 1)} vs ${round(b.donePerSec, 1)} deliveries/s = ${round(ratioDone, 3)}× (acknowledged: ${round(ratioAck, 3)}×; median of round pairs ${round(median(pairRatios), 3)}×); ours also checks the HMAC signature and timestamp of every delivery, the baseline checks none`,
				},
				{
					label: '0 executions for filtered-out events',
					met: oursFilteredExecs === 0 && mixO.executions === incomingCount,
					detail: `${mixO.executions} executions for ${incomingCount} incoming + ${filteredCount} filtered deliveries (baseline: ${mixB.executions})`,
				},
			],
		};
	} finally {
		await n8n.deactivate(ours.id).catch(() => undefined);
		await n8n.deactivate(base.id).catch(() => undefined);
	}
}

module.exports = { runTriggerBench, capturePayloads, buildDeliveries };
