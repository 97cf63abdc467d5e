/**
 * Chatwoot Platform → User and Agent Bot, against the simulator's Platform API.
 * Oracles ported from Chatwoot's own specs (v4.15.0, f66b551c), cited file:line:
 * spec/controllers/platform/api/v1/users_controller_spec.rb (U) and agent_bots_controller_spec.rb (B).
 */
import type { IDataObject } from 'n8n-workflow';

import { checkContract, errorText, listSearch, owned, platform, platformError, rl, seedBasics, startEnv, USER_TOKEN } from './setup';
import type { Env, Simulator } from './setup';

describe('Chatwoot Platform: user', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
	});
	afterEach(() => checkContract(sim));

	const stored = (id: unknown): IDataObject => sim.db.users.find((u: IDataObject) => u.id === Number(id));
	const create = async (email = 'test@test.com') =>
		(
			await platform(env, 'user', 'create', {
				name: 'test',
				email,
				password: 'Password1!',
				additionalFields: { displayName: 'displaytest', customAttributes: '{"test": "test_create"}' },
			})
		)[0];

	// U:145-181 creates a new user and its permissible; the output carries the user's access token
	it('creates a user owned by this Platform App, with an access token that works on the Application API', async () => {
		const user = await create();
		expect(user).toMatchObject({ name: 'test', display_name: 'displaytest', email: 'test@test.com', custom_attributes: { test: 'test_create' } });
		expect(owned(env)).toContain(`User:${String(user.id)}`);
		expect(stored(user.id)).toMatchObject({ email: 'test@test.com', access_token: user.access_token });
		const profile = await fetch(`${sim.url}/api/v1/profile`, { headers: { api_access_token: String(user.access_token) } });
		expect(profile.status).toBe(200);
	});

	// U:183-192 fetches the existing user (unchanged) and creates the permissible
	it('returns the existing user for a known email, unchanged, and this app may use it from then on', async () => {
		const [user] = await platform(env, 'user', 'create', { name: 'renamed?', email: 'UI-Admin@example.test', password: 'Password1!' });
		expect(user).toMatchObject({ id: env.foreign.userId, name: 'UI Admin' });
		expect(owned(env)).toContain(`User:${env.foreign.userId}`);
		const [again] = await platform(env, 'user', 'get', { userId: String(env.foreign.userId) });
		expect(again.id).toBe(env.foreign.userId);
	});

	it('explains a refused password (devise-secure_password) and creates nothing', async () => {
		const error = await platformError(env, 'user', 'create', { name: 'Ann', email: 'ann@example.test', password: 'password' });
		expect(error.httpCode).toBe('422');
		expect(errorText(error)).toMatch(/Chatwoot rejected the data: .*uppercase/);
		expect(errorText(error)).toMatch(/Fields: password/);
		expect(sim.db.users.some((u: IDataObject) => u.email === 'ann@example.test')).toBe(false);
	});

	// U:29-39 shows a permissible user with its custom attributes
	it('gets a user it created', async () => {
		const created = await create();
		const [user] = await platform(env, 'user', 'get', { userId: String(created.id) });
		expect(user).toMatchObject({ email: 'test@test.com', custom_attributes: { test: 'test_create' } });
	});

	// U:220-232 updates name, email and custom attributes (merged: keys not sent stay)
	it('updates name, email and merges custom attributes', async () => {
		const created = await create();
		await platform(env, 'user', 'update', { userId: String(created.id), updateFields: { customAttributes: '{"other": 1}' } });
		const [user] = await platform(env, 'user', 'update', {
			userId: String(created.id),
			updateFields: { name: 'test123', email: 'newtestemail@test.com', customAttributes: '{"test": "test_update"}' },
		});
		expect(user).toMatchObject({ name: 'test123', email: 'newtestemail@test.com', custom_attributes: { test: 'test_update', other: 1 } });
		expect(stored(created.id)).toMatchObject({ email: 'newtestemail@test.com' });
	});

	// U:66-75 returns a login link with the url-encoded email and an sso_auth_token
	it('gets a single sign-on login URL', async () => {
		const created = await create('dev+testing@chatwoot.com');
		const [out] = await platform(env, 'user', 'getLoginUrl', { userId: String(created.id) });
		expect(out.user_id).toBe(created.id);
		expect(String(out.url)).toContain('email=dev%2Btesting%40chatwoot.com&sso_auth_token=');
		expect(String(out.url).startsWith(`${sim.url}/app/login?`)).toBe(true);
	});

	// U:259-265 deletes the user
	it('deletes a user it created', async () => {
		const created = await create();
		const [out] = await platform(env, 'user', 'delete', { userId: String(created.id) });
		expect(out).toEqual({ deleted: true, id: created.id });
		expect(stored(created.id)).toBeUndefined();
	});

	// U:24-27, U:61-64, U:214-218, U:254-257: 401 when it is not a permissible object
	it.each([
		['get', {}],
		['getLoginUrl', {}],
		['update', { updateFields: { name: 'Hijacked' } }],
		['delete', {}],
	])('%s on a user this app did not create: explains the ownership rule, changes nothing', async (operation, extra) => {
		const error = await platformError(env, 'user', operation, { userId: String(env.foreign.userId), ...extra });
		expect(error.httpCode).toBe('401');
		expect(error.message).toBe(`This Platform App may not access user ${env.foreign.userId}`);
		expect(error.description).toMatch(/did not create it/);
		expect(stored(env.foreign.userId)).toMatchObject({ name: 'UI Admin' });
	});

	// U:14-19 an invalid platform app token is refused; here a real user's token (platform_controller.rb:22-25)
	it("refuses a user's access token in the credential and says which token is needed", async () => {
		const error = await platformError(env, 'user', 'get', { userId: String(env.foreign.userId) }, { credential: { accessToken: USER_TOKEN } });
		expect(error.httpCode).toBe('401');
		expect(error.message).toBe('Chatwoot did not accept the Platform App token');
		expect(error.description).toMatch(/Super Admin → Platform Apps/);
		expect(errorText(error)).not.toContain(USER_TOKEN);
	});
});

describe('Chatwoot Platform: agent bot', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
	});
	afterEach(() => checkContract(sim));

	const stored = (id: unknown): IDataObject => sim.db.agentBots.find((b: IDataObject) => b.id === Number(id));

	// B:24-29 an app that created no bot lists none, although other bots exist
	it('lists nothing while this app created no bot', async () => {
		expect(await platform(env, 'agentBot', 'getAll', { returnAll: true })).toEqual([]);
	});

	// B:113-121 creates a bot and its permissible
	it('creates an agent bot owned by this Platform App', async () => {
		const [account] = await platform(env, 'account', 'create', { name: 'Customer' });
		const [bot] = await platform(env, 'agentBot', 'create', {
			name: 'test',
			additionalFields: { description: 'Answers FAQs', outgoingUrl: 'https://n8n.example.test/webhook/bot', accountId: account.id },
		});
		expect(bot).toMatchObject({ name: 'test', description: 'Answers FAQs', outgoing_url: 'https://n8n.example.test/webhook/bot', account_id: account.id });
		expect(typeof bot.access_token).toBe('string');
		expect(owned(env)).toContain(`AgentBot:${String(bot.id)}`);
		expect(stored(bot.id)).toMatchObject({ name: 'test', account_id: account.id });
	});

	it('creates an installation-wide bot when no account is given', async () => {
		const [bot] = await platform(env, 'agentBot', 'create', { name: 'Global', additionalFields: { accountId: 0 } });
		expect(bot.account_id).toBeNull();
		expect(sim.requests.at(-1).body).toEqual({ name: 'Global' });
	});

	// B:31-41 lists its own bots; B:81-91 shows one; B:149-157 updates; B:197-204 deletes
	it('lists, gets, updates and deletes its own bots', async () => {
		const [bot] = await platform(env, 'agentBot', 'create', { name: 'test', additionalFields: { outgoingUrl: 'https://a.example.test' } });
		const list = await platform(env, 'agentBot', 'getAll', { returnAll: true });
		expect(list.map((b) => b.outgoing_url)).toEqual(['https://a.example.test']);
		const search = await listSearch(env, 'searchAgentBots', 'tes', 'parameters.agentBotId');
		expect(search.results).toEqual([{ name: `test (#${String(bot.id)})`, value: String(bot.id) }]);
		const [got] = await platform(env, 'agentBot', 'get', { agentBotId: rl(String(bot.id)) });
		expect(got).toMatchObject({ name: 'test', outgoing_url: 'https://a.example.test' });
		const [updated] = await platform(env, 'agentBot', 'update', { agentBotId: rl(String(bot.id)), updateFields: { name: 'test123' } });
		expect(updated.name).toBe('test123');
		expect(stored(bot.id).name).toBe('test123');
		const [out] = await platform(env, 'agentBot', 'delete', { agentBotId: rl(String(bot.id)) });
		expect(out).toEqual({ deleted: true, id: bot.id });
		expect(stored(bot.id)).toBeUndefined();
		expect(await platform(env, 'agentBot', 'getAll', { returnAll: true })).toEqual([]);
	});

	// B:76-79, B:143-147: 401 when it is not a permissible object (this bot belongs to another app)
	it.each([
		['get', {}],
		['update', { updateFields: { name: 'Hijacked' } }],
		['delete', {}],
	])('%s on a bot another app created: explains the ownership rule, changes nothing', async (operation, extra) => {
		const error = await platformError(env, 'agentBot', operation, { agentBotId: rl(env.foreign.botId), ...extra });
		expect(error.httpCode).toBe('401');
		expect(error.message).toBe(`This Platform App may not access agent bot ${env.foreign.botId}`);
		expect(stored(env.foreign.botId)).toMatchObject({ name: 'Other bot' });
	});
});
