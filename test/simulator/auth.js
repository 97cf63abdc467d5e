'use strict';
// api_access_token authentication + account membership + bot endpoint restrictions + Pundit-like checks.
const { HttpError, ERR } = require('./util');

const E = {
	signIn: () => new HttpError(401, { errors: ['You need to sign in or sign up before continuing.'] }),
	invalidToken: () => new HttpError(401, { error: 'Invalid Access Token' }),
	bot: () => new HttpError(401, { error: 'Access to this endpoint is not authorized for bots' }),
	account: () => new HttpError(401, { error: 'You are not authorized to access this account' }),
	suspended: () => new HttpError(401, { error: 'Account is suspended' }),
};

/**
 * Route opts: { bot: boolean (bot accessible), admin: boolean (administrator only), noAccount: boolean }
 * Sets ctx.auth = { kind: 'user'|'bot', record, accountId, account, role, admin, actor }
 */
function authenticate(store, ctx, opts) {
	// Rack maps both `api_access_token` and `Api-Access-Token` to HTTP_API_ACCESS_TOKEN, which Rails reads
	const token = ctx.headers.api_access_token ?? ctx.headers['api-access-token'] ?? ctx.headers.http_api_access_token;
	if (token === undefined) throw E.signIn();
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
	const account = store.account(accountId);
	if (!account) throw ERR.notFound();
	auth.accountId = accountId;
	auth.account = account;
	if (found.kind === 'user') {
		if (!found.record.account_ids.includes(accountId)) throw E.account();
		if (account.status === 'suspended') throw E.suspended();
		auth.role = store.roleIn(found.record, accountId);
		auth.admin = auth.role === 'administrator';
	} else {
		const bot = found.record;
		const viaInbox = store.db.inboxes.some((i) => i.account_id === accountId && i.agent_bot_id === bot.id);
		if (bot.account_id !== accountId && !viaInbox) throw E.account();
		auth.role = 'bot';
		auth.admin = false;
	}
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
