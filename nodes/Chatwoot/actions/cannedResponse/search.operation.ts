import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitedItems } from '../../helpers/records';
import { listCannedResponses } from './list';

const properties: INodeProperties[] = [
	{
		displayName: 'Search Term',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. refund',
		description: 'Text the short code or the content contains (case-insensitive); best matches come first',
	},
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['cannedResponse'], operation: ['search'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const query = String(this.getNodeParameter('query', itemIndex, '')).trim();
	if (query === '') {
		throw new NodeOperationError(this.getNode(), 'The search term is empty', {
			itemIndex,
			description: 'Enter text to look for, or use Get Many to list every canned response.',
		});
	}
	return limitedItems(this, itemIndex, await listCannedResponses(this, query));
}
