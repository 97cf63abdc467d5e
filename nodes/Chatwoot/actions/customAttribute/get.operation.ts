import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { customAttributeLocator } from '../../helpers/settingsLocators';
import { definitionSubject } from './fields';

const properties: INodeProperties[] = [customAttributeLocator('The custom attribute definition to get')];

export const description = updateDisplayOptions({ show: { resource: ['customAttribute'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'customAttributeId', itemIndex, 'custom attribute ID');
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: `/custom_attribute_definitions/${id}`, subject: definitionSubject(id) })));
}

export const concurrent = true;
