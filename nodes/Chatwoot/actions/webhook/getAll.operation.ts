import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitedItems } from '../../helpers/records';
import { includeSecretField, webhookOutput } from './fields';

const properties: INodeProperties[] = [...returnAllOrLimit(), includeSecretField];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getAll'] } }, properties);

/** GET /webhooks: `{payload: {webhooks: [...]}}`, all at once (webhooks_controller.rb#index). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const includeSecret = this.getNodeParameter('includeSecret', itemIndex, false) as boolean;
	const hooks = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/webhooks' })).map((w) => webhookOutput(w, includeSecret));
	return limitedItems(this, itemIndex, hooks);
}
