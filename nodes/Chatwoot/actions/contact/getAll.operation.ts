import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems, toLabelList } from '../../../shared/helpers/items';
import { getAllWithTotal } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { pagesInParallel } from '../../../shared/execution/parallelism';
import { sortOptions, sortParam } from './sort';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Contact Inboxes',
				name: 'includeContactInboxes',
				type: 'boolean',
				default: true,
				description: 'Whether to include the inboxes each contact is in (contact_inboxes, with their source IDs)',
			},
			{
				displayName: 'Label Names or IDs',
				name: 'labels',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getLabels' },
				default: [],
				description:
					'Only contacts with any of these labels. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			...sortOptions,
		],
	},
	{
		displayName:
			'Chatwoot lists only identified contacts (with an email, phone number or identifier). Use Search or Filter to find anonymous website visitors.',
		name: 'getAllNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const sort = sortParam(options);
	if (sort) qs.sort = sort;
	const labels = toLabelList(options.labels ?? []);
	if (labels.length) qs.labels = labels;
	if (options.includeContactInboxes === false) qs.include_contact_inboxes = false;
	const contacts = await getAllWithTotal(this, { method: 'GET', path: '/contacts', qs }, {
		returnAll,
		limit,
		concurrency: pagesInParallel(this),
	});
	return toItems(contacts);
}
