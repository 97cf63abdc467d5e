import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import type { RunContext } from '../../../shared/execution/runContext';
import { campaignLocator } from '../../helpers/locators';
import { campaignBody, campaignCall, campaignFields, triggerRules } from './shared';

const properties: INodeProperties[] = [
	campaignLocator('The campaign to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			...campaignFields,
			{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const id = getId(this, 'campaignId', itemIndex, 'campaign ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = campaignBody(this, fields, itemIndex);
	for (const key of ['title', 'message'] as const) {
		if (typeof fields[key] === 'string' && (fields[key] as string).trim() !== '') body[key] = (fields[key] as string).trim();
	}
	const rulesChange = triggerRules(fields);
	if (Object.keys(body).length === 0 && !rulesChange) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under "Update Fields".' });
	}
	return await run.exclusive([`campaign:${id}`], async () => {
		if (rulesChange) {
			// trigger_rules is stored as one object: changing the page URL must keep time_on_page and vice versa.
			const current = unwrapRecord(await campaignCall(this, itemIndex, id, 'GET'));
			body.trigger_rules = triggerRules(fields, (current.trigger_rules ?? {}) as IDataObject);
		}
		return toItems(unwrapRecord(await campaignCall(this, itemIndex, id, 'PATCH', body)));
	});
}

export const concurrent = true;
