/**
 * Chatwoot Platform node as a whole: its description, every operation of Chatwoot's Platform spec
 * (docs/chatwoot/platform_swagger.json, 17) reached through the node, per-item behaviour
 * (pairedItem, Continue On Fail) and writes that are never repeated after an uncertain failure.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';

import { ChatwootPlatform } from '../../../nodes/ChatwootPlatform/ChatwootPlatform.node';
import { resources } from '../../../nodes/ChatwootPlatform/actions/router';
import { findOperation } from '../../contract/spec';
import { checkContract, platform, platformItems, rl, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

const platformSpec = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/chatwoot/platform_swagger.json'), 'utf8')) as {
	paths: Record<string, Record<string, unknown>>;
};
const SPEC_OPERATIONS = Object.entries(platformSpec.paths).flatMap(([template, item]) =>
	Object.keys(item)
		.filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
		.map((m) => `${m.toUpperCase()} ${template}`),
);

describe('Chatwoot Platform node', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
	});
	afterEach(() => {
		sim.setFaults(null);
		checkContract(sim);
	});

	it('is usable as an AI tool, needs the Platform credential, and routes every operation it offers', () => {
		const { description } = new ChatwootPlatform();
		expect(description.name).toBe('chatwootPlatform');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'chatwootSuitePlatformApi', required: true }]);
		const resourceParam = description.properties.find((p) => p.name === 'resource')!;
		const offered = (resourceParam.options as Array<{ value: string }>).map((o) => o.value).sort();
		expect(offered).toEqual(['account', 'accountUser', 'agentBot', 'user']);
		for (const resource of offered) {
			const selector = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))!;
			const operations = (selector.options as Array<{ value: string }>).map((o) => o.value).sort();
			expect(operations).toEqual(Object.keys(resources[resource].operations).sort());
		}
	});

	it(`reaches all ${SPEC_OPERATIONS.length} operations of Chatwoot's Platform spec in one provisioning lifecycle`, async () => {
		expect(SPEC_OPERATIONS).toHaveLength(17);
		const [account] = await platform(env, 'account', 'create', { name: 'Customer' });
		const accountId = rl(String(account.id));
		await platform(env, 'account', 'get', { accountId });
		await platform(env, 'account', 'update', { accountId, updateFields: { locale: 'fr' } });
		const [user] = await platform(env, 'user', 'create', { name: 'Admin', email: 'admin@customer.test', password: 'Passw0rd!' });
		const userId = String(user.id);
		await platform(env, 'user', 'get', { userId });
		await platform(env, 'user', 'update', { userId, updateFields: { displayName: 'The Admin' } });
		await platform(env, 'user', 'getLoginUrl', { userId });
		await platform(env, 'accountUser', 'create', { accountId, userId, role: 'administrator' });
		await platform(env, 'accountUser', 'getAll', { accountId, returnAll: true });
		await platform(env, 'accountUser', 'delete', { accountId, userId });
		const [bot] = await platform(env, 'agentBot', 'create', { name: 'Bot' });
		const agentBotId = rl(String(bot.id));
		await platform(env, 'agentBot', 'getAll', { returnAll: true });
		await platform(env, 'agentBot', 'get', { agentBotId });
		await platform(env, 'agentBot', 'update', { agentBotId, updateFields: { description: 'FAQ' } });
		await platform(env, 'agentBot', 'delete', { agentBotId });
		await platform(env, 'user', 'delete', { userId });
		await platform(env, 'account', 'delete', { accountId });

		const reached = new Set(
			(sim.requests as Array<{ method: string; path: string; status: number }>).map((r) => {
				expect(r.status).toBe(200);
				const op = findOperation(r.method, r.path);
				return op ? `${op.method} ${op.template}` : `${r.method} ${r.path} (not in the spec)`;
			}),
		);
		expect([...reached].sort()).toEqual([...SPEC_OPERATIONS].sort());
	});

	it('pairs every output with its input and, with Continue On Fail, keeps going past a record of another app', async () => {
		const [a] = await platform(env, 'account', 'create', { name: 'Mine A' });
		const [b] = await platform(env, 'account', 'create', { name: 'Mine B' });
		const items = [a.id, env.foreign.accountId, b.id].map((id) => ({ json: { id } }));
		const out = await platformItems(env, 'account', 'get', { accountId: rl('={{ $json.id }}') }, { items, continueOnFail: true });
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.name).toBe('Mine A');
		expect(String(out[1].json.error)).toMatch(/^This Platform App may not access account \d+\. Account \d+ exists in Chatwoot, but this Platform App did not create it/);
		expect(out[2].json.name).toBe('Mine B');
	});

	it('never repeats an account create whose answer was lost (502 after it landed): one account, a clear error', async () => {
		sim.setFaults({ rate: 1, kinds: ['502'], methods: ['POST'], pathPattern: /^\/platform\/api\/v1\/accounts$/, when: 'after' });
		await expect(platform(env, 'account', 'create', { name: 'Once' })).rejects.toThrow(/server error \(HTTP 502\)/);
		expect(sim.db.accounts.filter((a: IDataObject) => a.name === 'Once')).toHaveLength(1);
		expect(sim.requests.filter((r: IDataObject) => r.method === 'POST')).toHaveLength(1);
	});

	it('retries a read after a 503 and succeeds', async () => {
		const [account] = await platform(env, 'account', 'create', { name: 'Readable' });
		sim.setFaults({ rate: 0.5, kinds: ['503'], methods: ['GET'], seed: 7 });
		const outputs = [];
		for (let i = 0; i < 4; i++) outputs.push(...(await platform(env, 'account', 'get', { accountId: rl(String(account.id)) })));
		expect(outputs.map((o) => o.name)).toEqual(['Readable', 'Readable', 'Readable', 'Readable']);
		expect(sim.requests.filter((r: IDataObject) => r.status === 503).length).toBeGreaterThan(0);
	}, 60_000);
});
