'use strict';
/** Writing bench/results/<name>.json (schema in bench/README.md) and describing the machine. */
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'results');

function machine() {
	return {
		nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
		cpu: (os.cpus()[0] || {}).model || 'unknown',
		memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
	};
}

/** Writes bench/results/<name>.json (the schema is described in bench/README.md). */
function writeResult(result) {
	fs.mkdirSync(RESULTS, { recursive: true });
	const full = { date: new Date().toISOString(), machine: machine(), ...result };
	const file = path.join(RESULTS, `${result.name}.json`);
	fs.writeFileSync(file, `${JSON.stringify(full, null, '\t')}\n`);
	console.log(`wrote ${path.relative(ROOT, file)}`);
	return full;
}

module.exports = { ROOT, RESULTS, machine, writeResult };
