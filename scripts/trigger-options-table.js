#!/usr/bin/env node
'use strict';
/**
 * Writes the Chatwoot Trigger's options table in README.md from the built node description, so the README uses
 * the names the editor shows. `node scripts/trigger-options-table.js --check` fails when README.md is out of date
 * (used by test/package/triggerOptions.test.ts). Run `npm run build` first.
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const START = '<!-- trigger-options:start -->';
const END = '<!-- trigger-options:end -->';

function description() {
	const file = path.join(root, 'dist', 'nodes', 'ChatwootTrigger', 'ChatwootTrigger.node.js');
	return new (require(file).ChatwootTrigger)().description;
}

function shownDefault(option) {
	const value = option.default;
	if (option.type === 'boolean') return value ? 'on' : 'off';
	if (Array.isArray(value)) return value.length ? value.join(', ') : 'none (all)';
	if (value === '' || value === undefined || value === null) return '–';
	return String(value);
}

/** Plain text for a table cell: links keep their text, pipes are escaped. */
function cell(text) {
	return String(text ?? '')
		.replace(/<a [^>]*>([^<]*)<\/a>/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/\|/g, '\\|')
		.trim();
}

function table() {
	const options = description().properties.find((p) => p.name === 'options' && p.type === 'collection').options;
	const rows = ['| Option (as the editor shows it) | Default | What it does |', '|---|---|---|'];
	for (const option of options) {
		rows.push(`| **${cell(option.displayName)}** (\`${option.name}\`) | ${shownDefault(option)} | ${cell(option.description)} |`);
	}
	return rows.join('\n');
}

function render() {
	return [START, '', table(), '', END].join('\n');
}

function main() {
	const readmePath = path.join(root, 'README.md');
	const readme = fs.readFileSync(readmePath, 'utf8');
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < 0) throw new Error(`README.md has no ${START} … ${END} markers`);
	const next = readme.slice(0, start) + render() + readme.slice(end + END.length);
	if (process.argv.includes('--check')) {
		if (next !== readme) {
			console.error('README.md trigger options table is out of date: run `npm run build && node scripts/trigger-options-table.js`');
			process.exit(1);
		}
		console.log('README.md trigger options table is up to date.');
		return;
	}
	fs.writeFileSync(readmePath, next);
	console.log('README.md trigger options table written.');
}

main();
