import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { toItems } from '../../../shared/helpers/items';
import { asList, platformRequest } from '../../helpers/request';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['agentBot'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	// AgentBotsController#index: the bots this app created, in one array.
	const bots = asList(await platformRequest(this, { method: 'GET', path: '/agent_bots', subject: { resource: 'agent bot' } }));
	if (returnAll) return toItems(bots);
	return toItems(bots.slice(0, this.getNodeParameter('limit', itemIndex) as number));
}
