import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { returnAllOrLimit, simplifyField } from '../../../shared/descriptions';
import { listCampaigns, simplifyCampaign } from './shared';

const properties: INodeProperties[] = [...returnAllOrLimit(), simplifyField];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	// CampaignsController#index: every campaign at once, as a bare array.
	let campaigns = await listCampaigns(this);
	if (!(this.getNodeParameter('returnAll', itemIndex) as boolean)) campaigns = campaigns.slice(0, this.getNodeParameter('limit', itemIndex) as number);
	return toItems(this.getNodeParameter('simplify', itemIndex, true) ? campaigns.map(simplifyCampaign) : campaigns);
}
