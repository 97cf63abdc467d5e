import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { agentLocator } from '../../../shared/descriptions';
import { pickById } from '../../helpers/records';
import { listAgents } from './getAll.operation';

const properties: INodeProperties[] = [agentLocator('agentId', 'The agent to get')];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['get'] } }, properties);

/** Chatwoot has no route for one agent: the account's agent list is read once per run and searched. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const agentId = getId(this, 'agentId', itemIndex, 'agent ID');
	const agents = await run.once('agents', async () => await listAgents(this));
	return toItems(await pickById(this, itemIndex, agents, agentId, 'agent', 'Pick the agent from the list, or check the ID under Settings → Agents.'));
}

export const concurrent = true;
