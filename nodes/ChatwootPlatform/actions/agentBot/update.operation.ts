import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { asRecord, platformRequest } from '../../helpers/request';
import { agentBotLocator } from '../descriptions';
import { agentBotBody, agentBotFields } from './fields';

const properties: INodeProperties[] = [
	agentBotLocator('The agent bot to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...agentBotFields, { displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['agentBot'], operation: ['update'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const agentBotId = getId(this, 'agentBotId', itemIndex, 'agent bot ID');
	const body = agentBotBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under Update Fields.' });
	}
	const bot = await platformRequest(this, { method: 'PATCH', path: `/agent_bots/${agentBotId}`, body, subject: { resource: 'agent bot', id: agentBotId } });
	return toItems(asRecord(bot));
}
