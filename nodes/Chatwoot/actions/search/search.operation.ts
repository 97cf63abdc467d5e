import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';

/** SearchService pages every type by 15 (app/services/search_service.rb). */
const PAGE_SIZE = 15;
const TYPES = ['contacts', 'conversations', 'messages', 'articles'];

const properties: INodeProperties[] = [
	{
		displayName: 'Search Term',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. invoice',
		description: 'Text to look for: contact name, email, phone or identifier, conversation number, message text, article text',
	},
	{
		displayName: 'Search In',
		name: 'searchIn',
		type: 'options',
		options: [
			{ name: 'Articles', value: 'articles', description: 'Help center articles' },
			{ name: 'Contacts', value: 'contacts' },
			{ name: 'Conversations', value: 'conversations', description: 'By conversation number or contact details' },
			{ name: 'Everything', value: 'all', description: 'The first 15 of each type, each item with result_type' },
			{ name: 'Messages', value: 'messages', description: 'Message text of the last 3 months' },
		],
		default: 'all',
		description: "Which kind of records to search, as Chatwoot's global search does",
	},
	...returnAllOrLimit().map((p) => ({ ...p, displayOptions: { ...p.displayOptions, show: { ...p.displayOptions?.show, searchIn: TYPES } } })),
];

export const description = updateDisplayOptions({ show: { resource: ['search'], operation: ['search'] } }, properties);

function resultsOf(body: unknown, type: string): IDataObject[] {
	const payload = ((body as IDataObject)?.payload ?? {}) as IDataObject;
	const list = payload[type];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/**
 * GET /search and /search/{type} (app/controllers/api/v1/accounts/search_controller.rb →
 * SearchService): `{payload: {<type>: [...]}}`, 15 per page without a total, so pages are read
 * until a short one. Agents find only conversations and messages of their inboxes.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const q = String(this.getNodeParameter('query', itemIndex, '')).trim();
	if (q === '') {
		throw new NodeOperationError(this.getNode(), 'The search term is empty', { itemIndex, description: 'Enter the text to look for.' });
	}
	const searchIn = this.getNodeParameter('searchIn', itemIndex, 'all') as string;
	if (searchIn === 'all') {
		const body = await chatwootApiRequest(this, { method: 'GET', path: '/search', qs: { q } });
		return toItems(TYPES.flatMap((type) => resultsOf(body, type).map((record) => ({ result_type: type.slice(0, -1), ...record }))));
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const max = returnAll ? Number.POSITIVE_INFINITY : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const found: IDataObject[] = [];
	for (let page = 1; found.length < max; page++) {
		const records = resultsOf(await chatwootApiRequest(this, { method: 'GET', path: `/search/${searchIn}`, qs: { q, page } }), searchIn);
		found.push(...records);
		if (records.length < PAGE_SIZE) break;
	}
	return toItems(found.slice(0, max));
}

export const concurrent = true;
