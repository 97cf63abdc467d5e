import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { labelLocator } from '../../helpers/settingsLocators';

const properties: INodeProperties[] = [labelLocator('The label to get')];

export const description = updateDisplayOptions({ show: { resource: ['label'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'labelId', itemIndex, 'label ID');
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: `/labels/${id}`, subject: { resource: 'label', id } })));
}

export const concurrent = true;
