import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';

/** The `subject` every agent-bot request passes, so a 404 names the bot. */
export const agentBotSubject = (id: number | string) => ({ resource: 'agent bot', id });

/** The bot's access token and webhook secret: Chatwoot shows them to administrators (app/views/api/v1/models/_agent_bot.json.jbuilder). */
const SECRET_KEYS = ['access_token', 'secret'];

const INCLUDE_SECRETS_DESCRIPTION =
	"Whether to output the bot's access token and webhook secret (Chatwoot shows them to administrators). Off keeps them out of the execution data.";

/** In an Options collection: off by default. */
export const includeSecretsOption: INodeProperties = {
	displayName: 'Include Token and Secret',
	name: 'includeSecrets',
	type: 'boolean',
	default: false,
	description: INCLUDE_SECRETS_DESCRIPTION,
};

/** On the reset operations: on by default, the new value is what the user came for. */
export const includeNewSecretsField: INodeProperties = {
	displayName: 'Include Token and Secret',
	name: 'includeSecrets',
	type: 'boolean',
	default: true,
	description: "Whether to output the bot's new access token and webhook secret. Off keeps them out of the execution data.",
};

/** Output items for bot records; the token and secret only when asked for. */
export function agentBotItems(records: IDataObject[], includeSecrets: boolean): INodeExecutionData[] {
	if (includeSecrets) return toItems(records);
	return toItems(
		records.map((record) => {
			const copy = { ...record };
			for (const key of SECRET_KEYS) delete copy[key];
			return copy;
		}),
	);
}

/** `options.includeSecrets` of the operations that keep it in an Options collection. */
export function optionIncludeSecrets(context: IExecuteFunctions, itemIndex: number): boolean {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return options.includeSecrets === true;
}

/** Body fields shared by create and update (AgentBotsController#permitted_params). */
export function botFields(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined && fields.name !== '') body.name = fields.name;
	if (fields.description !== undefined) body.description = fields.description;
	if (fields.outgoingUrl !== undefined) body.outgoing_url = fields.outgoingUrl;
	if (fields.avatarUrl !== undefined && fields.avatarUrl !== '') body.avatar_url = fields.avatarUrl;
	return body;
}

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	description: 'What the bot does, shown in Chatwoot',
};

export const outgoingUrlField: INodeProperties = {
	displayName: 'Outgoing URL',
	name: 'outgoingUrl',
	type: 'string',
	default: '',
	placeholder: 'https://n8n.example.com/webhook/…',
	description: 'Where Chatwoot posts the events of the inboxes the bot is connected to (the bot webhook)',
};

export const avatarUrlField: INodeProperties = {
	displayName: 'Avatar URL',
	name: 'avatarUrl',
	type: 'string',
	default: '',
	description: 'A public JPEG or PNG Chatwoot downloads as the bot avatar',
};
