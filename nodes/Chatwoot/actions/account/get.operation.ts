import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['get'] } }, properties);

/** GET /api/v1/accounts/{id} (app/views/api/v1/accounts/show.json.jbuilder): the credential's account. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: '', subject: { resource: 'account' } })));
}
