import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitedItems } from '../../helpers/records';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['team'], operation: ['getAll'] } }, properties);

/** GET /teams: all teams in one bare array, with `is_member` for the token's user. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return limitedItems(this, itemIndex, unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/teams' })));
}
