import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { toItems } from '../../../shared/helpers/items';
import { asList, platformRequest } from '../../helpers/request';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	// Platform::Api::V1::AccountsController#index: every account this app created, in one array.
	const accounts = asList(await platformRequest(this, { method: 'GET', path: '/accounts', subject: { resource: 'account' } }));
	if (returnAll) return toItems(accounts);
	return toItems(accounts.slice(0, this.getNodeParameter('limit', itemIndex) as number));
}
