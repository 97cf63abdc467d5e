// The simulator's Platform API (routes-platform.js): token check, ownership rule, error bodies, and every
// response of the 17 Platform operations validated against docs/chatwoot/swagger.json's response schemas.
import * as fs from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { startSimulator, ChatwootSimulator } from './index';
import { call } from './_helpers';

const spec = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../docs/chatwoot/swagger.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, verbose: true });
ajv.addSchema({ ...spec, $id: 'spec' }, 'spec');
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const validatorFor = (op: string) => {
	const [method, p] = op.split(' ');
	const schema = spec.paths[p][method.toLowerCase()].responses['200'].content?.['application/json']?.schema;
	return schema ? ajv.compile({ $ref: `spec#/paths/${esc(p)}/${method.toLowerCase()}/responses/200/content/application~1json/schema` }) : undefined;
};

const TOKEN = 'sim-platform-token-0001';
const OTHER = 'sim-platform-token-0002';

describe('simulator: Platform API', () => {
	let sim: ChatwootSimulator;
	let userToken: string;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.reset();
		sim.seed.platformApp({ accessToken: TOKEN });
		sim.seed.platformApp({ accessToken: OTHER });
		const account = sim.seed.account({ name: 'UI account' });
		userToken = sim.seed.user({ name: 'Admin', email: 'admin@x.test', accountIds: [account.id] }).access_token;
	});

	// platform_controller.rb:17-25
	it.each([
		['no token', null],
		['a user token', 'USER'],
		['an agent bot token', 'BOT'],
		['an unknown token', 'nope'],
	])('answers 401 "Invalid access_token" for %s', async (_what, token) => {
		const t = token === 'USER' ? userToken : token === 'BOT' ? sim.seed.agentBot({ name: 'b' }).access_token : token;
		const r = await call(sim, 'GET', '/platform/api/v1/agent_bots', { token: t });
		expect([r.status, r.json]).toEqual([401, { error: 'Invalid access_token' }]);
	});

	// access_token_auth_helper.rb#validate_bot_access_token!: a PlatformApp is neither a User nor an AgentBot
	it('refuses a Platform App token on the Application API with the bots message', async () => {
		const r = await call(sim, 'GET', '/api/v1/profile', { token: TOKEN });
		expect([r.status, r.json]).toEqual([401, { error: 'Access to this endpoint is not authorized for bots' }]);
	});

	// platform_controller.rb:27-36: the record is loaded first (404), then the permissible row is required (401)
	it('answers 404 for a missing record and 401 "Non permissible resource" for one the app did not create', async () => {
		const missing = await call(sim, 'GET', '/platform/api/v1/accounts/999', { token: TOKEN });
		expect([missing.status, missing.json]).toEqual([404, { status: 404, error: 'Not Found' }]);
		const created = await call(sim, 'POST', '/platform/api/v1/accounts', { token: OTHER, body: { name: 'Theirs' } });
		for (const [method, p] of [
			['GET', `/platform/api/v1/accounts/${created.json.id}`],
			['PATCH', `/platform/api/v1/accounts/${created.json.id}`],
			['DELETE', `/platform/api/v1/accounts/${created.json.id}`],
			['GET', `/platform/api/v1/accounts/${created.json.id}/account_users`],
		]) {
			const r = await call(sim, method, p, { token: TOKEN, body: method === 'PATCH' ? { name: 'x' } : undefined });
			expect([method, p, r.status, r.json]).toEqual([method, p, 401, { error: 'Non permissible resource' }]);
		}
		expect(sim.db.accounts.find((a) => a.id === created.json.id)?.name).toBe('Theirs');
		const list = await call(sim, 'GET', '/platform/api/v1/accounts', { token: TOKEN });
		expect(list.json).toEqual([]);
	});

	// users_controller.rb:10-15: an existing email returns that user and makes it permissible
	it('user create with a known email returns the existing user unchanged and grants it to the app', async () => {
		const r = await call(sim, 'POST', '/platform/api/v1/users', { token: TOKEN, body: { name: 'Other name', email: 'ADMIN@x.test', password: 'x' } });
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ name: 'Admin', email: 'admin@x.test' });
		expect(sim.db.platformAppPermissibles.map((p) => `${p.permissible_type}:${p.permissible_id}`)).toEqual([`User:${r.json.id}`]);
	});

	it('responses of all 17 Platform operations validate against the spec', async () => {
		const post = (p: string, body: object) => call(sim, 'POST', p, { token: TOKEN, body });
		const account = (await post('/platform/api/v1/accounts', { name: 'Mine', limits: { agents: 2 } })).json;
		const user = (await post('/platform/api/v1/users', { name: 'New', email: 'new@x.test', password: 'Passw0rd!' })).json;
		const bot = (await post('/platform/api/v1/agent_bots', { name: 'Bot', outgoing_url: 'https://b.test' })).json;
		const A = `/platform/api/v1/accounts/${account.id}`;
		const cases: Array<[string, string, string, object?]> = [
			['POST /platform/api/v1/accounts', 'POST', '/platform/api/v1/accounts', { name: 'Second' }],
			['GET /platform/api/v1/accounts/{account_id}', 'GET', A],
			['PATCH /platform/api/v1/accounts/{account_id}', 'PATCH', A, { locale: 'de' }],
			['POST /platform/api/v1/accounts/{account_id}/account_users', 'POST', `${A}/account_users`, { user_id: user.id, role: 'administrator' }],
			['GET /platform/api/v1/accounts/{account_id}/account_users', 'GET', `${A}/account_users`],
			['DELETE /platform/api/v1/accounts/{account_id}/account_users', 'DELETE', `${A}/account_users?user_id=${user.id}`],
			['POST /platform/api/v1/users', 'POST', '/platform/api/v1/users', { name: 'U2', email: 'u2@x.test', password: 'Passw0rd!' }],
			['GET /platform/api/v1/users/{id}', 'GET', `/platform/api/v1/users/${user.id}`],
			['PATCH /platform/api/v1/users/{id}', 'PATCH', `/platform/api/v1/users/${user.id}`, { display_name: 'N' }],
			['GET /platform/api/v1/users/{id}/login', 'GET', `/platform/api/v1/users/${user.id}/login`],
			['GET /platform/api/v1/agent_bots', 'GET', '/platform/api/v1/agent_bots'],
			['POST /platform/api/v1/agent_bots', 'POST', '/platform/api/v1/agent_bots', { name: 'B2' }],
			['GET /platform/api/v1/agent_bots/{id}', 'GET', `/platform/api/v1/agent_bots/${bot.id}`],
			['PATCH /platform/api/v1/agent_bots/{id}', 'PATCH', `/platform/api/v1/agent_bots/${bot.id}`, { description: 'd' }],
			['DELETE /platform/api/v1/agent_bots/{id}', 'DELETE', `/platform/api/v1/agent_bots/${bot.id}`],
			['DELETE /platform/api/v1/users/{id}', 'DELETE', `/platform/api/v1/users/${user.id}`],
			['DELETE /platform/api/v1/accounts/{account_id}', 'DELETE', A],
		];
		expect(cases).toHaveLength(17);
		const failures: string[] = [];
		for (const [op, method, p, body] of cases) {
			const r = await call(sim, method, p, { token: TOKEN, body });
			if (r.status !== 200) failures.push(`${op}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
			const validate = validatorFor(op);
			// The spec types nullable columns (display_name, message_signature, domain, …) loosely; only type and enum errors
			// on null values are tolerated: the jbuilder views render unset columns as null.
			if (validate && !validate(r.json)) {
				const real = (validate.errors || []).filter((e: any) => !(['type', 'enum'].includes(e.keyword) && e.data === null));
				if (real.length) failures.push(`${op}: ${JSON.stringify(real.slice(0, 3))}`);
			}
		}
		expect(failures).toEqual([]);
	});
});
