import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { portalLocator } from '../../helpers/locators';
import { readPortalSlug } from '../portal/shared';
import { articleBody, articleFields, articlePath, metaChange, subject, tokenUserId } from './shared';

const properties: INodeProperties[] = [
	portalLocator('The portal to publish in'),
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '', placeholder: 'e.g. How to change your plan' },
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		description: 'The article body in Markdown (required to publish)',
	},
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: articleFields },
];

export const description = updateDisplayOptions({ show: { resource: ['article'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const portal = readPortalSlug(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = articleBody(
		this,
		{ ...fields, title: this.getNodeParameter('title', itemIndex), content: this.getNodeParameter('content', itemIndex, '') },
		itemIndex,
	);
	if (!body.title) throw new NodeOperationError(this.getNode(), 'The article needs a title', { itemIndex, description: 'Fill in "Title".' });
	if (body.status === 1 && !body.content) {
		throw new NodeOperationError(this.getNode(), 'A published article needs content', {
			itemIndex,
			description: 'Write the article under "Content", or create it as a draft.',
		});
	}
	if (body.author_id === undefined) body.author_id = await tokenUserId(this);
	const meta = metaChange(fields);
	if (meta) body.meta = meta;
	const article = await chatwootApiRequest(this, { method: 'POST', path: articlePath(portal), body, subject: subject() });
	return toItems(unwrapRecord(article));
}
