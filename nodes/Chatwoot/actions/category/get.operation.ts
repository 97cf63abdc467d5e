import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { categoryLocator, portalLocator } from '../../helpers/locators';
import { readPortalSlug } from '../portal/shared';
import { categoryPath, subject } from './shared';

const properties: INodeProperties[] = [portalLocator('The portal of the category'), categoryLocator('The category to get')];

export const description = updateDisplayOptions({ show: { resource: ['category'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const portal = readPortalSlug(this, itemIndex);
	const id = getId(this, 'categoryId', itemIndex, 'category ID');
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: categoryPath(portal, id), subject: subject(id) })));
}

export const concurrent = true;
