import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Sort options of GET /contacts and /contacts/search (Chatwoot's `sort`, `-` prefix = descending). */
export const sortOptions: INodeProperties[] = [
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: [
			{ name: 'City', value: 'city' },
			{ name: 'Company', value: 'company_name' },
			{ name: 'Country', value: 'country' },
			{ name: 'Created At', value: 'created_at' },
			{ name: 'Email', value: 'email' },
			{ name: 'Last Activity At', value: 'last_activity_at' },
			{ name: 'Name', value: 'name' },
			{ name: 'Phone Number', value: 'phone_number' },
		],
		default: 'name',
		description: 'The field to sort the contacts by',
	},
	{
		displayName: 'Sort Direction',
		name: 'sortDirection',
		type: 'options',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
		default: 'asc',
		description: 'Whether to sort from lowest to highest or the other way round. Applies with Sort By.',
	},
];

/** `sort` query value, or undefined when no sort field was chosen. */
export function sortParam(options: IDataObject): string | undefined {
	const field = typeof options.sortBy === 'string' ? options.sortBy : '';
	if (field === '') return undefined;
	return options.sortDirection === 'desc' ? `-${field}` : field;
}
