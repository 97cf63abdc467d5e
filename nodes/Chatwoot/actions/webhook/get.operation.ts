import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { webhookLocator } from '../../helpers/settingsLocators';
import { pickById } from '../../helpers/records';
import { includeSecretField, webhookOutput } from './fields';

const properties: INodeProperties[] = [webhookLocator('The webhook to get'), includeSecretField];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['get'] } }, properties);

/** Chatwoot has no route for one webhook: the list is read once per run and searched. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const id = getId(this, 'webhookId', itemIndex, 'webhook ID');
	const all = await run.once('webhooks', async () => unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/webhooks' })));
	const webhook = await pickById(this, itemIndex, all, id, 'webhook', 'Pick it from the list, or check Settings → Integrations → Webhooks.');
	return toItems(webhookOutput(webhook, this.getNodeParameter('includeSecret', itemIndex, false) as boolean));
}

export const concurrent = true;
