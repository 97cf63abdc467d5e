'use strict';
// api_access_token authentication + account membership + bot endpoint restrictions + Pundit-like checks.
const { HttpError, ERR } = require('./util');

const E = {
	signIn: () => new HttpError(401, { errors: ['You need to sign in or sign up before continuing.'] }),
	invalidToken: () => new HttpError(401, { error: 'Invalid Access Token' }),
	bot: () => new HttpError(401, { error: 'Access to this endpoint is not authorized for bots' }),
	account: () => new HttpError(401, { error: 'You are not authorized to access this account' }),
	botAccount: () => new HttpError(401, { error: 'Bot is not authorized to access this account' }),
	suspended: () => new HttpError(401, { error: 'Account is suspended' }),
};

/**
 * Route opts: { bot: boolean (bot accessible), admin: boolean (administrator only), noAccount: boolean }
 * Sets ctx.auth = { kind: 'user'|'bot', record, accountId, account, role, admin, actor }
 */
function authenticate(store, ctx, opts) {
	// Rack maps both `api_access_token` and `Api-Access-Token` to HTTP_API_ACCESS_TOKEN, which Rails reads
	const token = ctx.headers.api_access_token ?? ctx.headers['api-access-token'] ?? ctx.headers.http_api_access_token;
	// Api::BaseController#authenticate_by_access_token?: a blank header is no token → devise's sign-in 401
	if (token === undefined || String(token).trim() === '') throw E.signIn();
	const found = store.tokens.get(String(token));
	if (!found) throw E.invalidToken();
	// AccessTokenAuthHelper#validate_bot_access_token!: a Platform App token is neither a User nor an
	// AgentBot, so every Application API endpoint refuses it with the bots message.
	if (found.kind === 'platform_app') throw E.bot();
	if (found.kind === 'bot' && !opts.bot) throw E.bot();
	const auth = { kind: found.kind, record: found.record, actor: { kind: found.kind, record: found.record } };
	ctx.auth = auth;
	if (opts.noAccount) return auth;
	const accountId = Number(ctx.params.account_id);
	// app/controllers/concerns/ensure_current_account_helper.rb: Account.find (404 for an unknown id, the same body as
	// any other RecordNotFound), then `active?` (suspended) BEFORE the membership checks.
	const account = store.account(accountId);
	if (!account) throw ERR.notFound();
	auth.accountId = accountId;
	auth.account = account;
	if (account.status === 'suspended') throw E.suspended();
	if (found.kind === 'user') {
		if (!found.record.account_ids.includes(accountId)) throw E.account();
		auth.role = store.roleIn(found.record, accountId);
		auth.admin = auth.role === 'administrator';
	} else {
		const bot = found.record;
		const viaInbox = store.db.inboxes.some((i) => i.account_id === accountId && i.agent_bot_id === bot.id);
		// account_accessible_for_bot?: the bot's own account or an inbox of the account it is connected to
		if (bot.account_id !== accountId && !viaInbox) throw E.botAccount();
		auth.role = 'bot';
		auth.admin = false;
	}
	// Chatwoot Cloud >= 4.16 (app/controllers/api/v1/accounts/base_controller.rb, PR #14973, after v4.15): accounts
	// without the `api_and_webhooks` feature refuse every token request. Seed `account({ apiAccess: false })`.
	if (account.features && account.features.api_and_webhooks === false) throw new HttpError(403, { error: 'API access is not enabled for this account' });
	if (opts.admin && !auth.admin) throw ERR.unauthorizedAction();
	return auth;
}

/** Inbox ids visible to the caller (null = all). */
function visibleInboxIds(store, auth) {
	if (auth.kind !== 'user' || auth.admin) return null;
	const set = new Set();
	for (const m of store.db.inboxMembers) if (m.user_id === auth.record.id) set.add(m.inbox_id);
	return set;
}

module.exports = { authenticate, visibleInboxIds, AUTH_ERRORS: E };
