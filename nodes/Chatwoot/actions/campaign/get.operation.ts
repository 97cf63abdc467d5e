import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { simplifyField } from '../../../shared/descriptions';
import { campaignLocator } from '../../helpers/locators';
import { campaignCall, simplifyCampaign } from './shared';

const properties: INodeProperties[] = [campaignLocator('The campaign to get'), simplifyField];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'campaignId', itemIndex, 'campaign ID');
	const campaign = unwrapRecord(await campaignCall(this, itemIndex, id, 'GET'));
	return toItems(this.getNodeParameter('simplify', itemIndex, true) ? simplifyCampaign(campaign) : campaign);
}

export const concurrent = true;
