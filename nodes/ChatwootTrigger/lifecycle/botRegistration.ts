import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { chatwootApiRequest, sameUrl, unwrapRecord } from '../../shared/transport';
import type { ChatwootContext } from '../../shared/transport';

/**
 * Source "Agent Bot", the Chatwoot side (lifecycle/agentBot.ts is the trigger source): Chatwoot's own bot mechanism
 * (Chatwoot f66b551c).
 * - A bot connected to an inbox (`POST /inboxes/{id}/set_agent_bot`, InboxesController#set_agent_bot; one bot per
 *   inbox, AgentBotInbox) receives that inbox's events at its `outgoing_url` (app/listeners/agent_bot_listener.rb:
 *   conversation_resolved, conversation_opened, conversation_status_changed, conversation_updated, message_created,
 *   message_updated, webwidget_triggered; messages only incoming/outgoing/template, private notes included), and so
 *   does a bot a conversation is assigned to.
 * - Deliveries come from AgentBots::WebhookJob → Webhooks::Trigger (lib/webhooks/trigger.rb): JSON POST with
 *   X-Chatwoot-Delivery and, when the bot has a secret (column added in Chatwoot 4.13), X-Chatwoot-Timestamp and
 *   X-Chatwoot-Signature `sha256=HMAC-SHA256(bot.secret, "<ts>.<body>")`. Chatwoot waits WEBHOOK_TIMEOUT (default 5 s);
 *   429/500 are retried 3 times, and a failed message delivery opens a pending conversation (the bot "failed").
 * - New conversations in an inbox with a bot start `pending` (Conversation#determine_conversation_status).
 *
 * On activation the trigger points a bot's outgoing URL at n8n (an existing bot, or one it creates) and connects it to
 * the chosen inboxes; on deactivation it puts back exactly what was there: the bot's previous URL (or deletes the bot
 * it created) and each inbox's previous bot (or none). Managing bots and inbox bots needs an administrator's token.
 */
export interface AgentBotRegistration {
	botId: number;
	createdByUs: boolean;
	/** The bot's outgoing URL before activation (existing bots only). */
	previousOutgoingUrl?: string | null;
	/** Per connected inbox, the bot it had before (null = none). */
	inboxes: Array<{ inboxId: number; previousBotId: number | null }>;
	/** The bot's webhook secret (Chatwoot ≥ 4.13 shows it to administrators); absent = deliveries are unsigned. */
	secret?: string;
}

function idOf(value: unknown): number | undefined {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : undefined;
}

function httpCode(error: unknown): string | undefined {
	const code = (error as { httpCode?: unknown })?.httpCode;
	return code === undefined || code === null ? undefined : String(code);
}

/** Awaits a request; a 404 (the record is gone) becomes `undefined`, any other error is thrown. */
async function unless404<T>(promise: Promise<T>): Promise<T | undefined> {
	let failure: unknown;
	try {
		return await promise;
	} catch (error) {
		failure = error;
	}
	if (httpCode(failure) === '404') return undefined;
	throw failure;
}

/** The inboxes chosen in "Inboxes" (multi-select of IDs), de-duplicated. */
export function chosenInboxIds(context: IHookFunctions): number[] {
	const raw = context.getNodeParameter('inboxIds', []) as unknown;
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	const ids: number[] = [];
	for (const value of list) {
		const text = String(value).trim();
		if (text === '') continue;
		if (!/^\d+$/.test(text)) {
			throw new NodeOperationError(context.getNode(), `The inbox ID "${text}" is not a valid ID`, {
				description: 'Pick the inboxes from the list, or give their numeric IDs.',
			});
		}
		if (!ids.includes(Number(text))) ids.push(Number(text));
	}
	if (!ids.length) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one inbox for the agent bot', {
			description: "The bot receives the events of the inboxes it is connected to. Pick them under Inboxes.",
		});
	}
	return ids;
}

/** A system bot (no account) is Chatwoot's, not the account's: its outgoing URL can't be changed (404 on update). */
export function assertAccountBot(context: IHookFunctions, bot: IDataObject, id: number): void {
	if (bot.system_bot !== true) return;
	throw new NodeOperationError(context.getNode(), `Agent bot ${id} is a system bot; its outgoing URL can't be changed`, {
		description: "Pick one of the account's own bots (Settings → Bots), or let the trigger create one.",
	});
}

/** "Use an existing bot": the picked bot's ID; undefined when the trigger creates its own. */
export function chosenBotId(context: IHookFunctions): number | undefined {
	if (context.getNodeParameter('agentBotMode', 'create') !== 'existing') return undefined;
	const raw = context.getNodeParameter('agentBotId', '', { extractValue: true }) as unknown;
	const id = idOf(String(raw ?? '').trim());
	if (id === undefined) {
		throw new NodeOperationError(context.getNode(), 'Choose the agent bot to use', {
			description: 'Pick a bot from the list (Chatwoot → Settings → Bots), or set Agent Bot to "Create a Bot".',
		});
	}
	return id;
}

export async function getBot(context: ChatwootContext, id: number): Promise<IDataObject> {
	return unwrapRecord(
		await chatwootApiRequest(context, { method: 'GET', path: `/agent_bots/${id}`, subject: { resource: 'agent bot', id } }),
	);
}

/** The bot connected to an inbox (`{agent_bot: {...}}`, `{agent_bot: {}}` without one), as an ID or null. */
async function inboxBotId(context: IHookFunctions, inboxId: number): Promise<number | null> {
	const body = (await chatwootApiRequest(context, {
		method: 'GET',
		path: `/inboxes/${inboxId}/agent_bot`,
		subject: { resource: 'inbox', id: inboxId },
	})) as IDataObject | null | undefined;
	const bot = body && typeof body === 'object' ? (body.agent_bot as IDataObject | null | undefined) : undefined;
	return idOf(bot?.id) ?? null;
}

async function setInboxBot(context: IHookFunctions, inboxId: number, botId: number | null): Promise<void> {
	await chatwootApiRequest(context, {
		method: 'POST',
		path: `/inboxes/${inboxId}/set_agent_bot`,
		body: { agent_bot: botId },
		subject: { resource: 'inbox', id: inboxId },
		idempotent: true,
	});
}

function secretOf(record: IDataObject): string | undefined {
	return typeof record.secret === 'string' && record.secret !== '' ? record.secret : undefined;
}

function botName(context: IHookFunctions): string {
	const workflow = context.getWorkflow().name ?? 'workflow';
	return `n8n: ${workflow} (${context.getNode().name})`.slice(0, 250);
}

/**
 * Whether the registration is still in place: the bot exists, its outgoing URL is n8n's URL, and every chosen inbox
 * has it. Anything else → false, and create() repairs it (keeping what was there before the first activation).
 */
export async function agentBotCheckExists(
	context: IHookFunctions,
	registration: AgentBotRegistration | undefined,
	url: string,
): Promise<{ exists: boolean; secret?: string }> {
	if (!registration) return { exists: false };
	const wanted = chosenBotId(context);
	if (wanted !== undefined && wanted !== registration.botId) return { exists: false };
	const bot = await unless404(getBot(context, registration.botId));
	if (!bot) return { exists: false };
	if (!sameUrl(String(bot.outgoing_url ?? ''), url)) return { exists: false };
	const inboxIds = chosenInboxIds(context);
	if (inboxIds.join(',') !== registration.inboxes.map((i) => i.inboxId).join(',')) return { exists: false };
	for (const inboxId of inboxIds) {
		if ((await inboxBotId(context, inboxId)) !== registration.botId) return { exists: false };
	}
	return { exists: true, secret: secretOf(bot) };
}

/**
 * Points the bot at `url` and connects it to the chosen inboxes. `previous` is the registration of an earlier
 * activation that was not undone (n8n restarted, checkExists found it broken): its "before" values are kept, so a
 * deactivation still restores what was there before n8n touched anything.
 */
export async function agentBotCreate(
	context: IHookFunctions,
	previous: AgentBotRegistration | undefined,
	url: string,
): Promise<AgentBotRegistration> {
	const inboxIds = chosenInboxIds(context);
	const wanted = chosenBotId(context);
	let record: IDataObject;
	let botId: number;
	let createdByUs: boolean;
	let previousOutgoingUrl: string | null | undefined;

	if (wanted !== undefined) {
		const bot = await getBot(context, wanted);
		assertAccountBot(context, bot, wanted);
		botId = wanted;
		createdByUs = false;
		const current = typeof bot.outgoing_url === 'string' ? bot.outgoing_url : null;
		previousOutgoingUrl =
			previous && previous.botId === wanted && !previous.createdByUs && sameUrl(current ?? '', url)
				? previous.previousOutgoingUrl
				: sameUrl(current ?? '', url)
					? null
					: current;
		record = sameUrl(current ?? '', url)
			? bot
			: unwrapRecord(
					await chatwootApiRequest(context, {
						method: 'PATCH',
						path: `/agent_bots/${wanted}`,
						body: { outgoing_url: url },
						subject: { resource: 'agent bot', id: wanted },
					}),
				);
	} else if (previous && previous.createdByUs) {
		// Our own bot from an earlier activation: reuse it when it is still there.
		const bot = await unless404(getBot(context, previous.botId));
		if (bot) {
			botId = previous.botId;
			record = sameUrl(String(bot.outgoing_url ?? ''), url)
				? bot
				: unwrapRecord(
						await chatwootApiRequest(context, {
							method: 'PATCH',
							path: `/agent_bots/${botId}`,
							body: { outgoing_url: url },
							subject: { resource: 'agent bot', id: botId },
						}),
					);
		} else {
			record = await createBot(context, url);
			botId = idOf(record.id)!;
		}
		createdByUs = true;
	} else {
		record = await createBot(context, url);
		botId = idOf(record.id)!;
		createdByUs = true;
	}

	const inboxes: AgentBotRegistration['inboxes'] = [];
	for (const inboxId of inboxIds) {
		const current = await inboxBotId(context, inboxId);
		const earlier = previous?.inboxes.find((i) => i.inboxId === inboxId);
		// Already ours (an earlier activation): what was there before that one is what to restore.
		const previousBotId = current === botId || (previous && current === previous.botId) ? (earlier?.previousBotId ?? null) : current;
		if (current !== botId) await setInboxBot(context, inboxId, botId);
		inboxes.push({ inboxId, previousBotId });
	}
	// Inboxes of an earlier activation that are no longer chosen get their bot back now.
	if (previous) {
		for (const old of previous.inboxes) {
			if (inboxIds.includes(old.inboxId)) continue;
			await restoreInbox(context, old, [previous.botId, botId]);
		}
	}
	const registration: AgentBotRegistration = { botId, createdByUs, inboxes };
	if (!createdByUs) registration.previousOutgoingUrl = previousOutgoingUrl ?? null;
	const secret = secretOf(record);
	if (secret) registration.secret = secret;
	return registration;
}

async function createBot(context: IHookFunctions, url: string): Promise<IDataObject> {
	const record = unwrapRecord(
		await chatwootApiRequest(context, {
			method: 'POST',
			path: '/agent_bots',
			body: {
				name: botName(context),
				description: 'Created by n8n for a Chatwoot Trigger; removed when the workflow is deactivated.',
				outgoing_url: url,
			},
			subject: { resource: 'agent bot' },
		}),
	);
	if (idOf(record.id) === undefined) {
		throw new NodeOperationError(context.getNode(), 'Chatwoot did not return the new agent bot', {
			description: 'Check that the Base URL points to Chatwoot and that the token belongs to an administrator.',
		});
	}
	return record;
}

/** Gives an inbox its previous bot back, but only while one of `ours` is still connected (nobody changed it since). */
async function restoreInbox(
	context: IHookFunctions,
	entry: { inboxId: number; previousBotId: number | null },
	ours: number[],
): Promise<void> {
	// The inbox or the previous bot may be gone (404): nothing to restore then.
	const current = await unless404(inboxBotId(context, entry.inboxId));
	if (current === undefined || current === null || !ours.includes(current)) return;
	await unless404(setInboxBot(context, entry.inboxId, entry.previousBotId));
}

/** Undoes agentBotCreate: inboxes get their previous bots, the bot its previous URL (or is deleted if ours). */
export async function agentBotDelete(context: IHookFunctions, registration: AgentBotRegistration, url: string | undefined): Promise<void> {
	for (const entry of registration.inboxes) await restoreInbox(context, entry, [registration.botId]);
	const id = registration.botId;
	if (registration.createdByUs) {
		await unless404(chatwootApiRequest(context, { method: 'DELETE', path: `/agent_bots/${id}`, subject: { resource: 'agent bot', id } }));
		return;
	}
	const bot = await unless404(getBot(context, id));
	// Only when the URL is still n8n's (nobody re-pointed the bot meanwhile).
	if (!bot || (url !== undefined && !sameUrl(String(bot.outgoing_url ?? ''), url))) return;
	await unless404(
		chatwootApiRequest(context, {
			method: 'PATCH',
			path: `/agent_bots/${id}`,
			body: { outgoing_url: registration.previousOutgoingUrl ?? null },
			subject: { resource: 'agent bot', id },
		}),
	);
}
