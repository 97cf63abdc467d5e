import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitedItems } from '../../helpers/records';

const properties: INodeProperties[] = [
	{
		displayName: 'Filter Type',
		name: 'filterType',
		type: 'options',
		options: [
			{ name: 'Contact', value: 'contact', description: 'Segments in the contacts list' },
			{ name: 'Conversation', value: 'conversation', description: 'Folders in the conversations list' },
			{ name: 'Report', value: 'report', description: 'Filters saved in the reports' },
		],
		default: 'conversation',
		description: 'Which saved filters to list (Chatwoot lists one type at a time)',
	},
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['customFilter'], operation: ['getAll'] } }, properties);

/** GET /custom_filters?filter_type=…: the token user's saved filters of one type, all at once. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filterType = this.getNodeParameter('filterType', itemIndex) as string;
	return limitedItems(this, itemIndex, unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/custom_filters', qs: { filter_type: filterType } })));
}
