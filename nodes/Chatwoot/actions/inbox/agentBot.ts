import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chatwootApiRequest } from '../../../shared/transport';

/**
 * The inbox's connected bot (`GET /inboxes/{id}/agent_bot`): Chatwoot answers `{agent_bot: {…}}`, and
 * `{agent_bot: {}}` when none is connected (app/views/api/v1/accounts/inboxes/agent_bot.json.jbuilder);
 * null/204 are taken as "none" too. The bot's token and secret are left out unless asked for.
 */
export async function readInboxAgentBot(
	context: IExecuteFunctions,
	inboxId: number,
	includeSecrets: boolean,
): Promise<IDataObject | null> {
	const body = (await chatwootApiRequest(context, {
		method: 'GET',
		path: `/inboxes/${inboxId}/agent_bot`,
		subject: { resource: 'inbox', id: inboxId },
	})) as IDataObject | undefined | null;
	const bot = body && typeof body === 'object' ? (body.agent_bot as IDataObject | null | undefined) : undefined;
	if (!bot || typeof bot !== 'object' || bot.id === undefined) return null;
	if (includeSecrets) return bot;
	const rest = { ...bot };
	delete rest.access_token;
	delete rest.secret;
	return rest;
}

export const includeBotSecretsOption = {
	displayName: 'Include Token and Secret',
	name: 'includeSecrets',
	type: 'boolean' as const,
	default: false,
	description:
		"Whether to output the bot's access token and webhook secret (Chatwoot shows them to administrators). Off keeps them out of the execution data.",
};
