import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { combinatorProperty, conditionsProperty, CONTACT_ATTRIBUTES, CONVERSATION_ATTRIBUTES } from '../../helpers/conditions';

export const filterSubject = (id?: number) => ({ resource: 'saved filter', id });

export const FILTER_TYPE_OPTIONS = [
	{ name: 'Contact', value: 'contact', description: 'A segment in the contacts list' },
	{ name: 'Conversation', value: 'conversation', description: 'A folder in the conversations list' },
];

/**
 * Filter type + conditions, built with the same condition builder as contact and conversation
 * Filter; `show` narrows when the fields appear (update shows them only when conditions change).
 */
export function queryFields(show: NonNullable<IDisplayOptions['show']> = {}): INodeProperties[] {
	return [
		{
			displayName: 'Filter Type',
			name: 'filterType',
			type: 'options',
			options: FILTER_TYPE_OPTIONS,
			default: 'conversation',
			description: 'Whether the saved filter selects conversations or contacts',
			displayOptions: Object.keys(show).length ? { show } : undefined,
		},
		conditionsProperty(
			CONVERSATION_ATTRIBUTES,
			'status',
			'Conditions of the saved filter, as in the Filter operation of conversations',
			'The conversation attribute to test',
			{ show: { ...show, filterType: ['conversation'] } },
		),
		conditionsProperty(CONTACT_ATTRIBUTES, 'email', 'Conditions of the saved filter, as in the Filter operation of contacts', 'The contact attribute to test', {
			show: { ...show, filterType: ['contact'] },
		}),
		combinatorProperty(Object.keys(show).length ? { show } : undefined),
	];
}
