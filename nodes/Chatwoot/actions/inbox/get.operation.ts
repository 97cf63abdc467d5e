import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { inboxLocator } from '../../../shared/descriptions';
import { includeSecretsOptions, inboxOutput } from './secrets';

const properties: INodeProperties[] = [inboxLocator('The inbox to get'), includeSecretsOptions];

export const description = updateDisplayOptions({ show: { resource: ['inbox'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const inboxId = getId(this, 'inboxId', itemIndex, 'inbox ID');
	const body = await chatwootApiRequest(this, {
		method: 'GET',
		path: `/inboxes/${inboxId}`,
		subject: { resource: 'inbox', id: inboxId },
	});
	return toItems(inboxOutput(this, itemIndex, unwrapRecord(body)));
}

export const concurrent = true;
