import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { agentBotLocator, inboxLocator } from '../../../shared/descriptions';
import { includeBotSecretsOption, readInboxAgentBot } from './agentBot';

const properties: INodeProperties[] = [
	inboxLocator('The inbox to connect the bot to (or disconnect its bot from)'),
	{
		displayName: 'Connection',
		name: 'connection',
		type: 'options',
		options: [
			{ name: 'Connect a Bot', value: 'connect', description: 'The bot receives the inbox events; new conversations start as pending' },
			{ name: 'Disconnect the Bot', value: 'disconnect', description: 'The inbox no longer has a bot; new conversations start open' },
		],
		default: 'connect',
		description: 'Whether to connect a bot or remove the connected one',
	},
	{ ...agentBotLocator('agentBotId', 'The bot to connect; it replaces any bot connected before'), displayOptions: { show: { connection: ['connect'] } } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [includeBotSecretsOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inbox'], operation: ['setAgentBot'] } }, properties);

/**
 * `POST /inboxes/{id}/set_agent_bot` (administrators; InboxesController#set_agent_bot): `agent_bot: id` connects
 * (replacing the inbox's bot), `agent_bot: null` disconnects. Chatwoot answers an empty 200, so the result is read
 * back. Output: `{inbox_id, agent_bot}` as on Get Agent Bot.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const inboxId = getId(this, 'inboxId', itemIndex, 'inbox ID');
	const connection = this.getNodeParameter('connection', itemIndex, 'connect') as string;
	const agentBot = connection === 'disconnect' ? null : getId(this, 'agentBotId', itemIndex, 'agent bot ID');
	await chatwootApiRequest(this, {
		method: 'POST',
		path: `/inboxes/${inboxId}/set_agent_bot`,
		body: { agent_bot: agentBot },
		subject: agentBot === null ? { resource: 'inbox', id: inboxId } : { resource: 'inbox or agent bot', id: `${inboxId} / ${agentBot}` },
		// Connecting the same bot (or disconnecting) twice leaves the same state.
		idempotent: true,
	});
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const bot = await readInboxAgentBot(this, inboxId, options.includeSecrets === true);
	return [{ json: { inbox_id: inboxId, agent_bot: bot } }];
}
