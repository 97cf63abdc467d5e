import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitedItems } from '../../helpers/records';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['getAll'] } }, properties);

/**
 * GET /integrations/apps (integrations/apps_controller.rb, view app/views/api/v1/models/_app.json.jbuilder):
 * the apps active on this installation, whether each is enabled, and its hooks.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return limitedItems(this, itemIndex, unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/integrations/apps' })));
}
