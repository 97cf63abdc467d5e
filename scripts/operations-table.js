#!/usr/bin/env node
'use strict';
/**
 * Writes the operations tables of README.md from the built node descriptions, so the README
 * always lists what the nodes really offer. `node scripts/operations-table.js --check` fails
 * when README.md is out of date (used by the test suite).
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';

function load(file, cls) {
	return new (require(path.join(root, 'dist', file))[cls])().description;
}

function fieldsOf(properties, resource, operation) {
	return properties.filter((p) => {
		const show = (p.displayOptions && p.displayOptions.show) || {};
		return (show.resource || []).includes(resource) && (show.operation || []).includes(operation);
	});
}

function keyFields(fields) {
	return fields
		.filter((f) => f.required && f.type !== 'notice')
		.map((f) => `\`${f.name}\``)
		.join(', ');
}

function table(description) {
	const resources = description.properties.find((p) => p.name === 'resource').options;
	const rows = ['| Resource | Operation | What it does | Key fields (required; some only in one mode) |', '|---|---|---|---|'];
	for (const resource of resources) {
		const selector = description.properties.find(
			(p) => p.name === 'operation' && ((p.displayOptions || {}).show || {}).resource?.includes(resource.value),
		);
		for (const op of selector.options) {
			const fields = fieldsOf(description.properties, resource.value, op.value);
			rows.push(`| ${resource.name} | ${op.name} (\`${op.value}\`) | ${op.description} | ${keyFields(fields) || '–'} |`);
		}
	}
	return rows.join('\n');
}

function render() {
	const action = load('nodes/Chatwoot/Chatwoot.node.js', 'Chatwoot');
	const client = load('nodes/ChatwootClient/ChatwootClient.node.js', 'ChatwootClient');
	const platform = load('nodes/ChatwootPlatform/ChatwootPlatform.node.js', 'ChatwootPlatform');
	return [
		START,
		'',
		'### Chatwoot (agent side, `n8n-nodes-chatwoot-suite.chatwoot`)',
		'',
		table(action),
		'',
		'### Chatwoot Client (customer side, `n8n-nodes-chatwoot-suite.chatwootClient`)',
		'',
		table(client),
		'',
		'### Chatwoot Platform (provisioning, `n8n-nodes-chatwoot-suite.chatwootPlatform`)',
		'',
		table(platform),
		'',
		END,
	].join('\n');
}

const readmePath = path.join(root, 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start === -1 || end === -1) throw new Error('README.md has no operations markers');
const updated = readme.slice(0, start) + render() + readme.slice(end + END.length);
if (process.argv.includes('--check')) {
	if (updated !== readme) {
		console.error('README.md operations tables are out of date: run `node scripts/operations-table.js`.');
		process.exit(1);
	}
	console.log('README.md operations tables are up to date.');
} else {
	fs.writeFileSync(readmePath, updated);
	console.log('README.md operations tables written.');
}
