import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { campaignLocator } from '../../helpers/locators';
import { campaignCall } from './shared';

const properties: INodeProperties[] = [campaignLocator('The campaign to delete')];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'campaignId', itemIndex, 'campaign ID');
	await campaignCall(this, itemIndex, id, 'DELETE');
	return toItems({ id, deleted: true });
}

export const concurrent = true;
