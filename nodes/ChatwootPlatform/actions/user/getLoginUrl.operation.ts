import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { asRecord, platformRequest } from '../../helpers/request';
import { userIdField } from '../descriptions';

const properties: INodeProperties[] = [
	userIdField('The user who signs in'),
	{
		displayName:
			'The link signs the user in without a password. Chatwoot accepts it once and for 5 minutes only: send it to the user right away, and never store or log it.',
		name: 'loginUrlNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getLoginUrl'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const userId = getId(this, 'userId', itemIndex, 'user ID');
	// UsersController#login → {url: User#generate_sso_link} (app/models/concerns/sso_authenticatable.rb).
	const body = asRecord(
		await platformRequest(this, { method: 'GET', path: `/users/${userId}/login`, subject: { resource: 'user', id: userId } }),
	);
	return toItems({ ...body, user_id: userId });
}
