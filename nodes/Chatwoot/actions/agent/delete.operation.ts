import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { agentLocator } from '../../../shared/descriptions';
import { deleted } from '../../helpers/records';

const properties: INodeProperties[] = [agentLocator('agentId', 'The agent to remove from the account')];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['delete'] } }, properties);

/**
 * DELETE /agents/{id} (agents_controller.rb#destroy): removes the agent from this account (their
 * conversations become unassigned); the Chatwoot login is deleted only when no account is left.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const agentId = getId(this, 'agentId', itemIndex, 'agent ID');
	await chatwootApiRequest(this, { method: 'DELETE', path: `/agents/${agentId}`, subject: { resource: 'agent', id: agentId } });
	return deleted('agent', agentId);
}

export const concurrent = true;
