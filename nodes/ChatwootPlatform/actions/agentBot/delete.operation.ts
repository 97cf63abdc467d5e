import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { platformRequest } from '../../helpers/request';
import { agentBotLocator } from '../descriptions';

const properties: INodeProperties[] = [agentBotLocator('The agent bot to delete')];

export const description = updateDisplayOptions({ show: { resource: ['agentBot'], operation: ['delete'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const agentBotId = getId(this, 'agentBotId', itemIndex, 'agent bot ID');
	await platformRequest(this, { method: 'DELETE', path: `/agent_bots/${agentBotId}`, subject: { resource: 'agent bot', id: agentBotId } });
	return toItems({ deleted: true, id: agentBotId });
}
