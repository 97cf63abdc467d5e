import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { macroLocator } from '../../helpers/locators';
import { getMacro } from './shared';

const properties: INodeProperties[] = [macroLocator('The macro to get')];

export const description = updateDisplayOptions({ show: { resource: ['macro'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return toItems(await getMacro(this, getId(this, 'macroId', itemIndex, 'macro ID')));
}

export const concurrent = true;
