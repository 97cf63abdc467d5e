import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { asRecord, platformRequest } from '../../helpers/request';
import { accountLocator, userIdField } from '../descriptions';
import { roleField } from './fields';

const properties: INodeProperties[] = [
	accountLocator('The account the user joins'),
	userIdField('The user to add'),
	roleField,
];

export const description = updateDisplayOptions({ show: { resource: ['accountUser'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const accountId = getId(this, 'accountId', itemIndex, 'account ID');
	const userId = getId(this, 'userId', itemIndex, 'user ID');
	const role = this.getNodeParameter('role', itemIndex) as string;
	const accountUser = await platformRequest(this, {
		method: 'POST',
		path: `/accounts/${accountId}/account_users`,
		body: { user_id: userId, role },
		subject: { resource: 'account', id: accountId },
		// AccountUsersController#create is find_or_initialize_by(user_id) + update!: repeating it
		// leaves one membership with this role, so a retry after a lost answer is harmless.
		idempotent: true,
	});
	return toItems(asRecord(accountUser));
}
