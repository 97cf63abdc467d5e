import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { platformRequest } from '../../helpers/request';
import { userIdField } from '../descriptions';

const properties: INodeProperties[] = [
	userIdField('The user to delete'),
	{
		displayName: 'The user is deleted from the whole Chatwoot installation, in every account, shortly after this node reports success. This cannot be undone.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['delete'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const userId = getId(this, 'userId', itemIndex, 'user ID');
	// Platform::Api::V1::UsersController#destroy queues DeleteObjectJob and answers 200 at once.
	await platformRequest(this, { method: 'DELETE', path: `/users/${userId}`, subject: { resource: 'user', id: userId } });
	return toItems({ deleted: true, id: userId });
}
