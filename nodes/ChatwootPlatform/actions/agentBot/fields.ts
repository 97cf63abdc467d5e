import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../shared/helpers/items';

/** Platform::Api::V1::AgentBotsController#agent_bot_params besides the name (no binary avatar upload). */
export const agentBotFields: INodeProperties[] = [
	{
		displayName: 'Account ID',
		name: 'accountId',
		type: 'number',
		default: 0,
		description:
			'The account the bot belongs to (its ID from Account → Create). 0 or empty: a bot of the whole installation, which every account can connect to its inboxes.',
	},
	{
		displayName: 'Avatar URL',
		name: 'avatarUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/bot.png',
		description: 'Public URL of a JPEG or PNG image Chatwoot downloads as the bot\'s avatar',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Outgoing URL',
		name: 'outgoingUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/bot',
		description:
			'Where Chatwoot posts the events of the inboxes the bot is connected to; for a Chatwoot Trigger with source "Agent Bot", use its webhook URL',
	},
];

export function agentBotBody(fields: IDataObject): IDataObject {
	const accountId = Number(fields.accountId);
	return compact({
		name: fields.name,
		description: fields.description,
		outgoing_url: fields.outgoingUrl,
		account_id: Number.isInteger(accountId) && accountId > 0 ? accountId : undefined,
		avatar_url: fields.avatarUrl,
	});
}
