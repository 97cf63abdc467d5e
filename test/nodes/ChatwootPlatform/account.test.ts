/**
 * Chatwoot Platform → Account and Account User, against the simulator's Platform API.
 * Oracles ported from Chatwoot's own specs (v4.15.0, f66b551c), cited file:line:
 * spec/controllers/platform/api/v1/accounts_controller_spec.rb (A) and account_users_controller_spec.rb (AU).
 */
import type { IDataObject } from 'n8n-workflow';

import { checkContract, errorText, listSearch, owned, platform, platformError, rl, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

describe('Chatwoot Platform: account', () => {
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

	const stored = (id: unknown): IDataObject => sim.db.accounts.find((a: IDataObject) => a.id === Number(id));

	// A:25-31 creates the account and its permissible relationship; A:34-46 locale; A:69-77 limits
	it('creates an account with locale, limits, features and custom attributes, owned by this Platform App', async () => {
		const [account] = await platform(env, 'account', 'create', {
			name: 'Test Account',
			additionalFields: {
				locale: 'es',
				limits: '{"agents": 5, "inboxes": 10}',
				features: '{"help_center": true, "ip_lookup": true}',
				customAttributes: { plan: 'pro' },
				supportEmail: 'help@acme.test',
			},
		});
		expect(account).toMatchObject({
			name: 'Test Account',
			locale: 'es',
			limits: { agents: 5, inboxes: 10 },
			features: { help_center: true, ip_lookup: true },
			custom_attributes: { plan: 'pro' },
			support_email: 'help@acme.test',
			status: 'active',
		});
		expect(stored(account.id)).toMatchObject({ name: 'Test Account', locale: 'es', limits: { agents: 5, inboxes: 10 } });
		expect(owned(env)).toContain(`Account:${String(account.id)}`);
		const [request] = sim.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/platform/api/v1/accounts' });
		// only what the user set is sent
		expect(Object.keys(request.body).sort()).toEqual(['custom_attributes', 'features', 'limits', 'locale', 'name', 'support_email']);
	});

	it('names a malformed JSON field and sends nothing', async () => {
		const error = await platformError(env, 'account', 'create', { name: 'X', additionalFields: { limits: '{agents: 5' } });
		expect(error.message).toMatch(/"Limits" is not a valid JSON object/);
		expect(sim.requests).toHaveLength(0);
		expect(sim.db.accounts).toHaveLength(1);
	});

	// Account validates name presence → RecordInvalid → 422 {message, attributes}
	it('explains a validation error from Chatwoot', async () => {
		const error = await platformError(env, 'account', 'create', { name: ' ' });
		expect(error.httpCode).toBe('422');
		expect(errorText(error)).toMatch(/Chatwoot rejected the data: Name can't be blank/);
	});

	// A:140-149 shows an account when it is a permissible object
	it('gets an account it created', async () => {
		const [created] = await platform(env, 'account', 'create', { name: 'Mine' });
		const [account] = await platform(env, 'account', 'get', { accountId: rl(String(created.id)) });
		expect(account).toEqual(created);
	});

	// A:135-138, A:172-176, A:221-224: 401 when it is not a permissible object
	it.each([
		['get', {}],
		['update', { updateFields: { name: 'Hijacked' } }],
		['delete', {}],
	])('%s on an account this app did not create: explains the ownership rule, changes nothing', async (operation, extra) => {
		const error = await platformError(env, 'account', operation, { accountId: rl(env.foreign.accountId), ...extra });
		expect(error.httpCode).toBe('401');
		expect(error.message).toBe(`This Platform App may not access account ${env.foreign.accountId}`);
		expect(error.description).toMatch(/did not create it/);
		expect(error.description).toMatch(/only the accounts, users and agent bots it created itself/);
		expect(stored(env.foreign.accountId)).toMatchObject({ name: 'Made in the UI' });
	});

	it('says when the account does not exist', async () => {
		const error = await platformError(env, 'account', 'get', { accountId: rl(999) });
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Account 999 was not found in Chatwoot');
	});

	// A:106-113 returns all permissible accounts (and only those)
	it('lists only the accounts this app created, honouring the limit', async () => {
		await platform(env, 'account', 'create', { name: 'Account A' });
		await platform(env, 'account', 'create', { name: 'Account B' });
		const all = await platform(env, 'account', 'getAll', { returnAll: true });
		expect(all.map((a) => a.name)).toEqual(['Account A', 'Account B']);
		const one = await platform(env, 'account', 'getAll', { returnAll: false, limit: 1 });
		expect(one.map((a) => a.name)).toEqual(['Account A']);
		const search = await listSearch(env, 'searchAccounts', 'b');
		expect(search.results).toEqual([{ name: 'Account B (#3)', value: '3' }]);
	});

	// A:178-199 updates name, features (false disables) and limits
	it('updates name, features and limits', async () => {
		const [created] = await platform(env, 'account', 'create', {
			name: 'Before',
			additionalFields: { features: '{"inbox_management": true, "channel_facebook": true}' },
		});
		const [updated] = await platform(env, 'account', 'update', {
			accountId: rl(String(created.id)),
			updateFields: {
				name: 'Test Account',
				features: '{"ip_lookup": true, "help_center": true, "channel_facebook": false}',
				limits: '{"agents": 5, "inboxes": 10}',
				status: 'suspended',
			},
		});
		expect(updated.name).toBe('Test Account');
		expect(Object.keys(updated.features as IDataObject).sort()).toEqual(['help_center', 'inbox_management', 'ip_lookup']);
		expect(stored(created.id)).toMatchObject({ name: 'Test Account', status: 'suspended', limits: { agents: 5, inboxes: 10 } });
	});

	it('refuses an update without fields before calling Chatwoot', async () => {
		const error = await platformError(env, 'account', 'update', { accountId: rl(1), updateFields: {} });
		expect(error.message).toBe('Nothing to update');
		expect(sim.requests).toHaveLength(0);
	});

	// A:226-233 destroys the object
	it('deletes an account it created', async () => {
		const [created] = await platform(env, 'account', 'create', { name: 'Short-lived' });
		const [out] = await platform(env, 'account', 'delete', { accountId: rl(String(created.id)) });
		expect(out).toEqual({ deleted: true, id: created.id });
		expect(stored(created.id)).toBeUndefined();
	});
});

describe('Chatwoot Platform: account user', () => {
	let sim: Simulator;
	let env: Env;
	let accountId: number;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(async () => {
		env = seedBasics(sim);
		[{ id: accountId }] = (await platform(env, 'account', 'create', { name: 'Customer' })) as Array<{ id: number }>;
		sim.clearRequests();
	});
	afterEach(() => checkContract(sim));

	const membership = (userId: number) => {
		const user = sim.db.users.find((u: IDataObject) => u.id === userId);
		return user?.account_ids.includes(accountId) ? user.roles[accountId] : undefined;
	};

	// AU:41-52 creates an account user; the user need not belong to the app (foreign user here)
	it('adds a user to an account with a role and outputs the membership', async () => {
		const [member] = await platform(env, 'accountUser', 'create', {
			accountId: rl(accountId),
			userId: String(env.foreign.userId),
			role: 'administrator',
		});
		expect(member).toMatchObject({ account_id: accountId, user_id: env.foreign.userId, role: 'administrator' });
		expect(membership(env.foreign.userId)).toBe('administrator');
		expect(sim.requests[0]).toMatchObject({ body: { user_id: env.foreign.userId, role: 'administrator' } });
	});

	// AU:54-65 updates the role of an existing account user
	it('changes the role of a user who is already a member', async () => {
		await platform(env, 'accountUser', 'create', { accountId: rl(accountId), userId: String(env.foreign.userId), role: 'agent' });
		const [member] = await platform(env, 'accountUser', 'create', { accountId: rl(accountId), userId: String(env.foreign.userId), role: 'administrator' });
		expect(member.role).toBe('administrator');
		const members = await platform(env, 'accountUser', 'getAll', { accountId: rl(accountId), returnAll: true });
		expect(members).toHaveLength(1);
	});

	// AU:18-26 returns all the account users for the account
	it('lists the users of the account', async () => {
		await platform(env, 'accountUser', 'create', { accountId: rl(accountId), userId: String(env.foreign.userId), role: 'agent' });
		const members = await platform(env, 'accountUser', 'getAll', { accountId: rl(accountId), returnAll: true });
		expect(members.map((m) => [m.user_id, m.role])).toEqual([[env.foreign.userId, 'agent']]);
	});

	// AU:82-90 deletes the account user; user_id travels in the query (the spec declares no body)
	it('removes a user from the account, the user stays', async () => {
		await platform(env, 'accountUser', 'create', { accountId: rl(accountId), userId: String(env.foreign.userId), role: 'agent' });
		const [out] = await platform(env, 'accountUser', 'delete', { accountId: rl(accountId), userId: String(env.foreign.userId) });
		expect(out).toEqual({ deleted: true, account_id: accountId, user_id: env.foreign.userId });
		expect(membership(env.foreign.userId)).toBeUndefined();
		expect(sim.db.users.some((u: IDataObject) => u.id === env.foreign.userId)).toBe(true);
		const request = sim.requests.find((r: IDataObject) => r.method === 'DELETE');
		expect(request).toMatchObject({ path: `/platform/api/v1/accounts/${accountId}/account_users`, query: { user_id: String(env.foreign.userId) } });
	});

	it('on an account this app did not create: explains the ownership rule', async () => {
		const error = await platformError(env, 'accountUser', 'create', {
			accountId: rl(env.foreign.accountId),
			userId: String(env.foreign.userId),
			role: 'agent',
		});
		expect(error.httpCode).toBe('401');
		expect(error.message).toBe(`This Platform App may not access account ${env.foreign.accountId}`);
	});

	it('refuses a user ID that is not a number before calling Chatwoot', async () => {
		const error = await platformError(env, 'accountUser', 'delete', { accountId: rl(accountId), userId: 'ann@example.test' });
		expect(error.message).toMatch(/The user ID "ann@example.test" is not a valid ID/);
		expect(sim.requests).toHaveLength(0);
	});
});
