import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { portalLocator } from '../../helpers/locators';
import { portalCall, readPortalSlug } from './shared';

const properties: INodeProperties[] = [
	portalLocator('The portal to get'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [{ displayName: 'Locale', name: 'locale', type: 'string', default: '', placeholder: 'e.g. en', description: 'Count only the articles of this locale in `meta`' }],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['portal'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const slug = readPortalSlug(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = options.locale ? { locale: options.locale } : undefined;
	return toItems(unwrapRecord(await portalCall(this, itemIndex, slug, { method: 'GET', qs })));
}

export const concurrent = true;
