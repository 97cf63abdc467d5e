import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { teamLocator } from '../../../shared/descriptions';

const properties: INodeProperties[] = [teamLocator('teamId', 'The team to get')];

export const description = updateDisplayOptions({ show: { resource: ['team'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const teamId = getId(this, 'teamId', itemIndex, 'team ID');
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: `/teams/${teamId}`, subject: { resource: 'team', id: teamId } })));
}

export const concurrent = true;
