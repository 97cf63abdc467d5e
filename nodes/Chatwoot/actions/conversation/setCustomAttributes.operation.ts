import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, parseJsonField } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest } from '../../../shared/transport';
import { conversationLocator } from '../../../shared/descriptions';
import { conversationSubject, customAttributesLock, fetchConversation } from './shared';

const properties: INodeProperties[] = [
	conversationLocator(),
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'Merge', value: 'merge', description: 'Set these keys and keep the other existing ones' },
			{ name: 'Replace', value: 'replace', description: 'Make these the only custom attributes (others are removed)' },
		],
		default: 'merge',
		description: 'Whether to keep custom attributes that are not given here',
	},
	{
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Key and value pairs (values are sent as text)' },
			{ name: 'JSON', value: 'json', description: 'A JSON object (keeps numbers, booleans and lists)' },
		],
		default: 'fields',
		description: 'How to enter the custom attributes',
	},
	{
		displayName: 'Custom Attributes',
		name: 'customAttributesUi',
		type: 'fixedCollection',
		placeholder: 'Add Attribute',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: { show: { inputMode: ['fields'] } },
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						description: 'The attribute key (as defined in Chatwoot → Settings → Custom Attributes)',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Custom Attributes (JSON)',
		name: 'customAttributesJson',
		type: 'json',
		default: '{}',
		description: 'Custom attributes as a JSON object, keyed by attribute key',
		displayOptions: { show: { inputMode: ['json'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['setCustomAttributes'] } },
	properties,
);

export const concurrent = true;

function given(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const inputMode = context.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	if (inputMode === 'json') {
		return parseJsonField(context, context.getNodeParameter('customAttributesJson', itemIndex, '{}'), 'Custom Attributes (JSON)', itemIndex);
	}
	const ui = context.getNodeParameter('customAttributesUi', itemIndex, {}) as { attribute?: Array<{ key?: string; value?: unknown }> };
	const out: IDataObject = {};
	for (const { key, value } of ui.attribute ?? []) {
		const name = String(key ?? '').trim();
		if (name === '') {
			throw new NodeOperationError(context.getNode(), 'A custom attribute has an empty key', {
				itemIndex,
				description: 'Fill in the key of every attribute, or remove the empty row.',
			});
		}
		out[name] = value as IDataObject[string];
	}
	return out;
}

/**
 * Chatwoot's POST /custom_attributes replaces the whole hash: merge mode reads the current
 * attributes first (one item at a time per conversation). Output: `{id, custom_attributes}`.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunContext,
): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const mode = this.getNodeParameter('mode', itemIndex, 'merge') as string;
	const attributes = given(this, itemIndex);

	const result = await run.exclusive([customAttributesLock(conversationId)], async () => {
		let next = attributes;
		if (mode !== 'replace') {
			const current = (await fetchConversation(this, conversationId)).custom_attributes;
			const existing = current && typeof current === 'object' && !Array.isArray(current) ? (current as IDataObject) : {};
			next = { ...existing, ...attributes };
		}
		const body = (await chatwootApiRequest(this, {
			method: 'POST',
			path: `/conversations/${conversationId}/custom_attributes`,
			body: { custom_attributes: next },
			subject: conversationSubject(conversationId),
			idempotent: true,
		})) as IDataObject | undefined;
		const answered = body?.custom_attributes;
		return answered && typeof answered === 'object' ? (answered as IDataObject) : next;
	});
	return [{ json: { id: conversationId, custom_attributes: result } }];
}
