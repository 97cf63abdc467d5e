import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { categoryLocator, portalLocator } from '../../helpers/locators';
import { readPortalSlug } from '../portal/shared';
import { categoryPath, subject } from './shared';

const properties: INodeProperties[] = [
	portalLocator('The portal of the category'),
	categoryLocator('The category to delete'),
	{ displayName: 'Its articles stay, without a category', name: 'deleteNotice', type: 'notice', default: '' },
];

export const description = updateDisplayOptions({ show: { resource: ['category'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const portal = readPortalSlug(this, itemIndex);
	const id = getId(this, 'categoryId', itemIndex, 'category ID');
	await chatwootApiRequest(this, { method: 'DELETE', path: categoryPath(portal, id), subject: subject(id) });
	return toItems({ id, deleted: true });
}

export const concurrent = true;
