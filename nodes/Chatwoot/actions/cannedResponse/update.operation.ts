import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { cannedResponseLocator } from '../../helpers/settingsLocators';
import { requireChanges } from '../../helpers/records';
import { cannedSubject } from './list';

const properties: INodeProperties[] = [
	cannedResponseLocator('The canned response to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'New reply text' },
			{ displayName: 'Short Code', name: 'shortCode', type: 'string', default: '', description: 'New short code (unique in the account)' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['cannedResponse'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'cannedResponseId', itemIndex, 'canned response ID');
	const f = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = compact({ short_code: typeof f.shortCode === 'string' ? f.shortCode.trim() : undefined, content: f.content });
	requireChanges(this, itemIndex, body);
	const updated = await chatwootApiRequest(this, { method: 'PATCH', path: `/canned_responses/${id}`, body: { canned_response: body }, subject: cannedSubject(id) });
	return toItems(unwrapRecord(updated));
}

export const concurrent = true;
