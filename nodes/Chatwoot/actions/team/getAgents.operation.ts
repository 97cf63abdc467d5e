import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { returnAllOrLimit, teamLocator } from '../../../shared/descriptions';
import { limitedItems } from '../../helpers/records';
import { listTeamMembers } from './members';

const properties: INodeProperties[] = [teamLocator('teamId', 'The team whose agents to list'), ...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['team'], operation: ['getAgents'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const teamId = getId(this, 'teamId', itemIndex, 'team ID');
	return limitedItems(this, itemIndex, await listTeamMembers(this, teamId));
}

export const concurrent = true;
