'use strict';
/**
 * Shared helpers for the in-process benchmarks. They run the BUILT node (dist/, `npm run build`
 * first) inside n8n-core's real execution context (test/helpers/n8n-harness.ts, transpiled on
 * load with the project's TypeScript) against the Chatwoot simulator over loopback.
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const { ROOT, writeResult, machine } = require('./lib-results');

// Load the TypeScript test harness without a build step (type-only imports are erased).
require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
		fileName: filename,
	});
	module._compile(outputText, filename);
};

function requireDist(relative) {
	const file = path.join(ROOT, 'dist', relative);
	if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`);
	return require(file);
}

const { runNode } = require(path.join(ROOT, 'test/helpers/n8n-harness.ts'));
const { startRemoteSimulator } = require('./sim-process');
const { Chatwoot } = requireDist('nodes/Chatwoot/Chatwoot.node.js');
const { ChatwootSuiteApi } = requireDist('credentials/ChatwootSuiteApi.credentials.js');

const TOKEN = 'bench-token-0123456789abcdef';

/** Chatwoot's production Rack::Attack limits (config/initializers/rack_attack.rb). */
const PRODUCTION_LIMITS = { perIpPerMinute: 3000, contactSearchPerMinute: 100, conversationsMetaPerMinute: 30 };

/** Resets the (out-of-process) simulator and seeds an account with an administrator whose token is TOKEN. */
async function seedAccount(sim) {
	await sim.call('reset');
	return await sim.call('seedAccount', TOKEN);
}

/** Runs the Chatwoot node once; returns output json items and wall time in ms. */
async function runChatwoot(sim, accountId, parameters, items) {
	const started = process.hrtime.bigint();
	const output = await runNode(new Chatwoot(), {
		parameters,
		credentials: [
			{ type: 'chatwootSuiteApi', data: { baseUrl: sim.url, accessToken: TOKEN, accountId }, credentialClass: new ChatwootSuiteApi() },
		],
		items,
		continueOnFail: true,
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	return { ms, out: (output[0] || []).map((item) => item.json) };
}

const seconds = (ms) => Math.round(ms) / 1000;
const ratio = (a, b) => Math.round((a / b) * 100) / 100;

module.exports = { ROOT, TOKEN, PRODUCTION_LIMITS, startRemoteSimulator, seedAccount, runChatwoot, writeResult, machine, seconds, ratio };
