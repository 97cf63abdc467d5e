import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { simplifyField } from '../../../shared/descriptions';
import { articleLocator, portalLocator } from '../../helpers/locators';
import { readPortalSlug } from '../portal/shared';
import { articlePath, simplifier, subject } from './shared';

const properties: INodeProperties[] = [
	portalLocator('The portal of the article'),
	articleLocator('The article to get'),
	{ ...simplifyField, default: false, description: 'Whether to leave out the content and return a short record with the public URL' },
];

export const description = updateDisplayOptions({ show: { resource: ['article'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const portal = readPortalSlug(this, itemIndex);
	const id = getId(this, 'articleId', itemIndex, 'article ID');
	const article = unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: articlePath(portal, id), subject: subject(id) }));
	if (!this.getNodeParameter('simplify', itemIndex, false)) return toItems(article);
	return toItems((await simplifier(this, portal))(article));
}

export const concurrent = true;
