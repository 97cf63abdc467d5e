import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { asRecord, platformRequest } from '../../helpers/request';
import { displayNameField, passwordField, userBody, userCustomAttributesField } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Nathan Smith',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description:
			'The email the user signs in with. If Chatwoot already has a user with this email, that user is returned unchanged (and this Platform App may use it from now on).',
	},
	passwordField(
		'Required for a new user (Chatwoot refuses a new user without one): at least 6 characters with an uppercase and a lowercase letter, a number and a special character. Ignored when a user with this email already exists. Users can also sign in through a login link (User → Get Login URL).',
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [userCustomAttributesField('Your own data about the user as a JSON object, e.g. {"crm_id": "U-99"}'), displayNameField],
	},
	{
		displayName:
			'The output holds the user\'s access token ("access_token"): treat it like a password. Hand it to a Chatwoot credential to act as this user.',
		name: 'tokenNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const name = this.getNodeParameter('name', itemIndex) as string;
	const email = this.getNodeParameter('email', itemIndex) as string;
	const password = this.getNodeParameter('password', itemIndex, '') as string;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = userBody(this, { ...fields, name, email, password }, itemIndex);
	const user = await platformRequest(this, {
		method: 'POST',
		path: '/users',
		body,
		subject: { resource: 'user' },
		// UsersController#create returns the existing user with this email (User.from_email) rather
		// than creating a second one, so repeating it after a lost answer creates nothing twice.
		idempotent: true,
	});
	return toItems(asRecord(user));
}
