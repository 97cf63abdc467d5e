import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { customAttributeLocator } from '../../helpers/settingsLocators';
import { deleted } from '../../helpers/records';
import { definitionSubject } from './fields';

const properties: INodeProperties[] = [customAttributeLocator('The custom attribute definition to delete')];

export const description = updateDisplayOptions({ show: { resource: ['customAttribute'], operation: ['delete'] } }, properties);

/** DELETE /custom_attribute_definitions/{id} (204). Values stored under the key stay on the records. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'customAttributeId', itemIndex, 'custom attribute ID');
	await chatwootApiRequest(this, { method: 'DELETE', path: `/custom_attribute_definitions/${id}`, subject: definitionSubject(id) });
	return deleted('customAttribute', id);
}

export const concurrent = true;
