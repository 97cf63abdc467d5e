import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { agentBotItems, includeSecretsOption, optionIncludeSecrets } from './shared';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [includeSecretsOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['agentBot'], operation: ['getAll'] } }, properties);

export const concurrent = true;

/** `GET /agent_bots` answers every bot at once (the account's and the system bots, `AgentBot.accessible_to`). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const bots = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/agent_bots' }));
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	return agentBotItems(returnAll ? bots : bots.slice(0, limit), optionIncludeSecrets(this, itemIndex));
}
