import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { listPortals } from './shared';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['portal'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const portals = await listPortals(this);
	if (this.getNodeParameter('returnAll', itemIndex) as boolean) return toItems(portals);
	return toItems(portals.slice(0, this.getNodeParameter('limit', itemIndex) as number));
}
