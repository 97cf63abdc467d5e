import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { agentBotLocator } from '../../../shared/descriptions';
import { agentBotItems, agentBotSubject, includeSecretsOption, optionIncludeSecrets } from './shared';

const properties: INodeProperties[] = [
	agentBotLocator('agentBotId', 'The agent bot to get'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [includeSecretsOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['agentBot'], operation: ['get'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'agentBotId', itemIndex, 'agent bot ID');
	const bot = unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: `/agent_bots/${id}`, subject: agentBotSubject(id) }));
	return agentBotItems([bot], optionIncludeSecrets(this, itemIndex));
}
