import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { platformRequest } from '../../helpers/request';
import { accountLocator } from '../descriptions';

const properties: INodeProperties[] = [
	accountLocator('The account to delete'),
	{
		displayName:
			'Deleting an account deletes all of its inboxes, contacts, conversations and messages in Chatwoot. Chatwoot does it in the background, shortly after this node reports success. This cannot be undone.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['delete'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const accountId = getId(this, 'accountId', itemIndex, 'account ID');
	// Platform::Api::V1::AccountsController#destroy queues DeleteObjectJob and answers 200 at once.
	await platformRequest(this, { method: 'DELETE', path: `/accounts/${accountId}`, subject: { resource: 'account', id: accountId } });
	return toItems({ deleted: true, id: accountId });
}
