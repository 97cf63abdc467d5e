#!/usr/bin/env node
'use strict';
/**
 * The in-process benchmarks, one after the other (each in its own Node process):
 *   node bench/run.js                 # limit, package-size (≈ 3 min; needs `npm run build`)
 *   node bench/run.js limit           # just one
 * The real-n8n benchmarks are bench/n8n/run.js; `node bench/report.js` merges all results.
 */
const { spawnSync } = require('child_process');
const path = require('path');

const ALL = ['limit', 'package-size'];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
for (const name of chosen) {
	if (!ALL.includes(name)) {
		console.error(`unknown benchmark "${name}" (one of ${ALL.join(', ')})`);
		process.exit(2);
	}
	console.log(`\n== ${name}`);
	const { status } = spawnSync(process.execPath, [path.join(__dirname, `${name}.js`)], { stdio: 'inherit' });
	if (status !== 0) process.exit(status || 1);
}
