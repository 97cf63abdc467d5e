import { NodeOperationError } from 'n8n-workflow';
import type { IHookFunctions } from 'n8n-workflow';

import { sameUrl } from '../../shared/transport';
import { agentBotCheckExists, agentBotCreate, agentBotDelete, assertAccountBot, chosenBotId, getBot } from './botRegistration';
import { forgetSecretOf, rememberSecretOf } from './secretKey';
import {
	acceptsUnsigned,
	clearState,
	dropLegacySecret,
	ownUrl,
	rememberOwnUser,
	secretOf,
	selectedEvents,
	state,
	unsignedRefusal,
} from './state';
import type { TriggerSource } from './state';

/**
 * An agent bot's outgoing URL, the bot connected to the chosen inboxes (botRegistration.ts has the Chatwoot side).
 * Chatwoot signs bot deliveries with the bot's own `secret` (app/models/agent_bot.rb includes WebhookSecretable;
 * app/listeners/agent_bot_listener.rb#process_webhook_bot_event passes `secret: agent_bot.secret` to
 * AgentBots::WebhookJob → lib/webhooks/trigger.rb) and shows it to administrators
 * (app/views/api/v1/models/_agent_bot.json.jbuilder). The column came with PR #13892 (commit 95463230c,
 * db/migrate/20260324070820_add_secret_to_agent_bots.rb), first released in 4.13.0.
 */
export const AGENT_BOTS_SIGNED_SINCE = '4.13.0';

const secretId = (botId: number) => `agent_bot:${botId}`;

async function checkExists(context: IHookFunctions): Promise<boolean> {
	dropLegacySecret(context);
	const data = state(context);
	const url = ownUrl(context);
	if (data.source !== 'agentBot' || !data.agentBot || !sameUrl(data.ownUrl, url)) return false;
	if (!selectedEvents(context, 'agentBot').length) return false;
	const result = await agentBotCheckExists(context, data.agentBot, url);
	if (!result.exists) return false;
	if (!result.secret && !acceptsUnsigned(context)) return false;
	if (result.secret) data.signed = true;
	await rememberSecretOf(context, secretId(data.agentBot.botId), result.secret);
	if (data.ownUserId === undefined) await rememberOwnUser(context);
	return true;
}

async function create(context: IHookFunctions): Promise<boolean> {
	dropLegacySecret(context);
	const url = ownUrl(context);
	if (!selectedEvents(context, 'agentBot').length) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event');
	}
	await rememberOwnUser(context);
	const unsignedOk = acceptsUnsigned(context);
	// An existing bot without a secret (Chatwoot < 4.13) is refused before anything changes.
	const wanted = chosenBotId(context);
	if (wanted !== undefined) {
		const bot = await getBot(context, wanted);
		assertAccountBot(context, bot, wanted);
		if (!unsignedOk && !secretOf(bot)) throw unsignedRefusal(context, 'agent bot deliveries', AGENT_BOTS_SIGNED_SINCE);
	}
	const data = state(context);
	const earlier = data.source === 'agentBot' ? data.agentBot : undefined;
	const { secret, ...registration } = await agentBotCreate(context, earlier, url);
	if (!secret && !unsignedOk) {
		// A bot created on a Chatwoot that does not sign: undo everything, then refuse.
		await agentBotDelete(context, registration, url);
		throw unsignedRefusal(context, 'agent bot deliveries', AGENT_BOTS_SIGNED_SINCE);
	}
	data.source = 'agentBot';
	data.ownUrl = url;
	data.agentBot = registration;
	if (secret) data.signed = true;
	await rememberSecretOf(context, secretId(registration.botId), secret);
	return true;
}

async function remove(context: IHookFunctions): Promise<boolean> {
	const data = state(context);
	const registration = data.agentBot;
	if (registration) {
		try {
			await agentBotDelete(context, registration, data.ownUrl);
		} catch {
			return false;
		}
		await forgetSecretOf(context, secretId(registration.botId));
	}
	clearState(context);
	return true;
}

export const agentBot: TriggerSource = {
	checkExists,
	create,
	remove,
	secretRecord(context, data) {
		const botId = data.agentBot?.botId;
		if (data.source !== 'agentBot' || botId === undefined) return undefined;
		return { id: secretId(botId), fetch: async () => secretOf(await getBot(context, botId)) };
	},
};
