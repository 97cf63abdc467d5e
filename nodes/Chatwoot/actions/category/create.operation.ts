import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { portalLocator } from '../../helpers/locators';
import { portalCall, readPortalSlug } from '../portal/shared';
import { categoryBody, categoryFields, categoryPath, slugify, subject } from './shared';

const properties: INodeProperties[] = [
	portalLocator('The portal the category belongs to'),
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Billing' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...categoryFields,
			{ displayName: 'Slug', name: 'slug', type: 'string', default: '', description: 'Name in URLs; empty: made from the name' },
		].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['category'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const portal = readPortalSlug(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const name = String(this.getNodeParameter('name', itemIndex)).trim();
	const body = categoryBody({ ...fields, name });
	if (!body.slug) body.slug = slugify(name);
	if (!body.slug) {
		throw new NodeOperationError(this.getNode(), 'The category needs a slug', { itemIndex, description: 'Set "Slug" under Additional Fields (letters and digits).' });
	}
	if (!body.locale) {
		// Chatwoot requires one of the portal's locales; without one, use the portal's default like its UI does.
		const config = (unwrapRecord(await portalCall(this, itemIndex, portal, { method: 'GET' })).config ?? {}) as IDataObject;
		body.locale = config.default_locale ?? 'en';
	}
	const category = await chatwootApiRequest(this, { method: 'POST', path: categoryPath(portal), body, subject: subject() });
	return toItems(unwrapRecord(category));
}
