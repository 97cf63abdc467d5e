#!/usr/bin/env node
'use strict';
// Throughput measurement: node test/simulator/bench.js [N=20000] [concurrency=32]
const http = require('http');
const { startSimulator } = require('./index');
const { seedDemo } = require('./demo');

async function run(sim, label, n, conc, pathFn, token) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: conc });
	const u = new URL(sim.url);
	let i = 0;
	const one = () =>
		new Promise((resolve, reject) => {
			const req = http.request({ host: u.hostname, port: u.port, path: pathFn(i), method: 'GET', agent, headers: { api_access_token: token } }, (res) => {
				res.resume();
				res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
			});
			req.on('error', reject);
			req.end();
		});
	const worker = async () => {
		while (i < n) {
			i++;
			await one();
		}
	};
	const t0 = process.hrtime.bigint();
	await Promise.all(Array.from({ length: conc }, worker));
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	agent.destroy();
	const rps = Math.round((n / ms) * 1000);
	console.log(`${label.padEnd(34)} ${String(n).padStart(6)} req  ${ms.toFixed(0).padStart(6)} ms  ${String(rps).padStart(6)} req/s`);
	return rps;
}

(async () => {
	const n = Number(process.argv[2] || 20000);
	const conc = Number(process.argv[3] || 32);
	const t0 = process.hrtime.bigint();
	const sim = await startSimulator();
	const startMs = Number(process.hrtime.bigint() - t0) / 1e6;
	const d = seedDemo(sim);
	sim.seed.many.contacts(d.account.id, 1000);
	const acc = `/api/v1/accounts/${d.account.id}`;
	console.log(`simulator start: ${startMs.toFixed(1)} ms; node ${process.version}; concurrency ${conc}`);
	await run(sim, 'GET /profile', n, conc, () => '/api/v1/profile', d.token);
	await run(sim, 'GET /conversations/:id', n, conc, (i) => `${acc}/conversations/${(i % 8) + 1}`, d.token);
	await run(sim, 'GET /contacts?page=k (1020 contacts)', Math.round(n / 4), conc, (i) => `${acc}/contacts?page=${(i % 60) + 1}`, d.token);
	await sim.close();
})();
