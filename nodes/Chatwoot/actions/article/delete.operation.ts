import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { articleLocator, portalLocator } from '../../helpers/locators';
import { readPortalSlug } from '../portal/shared';
import { articlePath, subject } from './shared';

const properties: INodeProperties[] = [portalLocator('The portal of the article'), articleLocator('The article to delete')];

export const description = updateDisplayOptions({ show: { resource: ['article'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const portal = readPortalSlug(this, itemIndex);
	const id = getId(this, 'articleId', itemIndex, 'article ID');
	await chatwootApiRequest(this, { method: 'DELETE', path: articlePath(portal, id), subject: subject(id) });
	return toItems({ id, deleted: true });
}

export const concurrent = true;
