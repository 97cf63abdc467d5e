import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { listMacros } from './shared';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['macro'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const macros = await listMacros(this);
	if (this.getNodeParameter('returnAll', itemIndex) as boolean) return toItems(macros);
	return toItems(macros.slice(0, this.getNodeParameter('limit', itemIndex) as number));
}
