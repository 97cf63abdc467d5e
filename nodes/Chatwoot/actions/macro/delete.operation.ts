import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { macroLocator } from '../../helpers/locators';
import { macroWrite } from './shared';

const properties: INodeProperties[] = [macroLocator('The macro to delete')];

export const description = updateDisplayOptions({ show: { resource: ['macro'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'macroId', itemIndex, 'macro ID');
	await macroWrite(this, itemIndex, id, 'DELETE');
	return toItems({ id, deleted: true });
}

export const concurrent = true;
