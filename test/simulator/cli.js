#!/usr/bin/env node
'use strict';
// Usage: node test/simulator/cli.js [--port 3100] [--host 127.0.0.1] [--seed demo] [--latency 0]
const { startSimulator, seedDemo } = require('./index');

function args(argv) {
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) continue;
		const [k, inline] = a.slice(2).split('=');
		const v = inline !== undefined ? inline : argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
		out[k] = v;
	}
	return out;
}

(async () => {
	const a = args(process.argv.slice(2));
	if (a.help) {
		console.log('node test/simulator/cli.js [--port 3100] [--host 127.0.0.1] [--seed demo] [--latency 0] [--no-signing]');
		return;
	}
	const sim = await startSimulator({ port: a.port ? Number(a.port) : 0, host: a.host || '127.0.0.1', latencyMs: Number(a.latency || 0), webhookSecrets: !a['no-signing'] });
	const info = a.seed === 'demo' ? seedDemo(sim) : { url: sim.url };
	process.stdout.write(JSON.stringify(info) + '\n');
	const stop = async () => {
		await sim.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})().catch((e) => {
	console.error(e);
	process.exit(1);
});
