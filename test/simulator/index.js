'use strict';
// Chatwoot simulator — an in-memory HTTP server that behaves like a Chatwoot 4.15 server.
// See README.md in this folder. Plain CommonJS, Node built-ins only.
const { Store } = require('./store');
const { createSerializers } = require('./serializers');
const { WebhookDispatcher, sign } = require('./webhooks');
const { createServices } = require('./services');
const { createSeeder } = require('./seed');
const { Router } = require('./router');
const { createHttpServer, reply, isReply, EMPTY } = require('./server');
const { RateLimiter, FaultInjector, InflightCounter, ThreadPool } = require('./limits');
const { createControl } = require('./control');
const { authenticate } = require('./auth');
const { ERR, HttpError } = require('./util');

const FORBIDDEN_PORTS = new Set([5678, 5679]);

class ChatwootSimulator {
	constructor(options = {}) {
		this.options = options;
		this.clock = { now: () => Date.now() };
		const getNow = () => this.clock.now();
		this.store = new Store({ now: getNow });
		this.url = '';
		this.latencyMs = options.latencyMs || 0;
		this.signing = options.webhookSecrets !== false;
		this.S = createSerializers(this.store, { baseUrl: () => this.url, signing: () => this.signing });
		this.dispatcher = new WebhookDispatcher(this.store, {
			signing: () => this.signing,
			now: getNow,
			timeoutMs: options.webhookTimeoutMs ?? 5000,
			botRetryDelayMs: options.botRetryDelayMs ?? 3000,
			onBotFailure: (messageId) => this.X.botFailure(messageId),
		});
		// ENABLE_INBOX_EVENTS (server env, off by default): inbox_created/inbox_updated are only dispatched when set
		this.inboxEvents = options.inboxEvents === true;
		this.X = createServices(this.store, this.S, {
			emit: (...a) => this.dispatcher.emit(...a),
			inboxEvents: () => this.inboxEvents,
			// CONVERSATION_MESSAGE_PER_MINUTE_LIMIT (lib/limits.rb, default 200; 0 = off)
			messageFloodLimit: () => this.options.messageFloodLimit ?? 200,
		});
		this.seed = createSeeder(this.store, this.X);
		Object.assign(this.seed, require('./seed-admin').createAdminSeeder(this.store));
		/** Chatwoot edition: 'community' (default) or 'enterprise' (audit logs, reporting events). */
		this.edition = options.edition === 'enterprise' ? 'enterprise' : 'community';
		this.limiter = new RateLimiter(getNow);
		this.faults = new FaultInjector();
		this.inflight = new InflightCounter();
		this.threads = new ThreadPool();
		if (options.capacity) this.setCapacity(options.capacity);
		this._requests = [];
		this.maxRequestLog = options.maxRequestLog ?? 100000;
		this._stats = { requests: 0, faults: 0, rateLimited: 0 };
		if (options.rateLimits) this.setRateLimits(options.rateLimits);
		if (options.faults) this.setFaults(options.faults);

		const env = { store: this.store, S: this.S, X: this.X, sim: this };
		this.appRouter = new Router();
		require('./routes-account').register(this.appRouter, env);
		require('./routes-contacts').register(this.appRouter, env);
		require('./routes-conversations').register(this.appRouter, env);
		require('./routes-automation').register(this.appRouter, env);
		require('./routes-reports').register(this.appRouter, env);
		require('./routes-helpcenter').register(this.appRouter, env);
		require('./routes-settings').register(this.appRouter, env);
		this.clientRouter = new Router();
		require('./routes-client').register(this.clientRouter, env);
		this.platformRouter = new Router();
		require('./routes-platform').register(this.platformRouter, env);
		this.handleControl = createControl(this);
		this.find = makeFinders(this.store);
	}

	// ---------- state ----------
	get db() {
		return this.store.db;
	}
	get requests() {
		return this._requests;
	}
	get deliveries() {
		return this.dispatcher.deliveries;
	}
	get faultCount() {
		return this._stats.faults;
	}
	stats() {
		return { ...this._stats };
	}
	clearRequests() {
		this._requests = [];
	}
	clearDeliveries() {
		this.dispatcher.reset();
	}
	state() {
		const out = {};
		for (const [k, v] of Object.entries(this.store.db)) out[k] = k === 'attachments' ? v.map(({ data, ...rest }) => rest) : v;
		return out;
	}
	reset() {
		this.store.reset();
		this._requests = [];
		this._stats = { requests: 0, faults: 0, rateLimited: 0 };
		this.dispatcher.reset();
		this.latencyMs = 0;
		this.limiter.set(null);
		this.faults.set(null);
		this.threads.set(null);
		this.inflight.reset();
		this.signing = this.options.webhookSecrets !== false;
		this.edition = this.options.edition === 'enterprise' ? 'enterprise' : 'community';
		this.storageUrl = null;
		this.inboxEvents = this.options.inboxEvents === true;
	}

	// ---------- knobs ----------
	setLatency(ms) {
		this.latencyMs = Math.max(0, Number(ms) || 0);
	}
	setRateLimits(cfg) {
		this.limiter.set(cfg);
	}
	/** Puma-like capacity: `{ threads, serviceMs }` (null = unlimited, the default). */
	setCapacity(cfg) {
		this.threads.set(cfg);
	}
	/** Requests in flight: `{ now, max, routes: { 'GET /api/v1/accounts/:id/contacts': { max, count } } }`. */
	inflightStats() {
		return this.inflight.snapshot();
	}
	resetInflight() {
		this.inflight.reset();
	}
	setFaults(cfg) {
		this.faults.set(cfg);
	}
	/** 'enterprise' serves the enterprise-only routes (audit logs); 'community' answers them 404 like a CE build. */
	setEdition(edition) {
		this.edition = edition === 'enterprise' ? 'enterprise' : 'community';
	}
	setWebhookSigning(on) {
		this.signing = !!on;
	}
	/** Blob redirects go to `<url>/<key>/<filename>` (a storage service on another host) instead of the disk route. */
	setStorageUrl(url) {
		this.storageUrl = url ? String(url).replace(/\/+$/, '') : null;
	}
	/** Like setting ENABLE_INBOX_EVENTS on the Chatwoot server: inbox_created / inbox_updated are dispatched. */
	setInboxEvents(on) {
		this.inboxEvents = !!on;
	}
	flushDeliveries() {
		return this.dispatcher.flush();
	}

	/** An end customer writes a message (creates contact/contact_inbox/conversation as needed); fires webhooks. */
	customerMessage({ inboxId, sourceId, contactId, conversationId, content, name, email }) {
		const store = this.store;
		const inbox = store.inbox(inboxId);
		if (!inbox) throw ERR.notFound();
		let ci;
		let contact;
		if (sourceId != null && sourceId !== '') {
			ci = store.contactInboxBySource(inbox.id, sourceId);
			if (!ci) throw ERR.notFound();
			contact = store.contact(ci.contact_id);
		} else if (contactId != null) {
			contact = store.inAccount('contacts', inbox.account_id, contactId);
			if (!contact) throw ERR.notFound();
			ci = store.contactInboxFor(contact.id, inbox.id) || store.createContactInbox({ contactId: contact.id, inboxId: inbox.id });
		} else {
			contact = this.X.createContact(inbox.account_id, { name: name || `Visitor ${store.nextId.contacts}`, email });
			ci = store.createContactInbox({ contactId: contact.id, inboxId: inbox.id });
		}
		const actor = { kind: 'contact', record: contact };
		let conv;
		if (conversationId != null) {
			conv = store.conversationByDisplay(inbox.account_id, conversationId);
			if (!conv || conv.contact_id !== contact.id || conv.inbox_id !== inbox.id) throw ERR.notFound();
		} else {
			const candidates = store.db.conversations.filter((c) => c.contact_inbox_id === ci.id);
			conv = candidates.filter((c) => c.status !== 'resolved').pop() || (inbox.lock_to_single_conversation ? candidates.pop() : undefined);
			if (!conv) conv = this.X.createConversation(ci, {}, actor);
		}
		const m = this.X.createMessage(conv, { content, message_type: 'incoming' }, actor);
		return {
			contact: this.S.contact(contact, { withContactInboxes: true }),
			source_id: ci.source_id,
			conversation: this.S.conversation(conv),
			message: this.S.message(m),
		};
	}

	// ---------- routing ----------
	async route(ctx) {
		const p = ctx.path;
		let router = null;
		if (p.startsWith('/api/')) router = this.appRouter;
		else if (p.startsWith('/public/api/')) router = this.clientRouter;
		else if (p.startsWith('/platform/api/')) router = this.platformRouter; // authenticates in its handlers
		else if (p.startsWith('/rails/active_storage/')) return this.serveBlob(ctx);
		else if (p === '/' || p === '/api') return reply(200, { version: '4.15.0', timestamp: new Date().toISOString(), queue_services: 'ok', data_services: 'ok' });
		const m = router && router.match(ctx.method, p);
		if (!m || m.methodNotAllowed) return reply(404, { status: 404, error: 'Not Found', simulator: `No route matches [${ctx.method}] "${p}"` });
		ctx.params = m.params;
		if (router === this.appRouter) authenticate(this.store, ctx, m.route.opts);
		const out = await m.route.handler(ctx);
		if (isReply(out)) return out;
		return reply(200, out === undefined ? EMPTY : out);
	}

	serveBlob(ctx) {
		const m = /^\/rails\/active_storage\/(blobs\/redirect|representations\/redirect|disk)\/([^/]+)\/([^/]+)$/.exec(ctx.path);
		if (!m) return reply(404, { status: 404, error: 'Not Found' });
		const a = this.store.attachmentsByKey.get(m[2]);
		if (!a) return reply(404, { status: 404, error: 'Not Found' });
		if (m[1] !== 'disk') {
			// A cloud storage service (S3, GCS, MinIO) lives on another host: ActiveStorage redirects there.
			const target = this.storageUrl ? `${this.storageUrl}/${a.key}/${m[3]}` : `${this.url}/rails/active_storage/disk/${a.key}/${m[3]}`;
			return reply(302, EMPTY, { Location: target });
		}
		return reply(200, a.data, { 'Content-Type': a.content_type, 'Content-Disposition': `inline; filename="${a.filename.replace(/"/g, '')}"` });
	}

	// ---------- lifecycle ----------
	listen(port = 0, host = '127.0.0.1') {
		if (FORBIDDEN_PORTS.has(Number(port))) return Promise.reject(new Error(`port ${port} is reserved for n8n; pick another`));
		this.server = createHttpServer(this);
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				const addr = this.server.address();
				this.url = `http://${host}:${addr.port}`;
				this.port = addr.port;
				resolve(this);
			});
		});
	}

	async close() {
		if (!this.server) return;
		const s = this.server;
		this.server = null;
		let timer;
		await Promise.race([this.dispatcher.flush(), new Promise((r) => (timer = setTimeout(r, 2000)))]);
		clearTimeout(timer);
		this.dispatcher.close();
		await new Promise((resolve) => {
			s.close(() => resolve());
			s.closeAllConnections();
		});
	}
}

function makeFinders(store) {
	return {
		account: (pred) => store.db.accounts.find(pred),
		user: (pred) => store.db.users.find(typeof pred === 'function' ? pred : (u) => u.email === String(pred).toLowerCase()),
		inbox: (accountId, pred) => store.db.inboxes.find((i) => i.account_id === Number(accountId) && (!pred || pred(i))),
		contact: (accountId, pred) => store.db.contacts.find((c) => c.account_id === Number(accountId) && (!pred || pred(c))),
		contacts: (accountId, pred) => store.db.contacts.filter((c) => c.account_id === Number(accountId) && (!pred || pred(c))),
		contactInbox: (contactId, inboxId) => store.db.contactInboxes.find((ci) => ci.contact_id === Number(contactId) && (inboxId == null || ci.inbox_id === Number(inboxId))),
		conversation: (accountId, displayIdOrPred) =>
			typeof displayIdOrPred === 'function'
				? store.db.conversations.find((c) => c.account_id === Number(accountId) && displayIdOrPred(c))
				: store.conversationByDisplay(accountId, displayIdOrPred),
		conversations: (accountId, pred) => store.db.conversations.filter((c) => c.account_id === Number(accountId) && (!pred || pred(c))),
		messages: (accountId, displayId) => {
			const conv = store.conversationByDisplay(accountId, displayId);
			return conv ? [...store.messagesOf(conv)] : [];
		},
		message: (pred) => store.db.messages.find(pred),
		webhook: (accountId, pred) => store.db.webhooks.find((w) => w.account_id === Number(accountId) && (!pred || pred(w))),
		label: (accountId, title) => store.db.labels.find((l) => l.account_id === Number(accountId) && l.title === String(title).toLowerCase()),
	};
}

/**
 * @param {{ port?: number, host?: string, latencyMs?: number, rateLimits?: object|null, faults?: object|null, webhookSecrets?: boolean, webhookTimeoutMs?: number, botRetryDelayMs?: number }} [options]
 */
async function startSimulator(options = {}) {
	const sim = new ChatwootSimulator(options);
	await sim.listen(options.port ?? 0, options.host ?? '127.0.0.1');
	return sim;
}

/** Verify a Chatwoot webhook signature (helper for tests). */
function verifySignature(secret, timestamp, rawBody, signatureHeader) {
	return sign(secret, timestamp, rawBody) === signatureHeader;
}

/** Seeds the demo data set (see demo.js) and returns the ids/tokens an e2e test or the demo needs. */
function seedDemoInfo(sim) {
	const d = require('./demo').seedDemo(sim);
	return {
		url: sim.url,
		accountId: d.account.id,
		token: d.token,
		agentToken: d.agentToken,
		platformToken: d.platformToken,
		adminId: d.admin.id,
		agentId: d.agent.id,
		apiInboxId: d.apiInbox.id,
		widgetInboxId: d.widgetInbox.id,
		inbox_identifier: d.apiInbox.inbox_identifier,
		hmac_token: d.apiInbox.hmac_token,
		inboxIds: { api: d.apiInbox.id, web_widget: d.widgetInbox.id },
		teamId: d.team.id,
	};
}

module.exports = { startSimulator, ChatwootSimulator, verifySignature, seedDemo: seedDemoInfo, HttpError };
