import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { platformRequest } from '../../helpers/request';
import { accountLocator, userIdField } from '../descriptions';

const properties: INodeProperties[] = [
	accountLocator('The account the user leaves'),
	userIdField('The user to remove from the account (the user itself is not deleted)'),
];

export const description = updateDisplayOptions({ show: { resource: ['accountUser'], operation: ['delete'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const accountId = getId(this, 'accountId', itemIndex, 'account ID');
	const userId = getId(this, 'userId', itemIndex, 'user ID');
	// AccountUsersController#destroy reads params[:user_id]; the spec declares no body for this
	// DELETE, so it travels in the query string (Rails merges both into params).
	await platformRequest(this, {
		method: 'DELETE',
		path: `/accounts/${accountId}/account_users`,
		qs: { user_id: userId },
		subject: { resource: 'account', id: accountId },
	});
	return toItems({ deleted: true, account_id: accountId, user_id: userId });
}
