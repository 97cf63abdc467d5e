import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { getAllWithTotal } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { pagesInParallel } from '../../../shared/execution/parallelism';
import { combinatorProperty, conditionsProperty, readFilterPayload } from '../../helpers/conditions';

const properties: INodeProperties[] = [
	conditionsProperty({
		model: 'contact',
		defaultAttribute: 'email',
		description:
			"Conditions the contacts must meet, evaluated by Chatwoot's contact filter. Chatwoot only searches contacts with an email, phone number or identifier, compares text case-insensitively, and uses only the first value.",
		attributeDescription: 'The contact attribute to test',
	}),
	combinatorProperty(),
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['filter'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const payload = readFilterPayload(this, itemIndex, 'contact', 'Filter needs one or more conditions; to list every contact use Get Many.');
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	// Filtering writes nothing, so a POST that timed out may be repeated.
	const contacts = await getAllWithTotal(
		this,
		{ method: 'POST', path: '/contacts/filter', body: { payload }, idempotent: true },
		{ returnAll, limit, concurrency: pagesInParallel(this) },
	);
	return toItems(contacts);
}
