import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { appIdField } from './fields';

const properties: INodeProperties[] = [appIdField('The integration app')];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['get'] } }, properties);

/** GET /integrations/apps/{id}: one app with its hooks (IDs are names such as "dialogflow"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const appId = String(this.getNodeParameter('appId', itemIndex)).trim();
	const app = await chatwootApiRequest(this, { method: 'GET', path: `/integrations/apps/${encodeURIComponent(appId)}`, subject: { resource: 'integration app', id: appId } });
	return toItems(unwrapRecord(app));
}

export const concurrent = true;
