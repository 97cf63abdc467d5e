import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, parseJsonField } from '../../../shared/helpers/items';

export const passwordField = (description: string): INodeProperties => ({
	displayName: 'Password',
	name: 'password',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description,
});

/** Platform::Api::V1::UsersController#user_params besides name, email and password. */
export const displayNameField: INodeProperties = {
	displayName: 'Display Name',
	name: 'displayName',
	type: 'string',
	default: '',
	description: 'The name customers see on replies, if different from the name',
};

export const userCustomAttributesField = (description: string): INodeProperties => ({
	displayName: 'Custom Attributes',
	name: 'customAttributes',
	type: 'json',
	default: '{}',
	description,
});

export function userBody(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body = compact({
		name: fields.name,
		display_name: fields.displayName,
		email: typeof fields.email === 'string' ? fields.email.trim() : fields.email,
		password: fields.password,
	});
	if (fields.customAttributes !== undefined) {
		const attributes = parseJsonField(context, fields.customAttributes, 'Custom Attributes', itemIndex);
		if (Object.keys(attributes).length) body.custom_attributes = attributes;
	}
	return body;
}
