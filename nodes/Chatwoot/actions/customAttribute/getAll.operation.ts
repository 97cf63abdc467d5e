import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitedItems } from '../../helpers/records';
import { MODEL_OPTIONS } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Applies To',
		name: 'model',
		type: 'options',
		options: MODEL_OPTIONS,
		default: 'contact_attribute',
		description: 'Whose attribute definitions to list',
	},
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['customAttribute'], operation: ['getAll'] } }, properties);

/** GET /custom_attribute_definitions?attribute_model=…: one model's definitions, all at once. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const model = this.getNodeParameter('model', itemIndex) as string;
	const definitions = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/custom_attribute_definitions', qs: { attribute_model: model } }));
	return limitedItems(this, itemIndex, definitions);
}
