import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { getAllUntilShortPage } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { sortOptions, sortParam } from './sort';

const properties: INodeProperties[] = [
	{
		displayName: 'Search Term',
		name: 'q',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jane@',
		description: 'Text to look for in name, email, phone number or identifier (partial matches count)',
	},
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...sortOptions],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['search'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const q = String(this.getNodeParameter('q', itemIndex, '') ?? '').trim();
	if (q === '') {
		throw new NodeOperationError(this.getNode(), 'The search term is empty', {
			itemIndex,
			description: 'Enter text to search for, or use Get Many to list all contacts.',
		});
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { q };
	const sort = sortParam(options);
	if (sort) qs.sort = sort;
	// Chatwoot throttles contact search to 100 requests per minute per account.
	const contacts = await getAllUntilShortPage(
		this,
		{ method: 'GET', path: '/contacts/search', qs, bucket: 'contactSearch' },
		{ returnAll, limit },
		15,
	);
	return toItems(contacts);
}
