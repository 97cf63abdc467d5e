import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, parseJsonField } from '../../../shared/helpers/items';

/** What Platform::Api::V1::AccountsController#permitted_params accepts besides the name. */
export const accountFields: INodeProperties[] = [
	{
		displayName: 'Custom Attributes',
		name: 'customAttributes',
		type: 'json',
		default: '{}',
		description: 'Your own data about the account as a JSON object, e.g. {"plan": "pro", "customer_id": "C-17"}',
	},
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'string',
		default: '',
		placeholder: 'e.g. support.example.com',
		description: "The account's domain (used for email conversations)",
	},
	{
		displayName: 'Features',
		name: 'features',
		type: 'json',
		default: '{}',
		description:
			'Features to turn on (true) or off (false) for this account, as a JSON object of Chatwoot feature names, e.g. {"help_center": true, "channel_facebook": false}. Features not named keep their installation default.',
	},
	{
		displayName: 'Limits',
		name: 'limits',
		type: 'json',
		default: '{}',
		description: 'Usage limits as a JSON object, e.g. {"agents": 5, "inboxes": 10}',
	},
	{
		displayName: 'Locale',
		name: 'locale',
		type: 'string',
		default: '',
		placeholder: 'e.g. en, es, pt_BR',
		description: "Language of the account's interface and of Chatwoot's automatic messages",
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'active' },
			{ name: 'Suspended', value: 'suspended', description: 'Nobody can use the account; its API calls answer "Account is suspended"' },
		],
		default: 'active',
	},
	{
		displayName: 'Support Email',
		name: 'supportEmail',
		type: 'string',
		default: '',
		placeholder: 'e.g. support@example.com',
	},
];

/** The request body: only the fields the user set, JSON fields parsed and named on error. */
export function accountBody(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body = compact({
		name: fields.name,
		locale: fields.locale,
		domain: fields.domain,
		support_email: fields.supportEmail,
		status: fields.status,
	});
	const json: Array<[string, string, string]> = [
		['custom_attributes', 'customAttributes', 'Custom Attributes'],
		['limits', 'limits', 'Limits'],
		['features', 'features', 'Features'],
	];
	for (const [key, field, label] of json) {
		if (fields[field] === undefined) continue;
		const value = parseJsonField(context, fields[field], label, itemIndex);
		if (Object.keys(value).length) body[key] = value;
	}
	return body;
}
