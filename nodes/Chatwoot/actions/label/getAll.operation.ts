import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitedItems } from '../../helpers/records';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['label'], operation: ['getAll'] } }, properties);

/** GET /labels: `{payload: [label]}`, all at once. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return limitedItems(this, itemIndex, unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/labels' })));
}
