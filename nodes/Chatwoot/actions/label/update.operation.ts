import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { labelLocator } from '../../helpers/settingsLocators';
import { requireChanges } from '../../helpers/records';
import { labelBody, labelFields } from './fields';

const properties: INodeProperties[] = [
	labelLocator('The label to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...labelFields(), { displayName: 'Title', name: 'title', type: 'string', default: '', description: 'New title: letters, numbers, - and _ only, no spaces; stored in lower case. Labels already on contacts and conversations keep the old title.' }],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['label'], operation: ['update'] } }, properties);

/**
 * PATCH /labels/{id}. Renaming a label does not rename it on contacts and conversations that
 * carry it: Chatwoot stores labels there by title (acts_as_taggable).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'labelId', itemIndex, 'label ID');
	const body = labelBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	requireChanges(this, itemIndex, body);
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'PATCH', path: `/labels/${id}`, body, subject: { resource: 'label', id } })));
}

export const concurrent = true;
