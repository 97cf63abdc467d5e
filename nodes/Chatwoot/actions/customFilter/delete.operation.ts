import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { customFilterLocator } from '../../helpers/settingsLocators';
import { deleted } from '../../helpers/records';
import { filterSubject } from './fields';

const properties: INodeProperties[] = [customFilterLocator('The saved filter to delete')];

export const description = updateDisplayOptions({ show: { resource: ['customFilter'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'customFilterId', itemIndex, 'saved filter ID');
	await chatwootApiRequest(this, { method: 'DELETE', path: `/custom_filters/${id}`, subject: filterSubject(id) });
	return deleted('customFilter', id);
}

export const concurrent = true;
