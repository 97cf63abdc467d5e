import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { inboxLocator } from '../../../shared/descriptions';
import { agentIdsField, changeMembers, readAgentIds } from './members';

const properties: INodeProperties[] = [
	inboxLocator('The inbox to add the agents to'),
	agentIdsField('Agents to add; agents already in the inbox stay'),
];

export const description = updateDisplayOptions({ show: { resource: ['inbox'], operation: ['addAgents'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const inboxId = getId(this, 'inboxId', itemIndex, 'inbox ID');
	const agentIds = readAgentIds(this, itemIndex);
	return toItems(await changeMembers(this, run, inboxId, { add: agentIds }));
}

export const concurrent = true;
