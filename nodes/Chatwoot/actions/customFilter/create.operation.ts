import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { readFilterPayload } from '../../helpers/conditions';
import type { FilterModel } from '../../helpers/conditions';
import { filterSubject, queryFields } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. VIP waiting', description: 'Name of the folder or segment in Chatwoot' },
	...queryFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['customFilter'], operation: ['create'] } }, properties);

/**
 * POST /custom_filters (app/controllers/api/v1/accounts/custom_filters_controller.rb): saved filters
 * belong to the token's user (other agents don't see them); `query` holds the same payload as
 * POST /conversations/filter or /contacts/filter.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('name', itemIndex)).trim();
	const filterType = this.getNodeParameter('filterType', itemIndex) as FilterModel;
	const payload = readFilterPayload(this, itemIndex, filterType, 'A saved filter needs one or more conditions.');
	// Not retried after an uncertain failure: names are not unique, a second POST would save a second filter.
	const created = await chatwootApiRequest(this, {
		method: 'POST',
		path: '/custom_filters',
		body: { custom_filter: { name, filter_type: filterType, query: { payload } } },
		subject: filterSubject(),
	});
	return toItems(unwrapRecord(created));
}

export const concurrent = true;
