import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { automationRuleLocator } from '../../helpers/locators';
import { ruleCall } from './shared';

const properties: INodeProperties[] = [automationRuleLocator('The automation rule to get')];

export const description = updateDisplayOptions({ show: { resource: ['automationRule'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'automationRuleId', itemIndex, 'automation rule ID');
	return toItems(await ruleCall(this, itemIndex, id, { method: 'GET' }));
}

export const concurrent = true;
