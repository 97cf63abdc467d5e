import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { labelLocator } from '../../helpers/settingsLocators';
import { deleted } from '../../helpers/records';

const properties: INodeProperties[] = [labelLocator('The label to delete')];

export const description = updateDisplayOptions({ show: { resource: ['label'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'labelId', itemIndex, 'label ID');
	await chatwootApiRequest(this, { method: 'DELETE', path: `/labels/${id}`, subject: { resource: 'label', id } });
	return deleted('label', id);
}

export const concurrent = true;
