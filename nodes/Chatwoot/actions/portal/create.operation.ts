import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { portalBody, portalFields } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Acme Help Center' },
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. help',
		description: 'The portal\'s name in URLs (/hc/&lt;slug&gt;); unique across the Chatwoot installation',
	},
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: portalFields },
];

export const description = updateDisplayOptions({ show: { resource: ['portal'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = portalBody({
		...fields,
		name: this.getNodeParameter('name', itemIndex) as string,
		slug: this.getNodeParameter('slug', itemIndex) as string,
	});
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'POST', path: '/portals', body, subject: { resource: 'portal' } })));
}
