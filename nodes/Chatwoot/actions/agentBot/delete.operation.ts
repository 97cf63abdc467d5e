import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { agentBotLocator } from '../../../shared/descriptions';
import { agentBotSubject } from './shared';

const properties: INodeProperties[] = [agentBotLocator('agentBotId', 'The agent bot to delete')];

export const description = updateDisplayOptions({ show: { resource: ['agentBot'], operation: ['delete'] } }, properties);

export const concurrent = true;

/** Output: `{id, deleted: true}`. Chatwoot disconnects the bot from its inboxes and unassigns its conversations. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'agentBotId', itemIndex, 'agent bot ID');
	await chatwootApiRequest(this, { method: 'DELETE', path: `/agent_bots/${id}`, subject: agentBotSubject(id) });
	return [{ json: { id, deleted: true } }];
}
