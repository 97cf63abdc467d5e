import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { asRecord, platformRequest } from '../../helpers/request';
import { userIdField } from '../descriptions';
import { displayNameField, passwordField, userBody, userCustomAttributesField } from './fields';

const properties: INodeProperties[] = [
	userIdField('The user to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			userCustomAttributesField('Custom attributes to set, as a JSON object; they are merged into the existing ones (keys not named stay)'),
			displayNameField,
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'New sign-in email; Chatwoot changes it at once, without a confirmation email',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			passwordField('New password: at least 6 characters with an uppercase and a lowercase letter, a number and a special character'),
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['update'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const userId = getId(this, 'userId', itemIndex, 'user ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = userBody(this, fields, itemIndex);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under Update Fields.' });
	}
	const user = await platformRequest(this, { method: 'PATCH', path: `/users/${userId}`, body, subject: { resource: 'user', id: userId } });
	return toItems(asRecord(user));
}
