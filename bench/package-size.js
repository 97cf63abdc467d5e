#!/usr/bin/env node
'use strict';
/** Package footprint: what `npm pack` would publish, and runtime dependencies (target: none). */
const { execFileSync } = require('child_process');
const path = require('path');
const { ROOT, writeResult } = require('./lib-results');

const pkg = require(path.join(ROOT, 'package.json'));
const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const files = pack.files || [];
const js = files.filter((f) => f.path.endsWith('.js'));
const maps = files.filter((f) => f.path.endsWith('.map'));
const dependencies = Object.keys(pkg.dependencies || {});
const kib = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const row = {
	variant: `${pack.name}@${pack.version}`,
	'tarball KiB': kib(pack.size),
	'unpacked KiB': kib(pack.unpackedSize),
	files: pack.entryCount,
	'.js files': js.length,
	'.js KiB': kib(js.reduce((sum, f) => sum + f.size, 0)),
	'source maps': maps.length,
	'source maps KiB': kib(maps.reduce((sum, f) => sum + f.size, 0)),
	'.d.ts KiB': kib(files.filter((f) => f.path.endsWith('.d.ts')).reduce((sum, f) => sum + f.size, 0)),
	'runtime dependencies': dependencies.length,
	peerDependencies: Object.keys(pkg.peerDependencies || {}).join(', '),
};
console.log(row);
writeResult({
	name: 'package-size',
	title: 'Package size',
	setup: '`npm pack --dry-run --json` of the current build (dist/ + index.js, as listed in package.json "files"); runtime dependencies from package.json.',
	rows: [row],
	targets: [{ name: 'runtime dependencies: 0', measured: String(dependencies.length), met: dependencies.length === 0 }],
	notes: dependencies.length ? [`Runtime dependencies: ${dependencies.join(', ')}`] : ['Shipped code imports only n8n-workflow (peer dependency, provided by n8n) and Node built-ins.'],
});
