import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapList, unwrapRecord } from '../../../shared/transport';
import { labelBody, labelFields, titleDescription } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '', placeholder: 'e.g. vip', description: titleDescription },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: labelFields() },
];

export const description = updateDisplayOptions({ show: { resource: ['label'], operation: ['create'] } }, properties);

/** POST /labels (labels_controller.rb#create): 422 "Title has already been taken" for a duplicate. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const title = String(this.getNodeParameter('title', itemIndex)).trim();
	const body = labelBody({ ...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject), title });
	const label = await chatwootApiRequest(this, {
		method: 'POST',
		path: '/labels',
		body,
		subject: { resource: 'label' },
		reconcile: async () => unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/labels' })).find((l) => l.title === title.toLowerCase()),
	});
	return toItems(unwrapRecord(label));
}

export const concurrent = true;
