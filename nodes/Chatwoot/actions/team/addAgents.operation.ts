import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { teamLocator } from '../../../shared/descriptions';
import { agentIdsField, readAgentIds } from '../inbox/members';
import { changeTeamMembers } from './members';

const properties: INodeProperties[] = [teamLocator('teamId', 'The team to add the agents to'), agentIdsField('Agents to add; agents already in the team stay')];

export const description = updateDisplayOptions({ show: { resource: ['team'], operation: ['addAgents'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const teamId = getId(this, 'teamId', itemIndex, 'team ID');
	const agentIds = readAgentIds(this, itemIndex);
	return toItems(await changeTeamMembers(this, run, teamId, { add: agentIds }));
}

export const concurrent = true;
