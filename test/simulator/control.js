'use strict';
// Control API under /__sim/ (JSON in/out, no auth) — mirrors the programmatic API for e2e tests and the demo.
const { Router } = require('./router');
const { reply, isReply, EMPTY } = require('./server');
const { HttpError } = require('./util');

const SEED_KINDS = {
	account: 'account',
	accounts: 'account',
	user: 'user',
	users: 'user',
	agentbot: 'agentBot',
	'agent-bot': 'agentBot',
	agent_bot: 'agentBot',
	inbox: 'inbox',
	inboxes: 'inbox',
	inboxmember: 'inboxMember',
	'inbox-member': 'inboxMember',
	inbox_member: 'inboxMember',
	contact: 'contact',
	contacts: 'contact',
	contactinbox: 'contactInbox',
	'contact-inbox': 'contactInbox',
	contact_inbox: 'contactInbox',
	conversation: 'conversation',
	conversations: 'conversation',
	message: 'message',
	messages: 'message',
	label: 'label',
	labels: 'label',
	team: 'team',
	teams: 'team',
	webhook: 'webhook',
	webhooks: 'webhook',
	platformapp: 'platformApp',
	'platform-app': 'platformApp',
	platform_app: 'platformApp',
	platformapppermissible: 'platformAppPermissible',
	'platform-app-permissible': 'platformAppPermissible',
	platform_app_permissible: 'platformAppPermissible',
	customattribute: 'customAttribute',
	'custom-attribute': 'customAttribute',
	custom_attribute: 'customAttribute',
};

function createControl(sim) {
	const r = new Router();
	const C = '/__sim';
	const bad = (msg) => new HttpError(400, { error: msg });
	const withContactInbox = (rec) => (rec && rec.contact_inbox ? { ...rec, contact_inbox: rec.contact_inbox } : rec);

	r.add('GET', `${C}`, () => ({ ok: true, url: sim.url }));
	r.add('GET', `${C}/health`, () => ({ ok: true }));
	r.add('POST', `${C}/reset`, () => {
		sim.reset();
		return { ok: true };
	});
	r.add('POST', `${C}/seed/demo`, () => require('./index').seedDemo(sim));
	r.add('POST', `${C}/seed/many/:kind`, (ctx) => {
		const b = ctx.body;
		const n = Number(b.n ?? b.count ?? 1);
		switch (ctx.params.kind) {
			case 'contacts':
				return sim.seed.many.contacts(b.accountId, n).map((c) => c.id);
			case 'conversations':
				return sim.seed.many.conversations(b.accountId, b.inboxId, n).map((c) => c.display_id);
			case 'messages':
				return sim.seed.many.messages(b.accountId, b.conversationId, n).map((m) => m.id);
			default:
				throw bad(`unknown bulk seed kind ${ctx.params.kind}`);
		}
	});
	r.add('POST', `${C}/seed/:kind`, (ctx) => {
		const fn = SEED_KINDS[String(ctx.params.kind).toLowerCase()] || SEED_KINDS[ctx.params.kind];
		if (!fn) throw bad(`unknown seed kind ${ctx.params.kind}; known: ${[...new Set(Object.values(SEED_KINDS))].join(', ')}`);
		try {
			return withContactInbox(sim.seed[fn](ctx.body || {}));
		} catch (e) {
			if (e instanceof HttpError) throw new HttpError(400, { error: e.message });
			throw bad(e.message);
		}
	});
	r.add('GET', `${C}/state`, () => sim.state());
	r.add('GET', `${C}/requests`, () => sim.requests);
	r.add(['DELETE'], `${C}/requests`, () => {
		sim.clearRequests();
		return { ok: true };
	});
	r.add('POST', `${C}/requests/clear`, () => {
		sim.clearRequests();
		return { ok: true };
	});
	r.add('GET', `${C}/deliveries`, () => sim.deliveries);
	r.add(['DELETE'], `${C}/deliveries`, () => {
		sim.clearDeliveries();
		return { ok: true };
	});
	r.add('POST', `${C}/flush`, async () => {
		await sim.flushDeliveries();
		return { ok: true, deliveries: sim.deliveries.length };
	});
	r.add('POST', `${C}/latency`, (ctx) => {
		sim.setLatency(Number(ctx.body.ms ?? ctx.body.latencyMs ?? 0));
		return { ok: true, latencyMs: sim.latencyMs };
	});
	r.add('POST', `${C}/faults`, (ctx) => {
		const b = ctx.body;
		sim.setFaults(b && b.rate ? b : null);
		return { ok: true };
	});
	r.add('POST', `${C}/rate-limits`, (ctx) => {
		const b = ctx.body;
		sim.setRateLimits(b && Object.keys(b).length ? b : null);
		return { ok: true };
	});
	r.add('POST', `${C}/capacity`, (ctx) => {
		const b = ctx.body;
		sim.setCapacity(b && Object.keys(b).length ? b : null);
		return { ok: true, ...sim.threads.config };
	});
	r.add('GET', `${C}/inflight`, () => sim.inflightStats());
	r.add('POST', `${C}/inflight/reset`, () => {
		sim.resetInflight();
		return { ok: true };
	});
	r.add('POST', `${C}/webhook-signing`, (ctx) => {
		sim.setWebhookSigning(ctx.body.enabled !== false);
		return { ok: true };
	});
	r.add('POST', `${C}/storage-url`, (ctx) => {
		sim.setStorageUrl(ctx.body && ctx.body.url);
		return { ok: true };
	});
	r.add('POST', `${C}/inbox-events`, (ctx) => {
		sim.setInboxEvents(ctx.body.enabled !== false);
		return { ok: true };
	});
	r.add('GET', `${C}/stats`, () => sim.stats());
	r.add('POST', `${C}/customer-message`, (ctx) => sim.customerMessage(ctx.body || {}));

	return async (ctx) => {
		const m = r.match(ctx.method, ctx.path);
		if (!m || m.methodNotAllowed) return reply(404, { error: `unknown control endpoint ${ctx.method} ${ctx.path}` });
		ctx.params = m.params;
		const out = await m.route.handler(ctx);
		return isReply(out) ? out : reply(200, out === undefined ? EMPTY : out);
	};
}

module.exports = { createControl };
