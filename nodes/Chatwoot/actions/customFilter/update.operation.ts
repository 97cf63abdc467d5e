import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { customFilterLocator } from '../../helpers/settingsLocators';
import { readFilterPayload } from '../../helpers/conditions';
import type { FilterModel } from '../../helpers/conditions';
import { requireChanges } from '../../helpers/records';
import { filterSubject, queryFields } from './fields';

const properties: INodeProperties[] = [
	customFilterLocator('The saved filter to change'),
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name; leave empty to keep it' },
	{
		displayName: 'Replace Conditions',
		name: 'replaceConditions',
		type: 'boolean',
		default: false,
		description: 'Whether to replace the conditions of the saved filter with the ones below',
	},
	...queryFields({ replaceConditions: [true] }),
];

export const description = updateDisplayOptions({ show: { resource: ['customFilter'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'customFilterId', itemIndex, 'saved filter ID');
	const body: IDataObject = {};
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	if (name !== '') body.name = name;
	if (this.getNodeParameter('replaceConditions', itemIndex, false) as boolean) {
		const filterType = this.getNodeParameter('filterType', itemIndex) as FilterModel;
		body.filter_type = filterType;
		body.query = { payload: readFilterPayload(this, itemIndex, filterType, 'Add the new conditions, or turn off Replace Conditions.') };
	}
	requireChanges(this, itemIndex, body, 'Name or Replace Conditions');
	const updated = await chatwootApiRequest(this, { method: 'PATCH', path: `/custom_filters/${id}`, body: { custom_filter: body }, subject: filterSubject(id) });
	return toItems(unwrapRecord(updated));
}

export const concurrent = true;
