import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapList, unwrapRecord } from '../../../shared/transport';
import { definitionBody, definitionOptions, definitionSubject, DISPLAY_TYPE_OPTIONS, MODEL_OPTIONS } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Applies To', name: 'model', type: 'options', options: MODEL_OPTIONS, default: 'contact_attribute', description: 'Whether contacts or conversations carry this attribute' },
	{ displayName: 'Display Name', name: 'displayName', type: 'string', required: true, default: '', placeholder: 'e.g. Plan', description: 'Name agents see' },
	{
		displayName: 'Key',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. plan',
		description:
			"The key in custom_attributes that workflows read and write: letters, numbers, _, - and . only; unique per model, and not a built-in field such as email or status.",
	},
	{ displayName: 'Type', name: 'displayType', type: 'options', options: DISPLAY_TYPE_OPTIONS, default: 'text', description: 'How Chatwoot shows and validates the value' },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: definitionOptions() },
];

export const description = updateDisplayOptions({ show: { resource: ['customAttribute'], operation: ['create'] } }, properties);

/** POST /custom_attribute_definitions (validations in app/models/custom_attribute_definition.rb). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const fields: IDataObject = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		model: this.getNodeParameter('model', itemIndex),
		displayName: String(this.getNodeParameter('displayName', itemIndex)).trim(),
		key: String(this.getNodeParameter('key', itemIndex)).trim(),
		displayType: this.getNodeParameter('displayType', itemIndex),
	};
	const body = definitionBody(fields);
	const created = await chatwootApiRequest(this, {
		method: 'POST',
		path: '/custom_attribute_definitions',
		body: { custom_attribute_definition: body },
		subject: definitionSubject(),
		// Keys are unique per model: a first attempt that landed is found by key.
		reconcile: async () =>
			unwrapList(
				await chatwootApiRequest(this, { method: 'GET', path: '/custom_attribute_definitions', qs: { attribute_model: fields.model } }),
			).find((d) => d.attribute_key === fields.key),
	});
	return toItems(unwrapRecord(created));
}

export const concurrent = true;
