import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { asRecord, platformRequest } from '../../helpers/request';
import { accountLocator } from '../descriptions';
import { accountBody, accountFields } from './fields';

const properties: INodeProperties[] = [
	accountLocator('The account to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...accountFields,
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name of the account' } as INodeProperties,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['update'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const accountId = getId(this, 'accountId', itemIndex, 'account ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = accountBody(this, fields, itemIndex);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: 'Add at least one field under Update Fields.',
		});
	}
	const account = await platformRequest(this, {
		method: 'PATCH',
		path: `/accounts/${accountId}`,
		body,
		subject: { resource: 'account', id: accountId },
	});
	return toItems(asRecord(account));
}
