import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { customFilterLocator } from '../../helpers/settingsLocators';
import { filterSubject } from './fields';

const properties: INodeProperties[] = [customFilterLocator('The saved filter to get')];

export const description = updateDisplayOptions({ show: { resource: ['customFilter'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'customFilterId', itemIndex, 'saved filter ID');
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: `/custom_filters/${id}`, subject: filterSubject(id) })));
}

export const concurrent = true;
