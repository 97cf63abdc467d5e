import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { inboxLocator } from '../../../shared/descriptions';
import { includeBotSecretsOption, readInboxAgentBot } from './agentBot';

const properties: INodeProperties[] = [
	inboxLocator('The inbox whose agent bot to get'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [includeBotSecretsOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inbox'], operation: ['getAgentBot'] } }, properties);

export const concurrent = true;

/** Output: `{inbox_id, agent_bot}` — the connected bot, or null when the inbox has none. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const inboxId = getId(this, 'inboxId', itemIndex, 'inbox ID');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const bot = await readInboxAgentBot(this, inboxId, options.includeSecrets === true);
	return [{ json: { inbox_id: inboxId, agent_bot: bot } }];
}
