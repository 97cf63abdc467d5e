#!/usr/bin/env node
'use strict';
/**
 * `npm run lint:n8n-node`: n8n's own checker, `n8n-node lint` from @n8n/node-cli, exactly as n8n asks package
 * authors to run it before verification — in strict mode, i.e. with the template eslint config
 * (`import { config } from '@n8n/node-cli/eslint'`), not ours.
 *
 * Why a staging copy: @n8n/node-cli pulls ~700 MB (LangChain and friends through @n8n/ai-node-sdk), too much for a
 * devDependency of a package with zero runtime dependencies, and its strict mode requires the template eslint config
 * byte for byte, while our eslint.config.mjs adds import boundaries between node folders on top of the same rules.
 * So: node-cli is installed once into ~/.cache/n8n-chatwoot-e2e/node-cli-<version> (--ignore-scripts), and
 * nodes/, credentials/, icons/, package.json and tsconfig.json are copied into a temp folder next to the template
 * config, where `n8n-node lint` runs. Exit code = n8n-node's (eslint's) exit code.
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const VERSION = process.env.N8N_NODE_CLI_VERSION || '0.48.3';
const REPO = path.resolve(__dirname, '..');
const CACHE = process.env.E2E_CACHE_DIR || path.join(os.homedir(), '.cache', 'n8n-chatwoot-e2e');
const cliDir = path.join(CACHE, `node-cli-${VERSION}`);
const cliBin = path.join(cliDir, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');

if (!fs.existsSync(cliBin)) {
	fs.mkdirSync(cliDir, { recursive: true });
	fs.writeFileSync(path.join(cliDir, 'package.json'), JSON.stringify({ name: 'node-cli-host', private: true }) + '\n');
	console.log(`[n8n-node lint] installing @n8n/node-cli@${VERSION} into ${cliDir}`);
	execFileSync('npm', ['install', `@n8n/node-cli@${VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: cliDir, stdio: 'inherit' });
}

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-node-lint-'));
try {
	for (const entry of ['nodes', 'credentials', 'icons', 'package.json', 'tsconfig.json']) {
		fs.cpSync(path.join(REPO, entry), path.join(stage, entry), { recursive: true });
	}
	const template = path.join(cliDir, 'node_modules', '@n8n', 'node-cli', 'dist', 'template', 'templates', 'shared', 'default', 'eslint.config.mjs');
	fs.copyFileSync(template, path.join(stage, 'eslint.config.mjs'));
	fs.symlinkSync(path.join(cliDir, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
	const env = { ...process.env, PATH: `${path.join(cliDir, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`, FORCE_COLOR: '0' };
	const run = spawnSync(process.execPath, [cliBin, 'lint'], { cwd: stage, env, encoding: 'utf8' });
	const output = `${run.stdout}${run.stderr}`;
	process.stdout.write(output);
	// n8n-node prints eslint's report; with none, the package passed
	const problems = /✖ (\d+) problems? \((\d+) errors?, (\d+) warnings?\)/.exec(output);
	console.log(problems ? `[n8n-node lint] ${problems[2]} errors, ${problems[3]} warnings` : '[n8n-node lint] 0 errors, 0 warnings');
	process.exitCode = run.status ?? 1;
} finally {
	fs.rmSync(stage, { recursive: true, force: true });
}
