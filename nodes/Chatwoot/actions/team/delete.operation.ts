import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { teamLocator } from '../../../shared/descriptions';
import { deleted } from '../../helpers/records';

const properties: INodeProperties[] = [teamLocator('teamId', 'The team to delete')];

export const description = updateDisplayOptions({ show: { resource: ['team'], operation: ['delete'] } }, properties);

/** DELETE /teams/{id}: conversations of the team keep their agent but lose the team. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const teamId = getId(this, 'teamId', itemIndex, 'team ID');
	await chatwootApiRequest(this, { method: 'DELETE', path: `/teams/${teamId}`, subject: { resource: 'team', id: teamId } });
	return deleted('team', teamId);
}

export const concurrent = true;
