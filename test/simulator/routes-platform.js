'use strict';
// Platform API (/platform/api/v1, API-NOTES §3), as Chatwoot 4.15 serves it:
// - app/controllers/platform_controller.rb: the token must belong to a PlatformApp (else 401
//   {"error":"Invalid access_token"}); show/update/destroy load the record first (missing → 404, not
//   rescued by the controller, so Rails' own JSON 404) and then require a platform_app_permissibles
//   row linking it to the app (else 401 {"error":"Non permissible resource"}).
// - app/controllers/platform/api/v1/{accounts,account_users,users,agent_bots}_controller.rb: the actions;
//   create adds the permissible row (accounts, users, agent bots); index lists only permissible records.
// - app/views/platform/api/v1/models/_{account,user,agent_bot}.json.jbuilder: the JSON shapes.
// - app/models/platform_app.rb, platform_app_permissible.rb: the ownership table.
const { HttpError, ERR, isBlank, present, toIso } = require('./util');
const { reply, EMPTY } = require('./server');

const P = '/platform/api/v1';

const PERR = {
	// PlatformController#set_platform_app
	invalidToken: () => new HttpError(401, { error: 'Invalid access_token' }),
	// PlatformController#validate_platform_app_permissible
	notPermissible: () => new HttpError(401, { error: 'Non permissible resource' }),
	// ActiveRecord::RecordNotFound is not rescued in PlatformController (no handle_with_exception around
	// action), so Rails' ActionDispatch::PublicExceptions answers for the JSON route.
	notFound: () => new HttpError(404, { status: 404, error: 'Not Found' }),
};

// ---------- state (tables platformApps / platformAppPermissibles in store.js) ----------

function createPlatformApp(store, { name = 'Platform App', accessToken, id } = {}) {
	const { randomToken } = require('./util');
	const now = store.now();
	const rec = store.insert('platformApps', { id, name, access_token: accessToken || randomToken(24), created_at: now, updated_at: now });
	store.tokens.set(rec.access_token, { kind: 'platform_app', record: rec });
	return rec;
}

/** platform_app_permissibles.find_or_create_by(permissible: record) */
function permit(store, app, type, recordId) {
	const found = store.db.platformAppPermissibles.find(
		(p) => p.platform_app_id === app.id && p.permissible_type === type && p.permissible_id === Number(recordId),
	);
	if (found) return found;
	const now = store.now();
	return store.insert('platformAppPermissibles', {
		platform_app_id: app.id,
		permissible_type: type,
		permissible_id: Number(recordId),
		created_at: now,
		updated_at: now,
	});
}

function permitted(store, app, type, recordId) {
	return store.db.platformAppPermissibles.some(
		(p) => p.platform_app_id === app.id && p.permissible_type === type && p.permissible_id === Number(recordId),
	);
}

// ---------- serializers (jbuilder partials under app/views/platform/api/v1/models/) ----------

function accountUserId(store, accountId, userId) {
	if (!store.accountUserIds) store.accountUserIds = new Map();
	const key = `${accountId}:${userId}`;
	if (!store.accountUserIds.has(key)) store.accountUserIds.set(key, store.accountUserIds.size + 1);
	return store.accountUserIds.get(key);
}

function createPlatformSerializers(store) {
	const enabled = (features) => Object.fromEntries(Object.entries(features || {}).filter(([, on]) => on === true));
	return {
		// _account.json.jbuilder (features = Account#enabled_features)
		account: (a) => ({
			id: a.id,
			name: a.name,
			locale: a.locale,
			domain: a.domain,
			support_email: a.support_email,
			features: enabled(a.features),
			custom_attributes: a.custom_attributes || {},
			limits: a.limits || {},
			status: a.status,
		}),
		// _user.json.jbuilder (account_id/role: the active account user; custom_attributes only when present)
		user: (u) => {
			const first = u.account_ids[0];
			const out = {
				access_token: u.access_token,
				account_id: first ?? null,
				available_name: u.display_name || u.name,
				avatar_url: '',
				confirmed: true,
				display_name: u.display_name,
				message_signature: null,
				email: u.email,
				id: u.id,
				name: u.name,
				provider: 'email',
				pubsub_token: u.pubsub_token,
			};
			if (u.custom_attributes && Object.keys(u.custom_attributes).length) out.custom_attributes = u.custom_attributes;
			out.role = first === undefined ? null : store.roleIn(u, first);
			out.ui_settings = {};
			out.uid = u.email;
			out.accounts = u.account_ids.map((id) => ({ id, name: store.account(id)?.name ?? null, active_at: null, role: store.roleIn(u, id) }));
			return out;
		},
		// _agent_bot.json.jbuilder
		agentBot: (b) => ({ id: b.id, name: b.name, description: b.description, outgoing_url: b.outgoing_url, account_id: b.account_id, access_token: b.access_token }),
		// AccountUsersController renders the AccountUser model itself (`render json: @account_user`)
		accountUser: (accountId, u) => {
			const now = toIso(u.created_at);
			return {
				id: accountUserId(store, accountId, u.id),
				account_id: accountId,
				user_id: u.id,
				role: store.roleIn(u, accountId),
				inviter_id: null,
				created_at: now,
				updated_at: now,
				active_at: null,
				availability: 'online',
				auto_offline: true,
				custom_role_id: null,
				agent_capacity_policy_id: null,
			};
		},
	};
}

// ---------- validation (model validations → 422 {message, attributes}, RequestExceptionHandler) ----------

function invalid(errors) {
	return ERR.invalid(
		errors.map(([, m]) => m),
		[...new Set(errors.map(([a]) => a))],
	);
}

const EMAIL_RE = /^[^@\s]+@[^@\s]+$/; // Devise.email_regexp

/** Devise :validatable (6..128, config/initializers/devise.rb) + devise-secure_password counts (config/initializers/secure_password.rb). */
function passwordErrors(password) {
	if (isBlank(password)) return [['password', "Password can't be blank"]];
	const p = String(password);
	const out = [];
	if (p.length < 6) out.push(['password', 'Password is too short (minimum is 6 characters)']);
	if (p.length > 128) out.push(['password', 'Password is too long (maximum is 128 characters)']);
	if (!/[A-Z]/.test(p)) out.push(['password', 'Password must contain at least 1 uppercase letter']);
	if (!/[a-z]/.test(p)) out.push(['password', 'Password must contain at least 1 lowercase letter']);
	if (!/[0-9]/.test(p)) out.push(['password', 'Password must contain at least 1 number']);
	if (!/[^A-Za-z0-9]/.test(p)) out.push(['password', 'Password must contain at least 1 special character']);
	return out;
}

const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : undefined);

function register(router, env) {
	const { store } = env;
	const PS = createPlatformSerializers(store);

	/** PlatformController#ensure_access_token + #set_platform_app */
	const platformApp = (ctx) => {
		const token = ctx.headers.api_access_token ?? ctx.headers['api-access-token'] ?? ctx.headers.http_api_access_token;
		const found = isBlank(token) ? undefined : store.tokens.get(String(token));
		if (!found || found.kind !== 'platform_app') throw PERR.invalidToken();
		return found.record;
	};
	/** #set_resource then #validate_platform_app_permissible */
	const owned = (ctx, app, type, record) => {
		if (!record) throw PERR.notFound();
		if (!permitted(store, app, type, record.id)) throw PERR.notPermissible();
		return record;
	};
	const add = (method, path, handler) =>
		router.add(method, `${P}${path}`, (ctx) => handler(ctx, platformApp(ctx)));

	// ---- accounts (accounts_controller.rb) ----
	const applyAccount = (a, body) => {
		for (const k of ['name', 'locale', 'domain', 'support_email', 'status']) if (body[k] !== undefined) a[k] = body[k];
		if (obj(body.limits)) a.limits = body.limits;
		if (obj(body.custom_attributes)) a.custom_attributes = body.custom_attributes;
		// #update_resource_features: present value → enable_features, blank (false, "", null) → disable
		if (obj(body.features)) {
			a.features = { ...a.features };
			for (const [key, value] of Object.entries(body.features)) a.features[key] = present(value) && value !== false;
		}
	};
	const accountErrors = (a) => {
		const errors = [];
		if (isBlank(a.name)) errors.push(['name', "Name can't be blank"]);
		if (a.domain && String(a.domain).length > 100) errors.push(['domain', 'Domain is too long (maximum is 100 characters)']);
		if (!['active', 'suspended'].includes(a.status)) throw new HttpError(500, { status: 500, error: 'Internal Server Error' }); // enum ArgumentError
		return errors;
	};
	add('GET', '/accounts', (ctx, app) =>
		store.db.platformAppPermissibles
			.filter((p) => p.platform_app_id === app.id && p.permissible_type === 'Account')
			.map((p) => store.account(p.permissible_id))
			.filter(Boolean)
			.map(PS.account),
	);
	add('POST', '/accounts', (ctx, app) => {
		const draft = { name: undefined, locale: 'en', domain: null, support_email: null, status: 'active', features: {}, limits: {}, custom_attributes: {} };
		applyAccount(draft, ctx.body);
		const errors = accountErrors(draft);
		if (errors.length) throw invalid(errors);
		const a = store.createAccount({ name: draft.name, locale: draft.locale, status: draft.status });
		Object.assign(a, { domain: draft.domain, support_email: draft.support_email, features: draft.features, limits: draft.limits, custom_attributes: draft.custom_attributes });
		permit(store, app, 'Account', a.id);
		return PS.account(a);
	});
	add('GET', '/accounts/:id', (ctx, app) => PS.account(owned(ctx, app, 'Account', store.account(ctx.params.id))));
	add('PATCH', '/accounts/:id', (ctx, app) => {
		const a = owned(ctx, app, 'Account', store.account(ctx.params.id));
		const draft = { ...a };
		applyAccount(draft, ctx.body);
		const errors = accountErrors(draft);
		if (errors.length) throw invalid(errors);
		Object.assign(a, draft, { updated_at: store.now() });
		return PS.account(a);
	});
	add('DELETE', '/accounts/:id', (ctx, app) => {
		const a = owned(ctx, app, 'Account', store.account(ctx.params.id));
		// DeleteObjectJob runs later in Chatwoot; the simulator deletes at once (README: deviations).
		for (const u of store.db.users) {
			if (!u.account_ids.includes(a.id)) continue;
			u.account_ids = u.account_ids.filter((id) => id !== a.id);
			delete u.roles[a.id];
		}
		store.remove('accounts', a);
		return reply(200, EMPTY);
	});

	// ---- account users (account_users_controller.rb: set_resource = Account.find(params[:account_id])) ----
	const ownedAccount = (ctx, app) => owned(ctx, app, 'Account', store.account(ctx.params.account_id));
	add('GET', '/accounts/:account_id/account_users', (ctx, app) => {
		const a = ownedAccount(ctx, app);
		return store.accountUsers(a.id).map((u) => PS.accountUser(a.id, u));
	});
	add('POST', '/accounts/:account_id/account_users', (ctx, app) => {
		const a = ownedAccount(ctx, app);
		// find_or_initialize_by(user_id) + update!(user_id, role): the user need not belong to the app
		const u = store.user(ctx.body.user_id);
		if (!u) throw invalid([['user', 'User must exist']]);
		const role = ctx.body.role === undefined ? undefined : String(ctx.body.role);
		if (role !== undefined && !['agent', 'administrator'].includes(role)) {
			throw new HttpError(500, { status: 500, error: 'Internal Server Error' }); // enum ArgumentError
		}
		if (!u.account_ids.includes(a.id)) {
			u.account_ids.push(a.id);
			u.roles[a.id] = role || 'agent'; // account_users.role defaults to agent
		} else if (role) {
			u.roles[a.id] = role;
		}
		return PS.accountUser(a.id, u);
	});
	add('DELETE', '/accounts/:account_id/account_users', (ctx, app) => {
		const a = ownedAccount(ctx, app);
		// find_by(user_id: params[:user_id])&.destroy! — params merge query and body; no member → still 200
		const userId = ctx.query.user_id ?? ctx.body.user_id;
		const u = store.user(userId);
		if (u && u.account_ids.includes(a.id)) {
			u.account_ids = u.account_ids.filter((id) => id !== a.id);
			delete u.roles[a.id];
		}
		return reply(200, EMPTY);
	});

	// ---- users (users_controller.rb) ----
	const userOf = (ctx, app) => owned(ctx, app, 'User', store.user(ctx.params.id));
	add('POST', '/users', (ctx, app) => {
		const b = ctx.body;
		// User.from_email(email): an existing user is returned as it is (and becomes permissible)
		const email = isBlank(b.email) ? '' : String(b.email).toLowerCase();
		let u = email ? store.db.users.find((x) => x.email === email) : undefined;
		if (!u) {
			const errors = [];
			if (isBlank(b.name)) errors.push(['name', "Name can't be blank"]);
			if (!email) errors.push(['email', "Email can't be blank"]);
			else if (!EMAIL_RE.test(email)) errors.push(['email', 'Email is invalid']);
			errors.push(...passwordErrors(b.password));
			if (errors.length) throw invalid(errors);
			u = store.createUser({ name: String(b.name), email, role: 'agent', accountIds: [] });
			u.display_name = present(b.display_name) ? String(b.display_name) : null;
			u.custom_attributes = obj(b.custom_attributes) ? { ...b.custom_attributes } : {};
		}
		permit(store, app, 'User', u.id);
		return PS.user(u);
	});
	add('GET', '/users/:id', (ctx, app) => PS.user(userOf(ctx, app)));
	add('GET', '/users/:id/login', (ctx, app) => {
		const u = userOf(ctx, app);
		// SsoAuthenticatable#generate_sso_link: FRONTEND_URL/app/login?email=…&sso_auth_token=<hex 32 bytes>
		const token = require('crypto').randomBytes(32).toString('hex');
		return { url: `${env.sim.url}/app/login?email=${encodeURIComponent(u.email)}&sso_auth_token=${token}` };
	});
	add('PATCH', '/users/:id', (ctx, app) => {
		const u = userOf(ctx, app);
		const b = ctx.body;
		const errors = [];
		const email = b.email === undefined ? u.email : String(b.email).toLowerCase();
		if (b.name !== undefined && isBlank(b.name)) errors.push(['name', "Name can't be blank"]);
		if (!EMAIL_RE.test(email)) errors.push(['email', 'Email is invalid']);
		else if (store.db.users.some((x) => x !== u && x.email === email)) errors.push(['email', 'Email has already been taken']);
		if (b.password !== undefined) errors.push(...passwordErrors(b.password));
		if (errors.length) throw invalid(errors);
		if (b.name !== undefined) u.name = String(b.name);
		if (b.display_name !== undefined) u.display_name = b.display_name;
		u.email = email; // skip_reconfirmation!: the change applies at once
		// #user_custom_attributes: merged into the existing ones
		if (obj(b.custom_attributes)) u.custom_attributes = { ...(u.custom_attributes || {}), ...b.custom_attributes };
		u.updated_at = store.now();
		return PS.user(u);
	});
	add('DELETE', '/users/:id', (ctx, app) => {
		const u = userOf(ctx, app);
		// DeleteObjectJob runs later in Chatwoot; the simulator deletes at once.
		store.tokens.delete(u.access_token);
		for (const m of store.db.inboxMembers.filter((x) => x.user_id === u.id)) store.remove('inboxMembers', m);
		store.remove('users', u);
		return reply(200, EMPTY);
	});

	// ---- agent bots (agent_bots_controller.rb) ----
	const botOf = (ctx, app) => owned(ctx, app, 'AgentBot', store.bot(ctx.params.id));
	const botErrors = (b) => (b.outgoing_url && String(b.outgoing_url).length > 2048 ? [['outgoing_url', 'Outgoing url is too long (maximum is 2048 characters)']] : []);
	add('GET', '/agent_bots', (ctx, app) =>
		store.db.platformAppPermissibles
			.filter((p) => p.platform_app_id === app.id && p.permissible_type === 'AgentBot')
			.map((p) => store.bot(p.permissible_id))
			.filter(Boolean) // index.json.jbuilder: `next if bot.nil?`
			.map(PS.agentBot),
	);
	add('POST', '/agent_bots', (ctx, app) => {
		const b = ctx.body;
		const errors = botErrors(b);
		if (errors.length) throw invalid(errors);
		const bot = store.createAgentBot({
			name: b.name ?? null,
			description: b.description ?? null,
			outgoingUrl: b.outgoing_url ?? null,
			accountId: isBlank(b.account_id) ? null : Number(b.account_id),
		});
		if (isBlank(b.name)) bot.name = null; // AgentBot has no name validation
		permit(store, app, 'AgentBot', bot.id);
		return PS.agentBot(bot);
	});
	add('GET', '/agent_bots/:id', (ctx, app) => PS.agentBot(botOf(ctx, app)));
	add('PATCH', '/agent_bots/:id', (ctx, app) => {
		const bot = botOf(ctx, app);
		const b = ctx.body;
		const errors = botErrors(b);
		if (errors.length) throw invalid(errors);
		for (const k of ['name', 'description', 'outgoing_url']) if (b[k] !== undefined) bot[k] = b[k];
		if (b.account_id !== undefined) bot.account_id = isBlank(b.account_id) ? null : Number(b.account_id);
		bot.updated_at = store.now();
		return PS.agentBot(bot);
	});
	add('DELETE', '/agent_bots/:id', (ctx, app) => {
		const bot = botOf(ctx, app);
		// destroy!: has_many :platform_app_permissibles, dependent: :destroy (app/models/agent_bot.rb)
		for (const p of store.db.platformAppPermissibles.filter((x) => x.permissible_type === 'AgentBot' && x.permissible_id === bot.id)) {
			store.remove('platformAppPermissibles', p);
		}
		for (const i of store.db.inboxes) if (i.agent_bot_id === bot.id) i.agent_bot_id = null;
		store.tokens.delete(bot.access_token);
		store.remove('agentBots', bot);
		return reply(200, EMPTY);
	});
}

module.exports = { register, createPlatformApp, permit, PLATFORM_ERRORS: PERR };
