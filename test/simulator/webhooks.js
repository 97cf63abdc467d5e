'use strict';
// Outgoing webhooks (Chatwoot -> receivers): routing per API-NOTES §4.1, signing §4.3, delivery §4.4.
// NOTE: real Chatwoot (SafeFetch) refuses private/loopback URLs unless SAFE_FETCH_ALLOW_PRIVATE_NETWORK=true;
// the simulator deliberately DOES deliver to 127.0.0.1 so tests can receive events.
const http = require('http');
const https = require('https');
const crypto = require('crypto');

const ALLOWED_WEBHOOK_EVENTS = [
	'conversation_status_changed',
	'conversation_updated',
	'conversation_created',
	'contact_created',
	'contact_updated',
	'message_created',
	'message_updated',
	'webwidget_triggered',
	'inbox_created',
	'inbox_updated',
	'conversation_typing_on',
	'conversation_typing_off',
];
const API_INBOX_EVENTS = new Set([
	'conversation_created',
	'conversation_status_changed',
	'conversation_updated',
	'message_created',
	'message_updated',
	'conversation_typing_on',
	'conversation_typing_off',
	'webwidget_triggered',
]);
const BOT_EVENTS = new Set([
	'conversation_resolved',
	'conversation_opened',
	'conversation_status_changed',
	'conversation_updated',
	'message_created',
	'message_updated',
	'webwidget_triggered',
]);

/** The conversation an event is about: meta.conversationId (DB id) or the message's conversation. */
function conversationOf(store, meta) {
	if (meta.conversationId) return store.get('conversations', meta.conversationId);
	if (meta.messageId) {
		const m = store.get('messages', meta.messageId);
		return m ? store.get('conversations', m.conversation_id) : null;
	}
	return null;
}

function sign(secret, timestamp, body) {
	return 'sha256=' + crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

class WebhookDispatcher {
	/**
	 * @param {import('./store').Store} store
	 * @param {{ signing: () => boolean, timeoutMs?: number, botRetryDelayMs?: number, now: () => number }} opts
	 */
	constructor(store, opts) {
		this.store = store;
		this.opts = opts;
		this.deliveries = [];
		this.pending = new Set();
		this.chains = new Map();
		this.nextId = 1;
		this.agentHttp = new http.Agent({ keepAlive: true, maxSockets: 64 });
		this.agentHttps = new https.Agent({ keepAlive: true, maxSockets: 64 });
	}

	reset() {
		this.deliveries = [];
		this.nextId = 1;
	}

	/**
	 * @param {string} event
	 * @param {number} accountId
	 * @param {object} payload webhook_data (event key is appended)
	 * @param {{ inboxId?: number, messageId?: number }} meta
	 */
	emit(event, accountId, payload, meta = {}) {
		const store = this.store;
		const targets = [];
		if (ALLOWED_WEBHOOK_EVENTS.includes(event)) {
			for (const w of store.db.webhooks) {
				if (w.account_id === accountId && w.webhook_type === 'account_type' && w.subscriptions.includes(event))
					targets.push({ kind: 'account', url: w.url, secret: w.secret, webhookId: w.id });
			}
		}
		const inbox = meta.inboxId ? store.inbox(meta.inboxId) : null;
		if (inbox && inbox.channel_type === 'Channel::Api' && inbox.webhook_url && API_INBOX_EVENTS.has(event))
			targets.push({ kind: 'api_inbox', url: inbox.webhook_url, secret: inbox.secret, inboxId: inbox.id });
		if (BOT_EVENTS.has(event)) {
			// AgentBotListener#agent_bots_for (app/listeners/agent_bot_listener.rb): the bot the conversation is assigned
			// to (assignee_agent_bot) first, then the inbox's active bot (agent_bot_inbox), each once; a bot without an
			// outgoing_url gets nothing (#process_webhook_bot_event). Signed with agent_bot.secret.
			const conv = conversationOf(store, meta);
			const botIds = [];
			if (conv && conv.assignee_agent_bot_id) botIds.push(conv.assignee_agent_bot_id);
			if (inbox && inbox.agent_bot_id) botIds.push(inbox.agent_bot_id);
			for (const id of [...new Set(botIds)]) {
				const bot = store.bot(id);
				if (bot && bot.outgoing_url) targets.push({ kind: 'agent_bot', url: bot.outgoing_url, secret: bot.secret, botId: bot.id });
			}
		}
		if (!targets.length) return;
		const body = JSON.stringify({ ...payload, event });
		for (const t of targets) this.enqueue(t, event, body, meta);
	}

	enqueue(target, event, body, meta) {
		const signing = this.opts.signing();
		const entry = {
			id: this.nextId++,
			kind: target.kind,
			url: target.url,
			event,
			headers: {},
			body,
			status: null,
			error: null,
			attempts: 0,
			done: false,
			webhookId: target.webhookId,
			inboxId: target.inboxId ?? meta.inboxId,
			botId: target.botId,
			messageId: meta.messageId,
		};
		const deliveryId = crypto.randomUUID();
		this.deliveries.push(entry);
		const run = async () => {
			const maxAttempts = target.kind === 'agent_bot' ? 3 : 1;
			for (;;) {
				entry.attempts++;
				const headers = {
					'Content-Type': 'application/json',
					Accept: 'application/json',
					'X-Chatwoot-Delivery': deliveryId,
				};
				if (signing && target.secret) {
					const ts = String(Math.floor(this.opts.now() / 1000));
					headers['X-Chatwoot-Timestamp'] = ts;
					headers['X-Chatwoot-Signature'] = sign(target.secret, ts, body);
				}
				entry.headers = headers;
				const res = await this.post(target.url, headers, body);
				entry.status = res.status;
				entry.error = res.error;
				const retryable = target.kind === 'agent_bot' && (res.status === 429 || res.status === 500);
				if (retryable && entry.attempts < maxAttempts) {
					await new Promise((r) => setTimeout(r, this.opts.botRetryDelayMs ?? 3000));
					continue;
				}
				break;
			}
			entry.done = true;
			// Webhooks::Trigger#handle_error (lib/webhooks/trigger.rb): a failed agent-bot delivery of message_created /
			// message_updated (after the job's 3 attempts for 429/500, at once for anything else) opens the message's
			// conversation when it is still pending, unless the account keeps pending conversations on bot failure.
			if (entry.error && target.kind === 'agent_bot' && (event === 'message_created' || event === 'message_updated') && meta.messageId && this.opts.onBotFailure) {
				this.opts.onBotFailure(meta.messageId);
			}
			if (entry.error && target.kind === 'api_inbox' && (event === 'message_created' || event === 'message_updated') && meta.messageId) {
				const m = this.store.get('messages', meta.messageId);
				if (m) {
					m.status = 'failed';
					m.external_error = entry.error;
				}
			}
		};
		// Deliveries are asynchronous (never block the API response). They are serialized per target URL so a
		// receiver sees events in emission order (real Chatwoot/Sidekiq gives no ordering guarantee).
		const prev = this.chains.get(target.url) || new Promise((resolve) => setImmediate(resolve));
		const p = prev.then(run).catch((e) => {
			entry.error = String((e && e.message) || e);
			entry.done = true;
		});
		this.chains.set(target.url, p);
		this.pending.add(p);
		p.finally(() => {
			this.pending.delete(p);
			if (this.chains.get(target.url) === p) this.chains.delete(target.url);
		});
	}

	post(url, headers, body) {
		return new Promise((resolve) => {
			let u;
			try {
				u = new URL(url);
			} catch {
				return resolve({ status: null, error: `Invalid webhook URL ${url}` });
			}
			const mod = u.protocol === 'https:' ? https : http;
			const buf = Buffer.from(body);
			let settled = false;
			const done = (r) => {
				if (!settled) {
					settled = true;
					resolve(r);
				}
			};
			const req = mod.request(
				u,
				{
					method: 'POST',
					headers: { ...headers, 'Content-Length': buf.length, 'User-Agent': 'Chatwoot-Simulator' },
					agent: u.protocol === 'https:' ? this.agentHttps : this.agentHttp,
				},
				(res) => {
					res.resume();
					res.on('end', () => {
						const ok = res.statusCode >= 200 && res.statusCode < 300;
						done({ status: res.statusCode, error: ok ? null : `${res.statusCode} ${res.statusMessage || ''}`.trim() });
					});
					res.on('error', (e) => done({ status: res.statusCode, error: e.message }));
				},
			);
			req.setTimeout(this.opts.timeoutMs ?? 5000, () => {
				req.destroy(new Error('Net::ReadTimeout'));
			});
			req.on('error', (e) => done({ status: null, error: e.message || String(e) }));
			req.end(buf);
		});
	}

	async flush() {
		while (this.pending.size) await Promise.all([...this.pending]);
	}

	close() {
		this.agentHttp.destroy();
		this.agentHttps.destroy();
	}
}

module.exports = { WebhookDispatcher, ALLOWED_WEBHOOK_EVENTS, API_INBOX_EVENTS, BOT_EVENTS, sign };
