import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { asRecord, platformRequest } from '../../helpers/request';
import { accountLocator } from '../descriptions';

const properties: INodeProperties[] = [accountLocator('The account to get')];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['get'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const accountId = getId(this, 'accountId', itemIndex, 'account ID');
	const account = await platformRequest(this, { method: 'GET', path: `/accounts/${accountId}`, subject: { resource: 'account', id: accountId } });
	return toItems(asRecord(account));
}
