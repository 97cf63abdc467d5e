import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getAllUntilShortPage } from '../../../shared/transport';
import { returnAllOrLimit, simplifyField } from '../../../shared/descriptions';
import { combinatorProperty, conditionsProperty, readFilterPayload } from '../../helpers/conditions';
import { conversationItems } from './shared';

/** Kaminari's default page size of POST /conversations/filter. */
const PAGE_SIZE = 25;

const properties: INodeProperties[] = [
	conditionsProperty({
		model: 'conversation',
		defaultAttribute: 'status',
		description:
			"Conditions the conversations must meet, evaluated by Chatwoot's conversation filter (the same as the filters in Chatwoot's conversation list)",
		attributeDescription: 'The conversation attribute to test',
	}),
	combinatorProperty(),
	...returnAllOrLimit(),
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['filter'] } }, properties);

/**
 * POST /conversations/filter (conversations_controller.rb#filter → Conversations::FilterService):
 * `{meta: {mine_count, unassigned_count, all_count}, payload}`, 25 per page. Pages are read one
 * after the other until a short page: the meta counts are per assignee tab, not a page total.
 * Bad attributes, operators or values come back as 422 with Chatwoot's own explanation.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const payload = readFilterPayload(this, itemIndex, 'conversation', 'Filter needs one or more conditions; to list conversations by status, inbox or label use Get Many.');
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	// Filtering writes nothing, so a POST that timed out may be repeated.
	const conversations = await getAllUntilShortPage(
		this,
		{ method: 'POST', path: '/conversations/filter', body: { payload }, idempotent: true },
		{ returnAll, limit },
		PAGE_SIZE,
	);
	return conversationItems(this, itemIndex, conversations);
}

export const concurrent = true;
