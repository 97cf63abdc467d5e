import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { getId, toItems } from '../../../shared/helpers/items';
import { asList, platformRequest } from '../../helpers/request';
import { accountLocator } from '../descriptions';

const properties: INodeProperties[] = [accountLocator('The account whose users to list'), ...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['accountUser'], operation: ['getAll'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const accountId = getId(this, 'accountId', itemIndex, 'account ID');
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	// AccountUsersController#index renders every membership of the account in one array.
	const members = asList(
		await platformRequest(this, { method: 'GET', path: `/accounts/${accountId}/account_users`, subject: { resource: 'account', id: accountId } }),
	);
	if (returnAll) return toItems(members);
	return toItems(members.slice(0, this.getNodeParameter('limit', itemIndex) as number));
}
