import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { listRules } from './shared';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['automationRule'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const rules = await listRules(this);
	if (this.getNodeParameter('returnAll', itemIndex) as boolean) return toItems(rules);
	return toItems(rules.slice(0, this.getNodeParameter('limit', itemIndex) as number));
}
