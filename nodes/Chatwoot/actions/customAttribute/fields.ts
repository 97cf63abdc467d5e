import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { compact, toLabelList } from '../../../shared/helpers/items';

export const MODEL_OPTIONS = [
	{ name: 'Contact', value: 'contact_attribute' },
	{ name: 'Conversation', value: 'conversation_attribute' },
];

export const DISPLAY_TYPE_OPTIONS = [
	{ name: 'Checkbox', value: 'checkbox' },
	{ name: 'Currency', value: 'currency' },
	{ name: 'Date', value: 'date' },
	{ name: 'Link', value: 'link' },
	{ name: 'List', value: 'list' },
	{ name: 'Number', value: 'number' },
	{ name: 'Percent', value: 'percent' },
	{ name: 'Text', value: 'text' },
];

/** Optional fields shared by create and update (app/controllers/api/v1/accounts/custom_attribute_definitions_controller.rb#permitted_payload). */
export function definitionOptions(): INodeProperties[] {
	return [
		{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Shown to agents next to the attribute' },
		{
			displayName: 'List Values',
			name: 'values',
			type: 'string',
			default: '',
			placeholder: 'e.g. free, pro, enterprise',
			description: 'For the List type: the values agents choose from, comma-separated (or a list from an expression)',
		},
		{ displayName: 'Validation Hint', name: 'regexCue', type: 'string', default: '', description: 'Message shown when a value does not match the pattern' },
		{ displayName: 'Validation Pattern', name: 'regexPattern', type: 'string', default: '', placeholder: 'e.g. ^[A-Z]{2}\\d+$', description: 'Regular expression values must match (Text type)' },
	];
}

export function definitionBody(fields: IDataObject): IDataObject {
	return compact({
		attribute_display_name: fields.displayName,
		attribute_key: fields.key,
		attribute_model: fields.model,
		attribute_display_type: fields.displayType,
		attribute_description: fields.description,
		attribute_values: fields.values === undefined || fields.values === '' ? undefined : toLabelList(fields.values),
		regex_pattern: fields.regexPattern,
		regex_cue: fields.regexCue,
	});
}

export const definitionSubject = (id?: number) => ({ resource: 'custom attribute', id });
