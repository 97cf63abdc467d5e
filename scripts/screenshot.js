#!/usr/bin/env node
'use strict';
/**
 * `npm run screenshot`: docs/n8n-editor.png — n8n's editor showing a Chatwoot workflow (examples/seed-flow.json after
 * a run against the simulator), taken with headless Chromium (Debian's `chromium` package, driven by playwright-core).
 * Env: CHROMIUM (default /usr/bin/chromium), SCREENSHOT_OUT (default docs/n8n-editor.png).
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const h = require('../test/e2e/harness');

const OUT = path.resolve(h.REPO, process.env.SCREENSHOT_OUT || 'docs/n8n-editor.png');
const EXAMPLE = process.env.SCREENSHOT_EXAMPLE || 'seed-flow.json';

async function main() {
	let sim;
	let n8n;
	let browser;
	try {
		sim = await h.startSimulator({ seed: 'demo' });
		n8n = await h.startN8n();
		const cred = await n8n.createCredential('Chatwoot account', 'chatwootSuiteApi', {
			baseUrl: sim.info.url,
			accessToken: sim.info.token,
			accountId: sim.info.accountId,
		});
		const wf = await n8n.createWorkflow(h.loadExample(EXAMPLE), { chatwootSuiteApi: { id: cred.id, name: cred.name } });
		const run = await n8n.execute(wf.id);
		if (!run.ok) throw new Error(`the example did not run:\n${run.output.slice(-2000)}`);

		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
			headless: true,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		const context = await browser.newContext({ viewport: { width: 1440, height: 810 }, deviceScaleFactor: 1 });
		const [name, value] = n8n.cookie.split('=');
		await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/', httpOnly: true, secure: false, sameSite: 'Lax' }]);
		const page = await context.newPage();
		await page.goto(`${n8n.baseUrl}/workflow/${wf.id}`, { waitUntil: 'networkidle', timeout: 60000 });
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60000 });
		// close whatever onboarding / notification overlays this n8n version shows
		for (let i = 0; i < 3; i++) {
			await page.keyboard.press('Escape');
			await page.waitForTimeout(300);
		}
		await page.waitForTimeout(1500);
		fs.mkdirSync(path.dirname(OUT), { recursive: true });
		await page.screenshot({ path: OUT });
		const nodes = await page.locator('[data-test-id="canvas-node"]').count();
		console.log(`saved ${path.relative(h.REPO, OUT)} (n8n ${n8n.version}, "${wf.name}", ${nodes} nodes on the canvas)`);
		// and one node opened: its parameters as a user sees them
		const nodeOut = OUT.replace(/\.png$/, '-node.png');
		await page.locator('[data-test-id="canvas-node"]', { hasText: 'Start Conversation' }).dblclick();
		await page.waitForSelector('[data-test-id="ndv"]', { timeout: 30000 });
		await page.waitForTimeout(1500);
		await page.screenshot({ path: nodeOut });
		console.log(`saved ${path.relative(h.REPO, nodeOut)} (the "Start Conversation" node opened)`);
	} finally {
		if (browser) await browser.close().catch(() => undefined);
		if (n8n) await n8n.stop().catch(() => undefined);
		if (sim) await sim.stop().catch(() => undefined);
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
