import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { inboxLocator } from '../../../shared/descriptions';
import { listMembers } from './members';

const properties: INodeProperties[] = [inboxLocator('The inbox whose agents to get')];

export const description = updateDisplayOptions({ show: { resource: ['inbox'], operation: ['getAgents'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const inboxId = getId(this, 'inboxId', itemIndex, 'inbox ID');
	return toItems(await listMembers(this, inboxId));
}

export const concurrent = true;
