import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { webhookLocator } from '../../helpers/settingsLocators';
import { deleted } from '../../helpers/records';
import { webhookSubject } from './fields';

const properties: INodeProperties[] = [webhookLocator('The webhook to delete')];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'webhookId', itemIndex, 'webhook ID');
	await chatwootApiRequest(this, { method: 'DELETE', path: `/webhooks/${id}`, subject: webhookSubject(id) });
	return deleted('webhook', id);
}

export const concurrent = true;
