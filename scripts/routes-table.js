#!/usr/bin/env node
'use strict';
/**
 * Writes the "Chatwoot routes" table of README.md (route → resource/operation, or why none) from the
 * route table the coverage test checks (nodes/Chatwoot/actions/routes.ts, built to dist/).
 * `node scripts/routes-table.js --check` fails when README.md is out of date.
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const START = '<!-- routes:start -->';
const END = '<!-- routes:end -->';

function cell(row) {
	if (row.to && row.to.length) return row.to.map((op) => `\`${op}\``).join(', ');
	if (row.pending && row.pending.length) return `pending: ${row.pending.map((op) => `\`${op}\``).join(', ')}`;
	return `— ${row.excluded}`;
}

/** The table as Markdown, with a count line. */
function render(routes) {
	const reached = routes.filter((r) => r.to && r.to.length).length;
	const excluded = routes.filter((r) => r.excluded).length;
	const pending = routes.filter((r) => r.pending && r.pending.length).length;
	const spec = routes.filter((r) => r.source === 'spec').length;
	const lines = [
		START,
		'',
		`${routes.length} routes (${spec} from Chatwoot's spec, the others from API-NOTES): ${reached} reached by an operation, ${excluded} left out on purpose, ${pending} pending.`,
		'',
		'| Method | Chatwoot route | Source | Resource.operation (or why none) |',
		'|---|---|---|---|',
		...routes.map((r) => `| ${r.method} | \`${r.path.replace('/api/v1/accounts/{account_id}', '…').replace('/api/v2/accounts/{account_id}', 'v2 …')}\` | ${r.source} | ${cell(r)} |`),
		'',
		END,
	];
	return lines.join('\n');
}

function update(readme, routes) {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start === -1 || end === -1) throw new Error('README.md has no routes markers');
	return readme.slice(0, start) + render(routes) + readme.slice(end + END.length);
}

module.exports = { render, update };

if (require.main === module) {
	const { CHATWOOT_ROUTES } = require(path.join(root, 'dist/nodes/Chatwoot/actions/routes.js'));
	const readmePath = path.join(root, 'README.md');
	const readme = fs.readFileSync(readmePath, 'utf8');
	const updated = update(readme, CHATWOOT_ROUTES);
	if (process.argv.includes('--check')) {
		if (updated !== readme) {
			console.error('README.md routes table is out of date: run `npm run build && node scripts/routes-table.js`.');
			process.exit(1);
		}
		console.log('README.md routes table is up to date.');
	} else {
		fs.writeFileSync(readmePath, updated);
		console.log('README.md routes table written.');
	}
}
