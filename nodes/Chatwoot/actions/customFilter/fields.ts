import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { combinatorProperty, conditionsProperty } from '../../helpers/conditions';

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
		conditionsProperty({
			model: 'conversation',
			defaultAttribute: 'status',
			description: 'Conditions of the saved filter, as in the Filter operation of conversations',
			attributeDescription: 'The conversation attribute to test',
			displayOptions: { show: { ...show, filterType: ['conversation'] } },
		}),
		conditionsProperty({
			model: 'contact',
			defaultAttribute: 'email',
			description: 'Conditions of the saved filter, as in the Filter operation of contacts',
			attributeDescription: 'The contact attribute to test',
			displayOptions: { show: { ...show, filterType: ['contact'] } },
		}),
		combinatorProperty(Object.keys(show).length ? { show } : undefined),
	];
}
