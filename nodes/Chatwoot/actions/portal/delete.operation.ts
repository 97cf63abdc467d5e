import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { portalLocator } from '../../helpers/locators';
import { portalCall, readPortalSlug } from './shared';

const properties: INodeProperties[] = [
	portalLocator('The portal to delete'),
	{ displayName: 'Deleting a portal also deletes its categories and articles', name: 'deleteNotice', type: 'notice', default: '' },
];

export const description = updateDisplayOptions({ show: { resource: ['portal'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const slug = readPortalSlug(this, itemIndex);
	await portalCall(this, itemIndex, slug, { method: 'DELETE' });
	return toItems({ slug, deleted: true });
}
