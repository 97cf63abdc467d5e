import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import type { RunContext } from '../../../shared/execution/runContext';
import { articleLocator, portalLocator } from '../../helpers/locators';
import { readPortalSlug } from '../portal/shared';
import { articleBody, articleFields, articlePath, metaChange, subject } from './shared';

const properties: INodeProperties[] = [
	portalLocator('The portal of the article'),
	articleLocator('The article to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			...articleFields,
			{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 6 }, default: '', description: 'The article body in Markdown' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['article'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const portal = readPortalSlug(this, itemIndex);
	const id = getId(this, 'articleId', itemIndex, 'article ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = articleBody(this, fields, itemIndex);
	const wantsMeta = metaChange(fields) !== undefined;
	if (Object.keys(body).length === 0 && !wantsMeta) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under "Update Fields".' });
	}
	return await run.exclusive([`article:${portal}:${id}`], async () => {
		if (wantsMeta) {
			// `meta` is stored as one object: setting the SEO title must keep the SEO description and tags.
			const current = unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: articlePath(portal, id), subject: subject(id) }));
			body.meta = metaChange(fields, (current.meta ?? {}) as IDataObject);
		}
		return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'PATCH', path: articlePath(portal, id), body, subject: subject(id) })));
	});
}

export const concurrent = true;
