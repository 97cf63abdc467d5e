import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, getId, parseJsonField } from '../../../shared/helpers/items';
import { inboxLocator } from '../../../shared/descriptions';

/** Name, email, phone number and identifier as top-level fields (create, upsert). */
export function identityFields(mode: 'create' | 'upsert'): INodeProperties[] {
	const keyHint = mode === 'upsert' ? ' Used to find an existing contact.' : '';
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Jane Doe',
			description: 'Full name of the contact',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			default: '',
			placeholder: 'e.g. name@email.com',
			description: `Email address of the contact; unique in the account.${keyHint}`,
		},
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. +14155550100',
			description: `Phone number in international E.164 format (+ and country code); unique in the account.${keyHint}`,
		},
		{
			displayName: 'Identifier',
			name: 'identifier',
			type: 'string',
			default: '',
			placeholder: 'e.g. crm-000123',
			description: `Your own unique ID for the contact, such as the ID in your CRM or user database.${
				mode === 'upsert' ? ' Checked first when looking for an existing contact.' : ''
			}`,
		},
	];
}

/** Fields shared by the create/upsert "Additional Fields" and the update "Update Fields" collections. */
export function attributeFields(): INodeProperties[] {
	return [
		{
			displayName: 'Additional Attributes (JSON)',
			name: 'additionalAttributesJson',
			type: 'json',
			default: '{}',
			description:
				'More of Chatwoot\'s additional attributes as a JSON object, e.g. {"social_profiles": {"linkedin": "jane"}}. Chatwoot merges them into the existing ones.',
		},
		{
			displayName: 'Avatar URL',
			name: 'avatarUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/jane.png',
			description: 'Public URL of an image Chatwoot downloads and uses as the avatar',
		},
		{
			displayName: 'Blocked',
			name: 'blocked',
			type: 'boolean',
			default: false,
			description: 'Whether the contact is blocked (Chatwoot ignores messages from blocked contacts)',
		},
		{
			displayName: 'City',
			name: 'city',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Company',
			name: 'company',
			type: 'string',
			default: '',
			description: 'Company name (additional attribute company_name)',
		},
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'e.g. Germany',
		},
		{
			displayName: 'Country Code',
			name: 'countryCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. DE',
			description: 'Two-letter ISO country code',
		},
		{
			displayName: 'Custom Attributes',
			name: 'customAttributesUi',
			type: 'fixedCollection',
			placeholder: 'Add Attribute',
			typeOptions: { multipleValues: true },
			default: {},
			description:
				'Custom attributes by key (the attribute key from Settings → Custom Attributes). Values are sent as text; use the JSON field for numbers or booleans.',
			options: [
				{
					displayName: 'Attribute',
					name: 'attribute',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'e.g. plan' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. pro' },
					],
				},
			],
		},
		{
			displayName: 'Custom Attributes (JSON)',
			name: 'customAttributesJson',
			type: 'json',
			default: '{}',
			description:
				'Custom attributes as a JSON object, e.g. {"plan": "pro", "seats": 5}. Combined with the Custom Attributes field (that one wins on the same key). Chatwoot merges them into the existing ones.',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			typeOptions: { rows: 2 },
			description: 'Free-text description of the contact (additional attribute description)',
		},
	];
}

/** Additional fields for create (with the inbox to create the contact in) or upsert. */
export function additionalFieldsCollection(mode: 'create' | 'upsert'): INodeProperties {
	const options = attributeFields();
	if (mode === 'create') {
		options.push(
			{
				...inboxLocator(
					'Also create the contact in this inbox; the output then holds contact_inbox.source_id for conversations and the Client API',
				),
				required: false,
			},
			{
				displayName: 'Source ID',
				name: 'sourceId',
				type: 'string',
				default: '',
				description:
					"The contact's ID in the inbox's channel (e.g. the phone number for SMS). Only with an inbox; Chatwoot generates one for API inboxes when empty.",
			},
		);
	}
	options.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

export function updateFieldsCollection(): INodeProperties {
	const options: INodeProperties[] = [
		...attributeFields(),
		{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'e.g. name@email.com' },
		{
			displayName: 'Identifier',
			name: 'identifier',
			type: 'string',
			default: '',
			description: 'Your own unique ID for the contact, such as the ID in your CRM',
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. +14155550100',
			description: 'Phone number in international E.164 format',
		},
	];
	options.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

function customAttributes(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject | undefined {
	const fromJson = parseJsonField(context, fields.customAttributesJson, 'Custom Attributes (JSON)', itemIndex);
	const fromUi: IDataObject = {};
	const rows = ((fields.customAttributesUi as IDataObject | undefined)?.attribute ?? []) as IDataObject[];
	for (const row of rows) {
		const key = String(row.key ?? '').trim();
		if (key === '') {
			throw new NodeOperationError(context.getNode(), 'A custom attribute in "Custom Attributes" has no key', {
				itemIndex,
				description: 'Enter the attribute key (Settings → Custom Attributes in Chatwoot) or remove the empty row.',
			});
		}
		fromUi[key] = row.value as string;
	}
	const merged = { ...fromJson, ...fromUi };
	return Object.keys(merged).length ? merged : undefined;
}

function additionalAttributes(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject | undefined {
	const fromJson = parseJsonField(context, fields.additionalAttributesJson, 'Additional Attributes (JSON)', itemIndex);
	const merged = {
		...fromJson,
		...compact({
			company_name: fields.company,
			city: fields.city,
			country: fields.country,
			country_code: fields.countryCode,
			description: fields.description,
		}),
	};
	return Object.keys(merged).length ? merged : undefined;
}

/**
 * Chatwoot's contact body from the identity values and a collection (additionalFields /
 * updateFields). Only what the user set is included.
 */
export function contactBody(
	context: IExecuteFunctions,
	itemIndex: number,
	identity: IDataObject,
	fields: IDataObject,
): IDataObject {
	const trim = (value: unknown): IDataObject[string] => (typeof value === 'string' ? value.trim() : (value as IDataObject[string]));
	const body = compact({
		name: trim(identity.name),
		email: trim(identity.email),
		phone_number: trim(identity.phoneNumber),
		identifier: trim(identity.identifier),
		avatar_url: trim(fields.avatarUrl),
		custom_attributes: customAttributes(context, fields, itemIndex),
		additional_attributes: additionalAttributes(context, fields, itemIndex),
	});
	if (typeof fields.blocked === 'boolean') body.blocked = fields.blocked;
	return body;
}

/** The inbox chosen in Additional Fields (create), if any. */
export function optionalInboxId(context: IExecuteFunctions, itemIndex: number, fields: IDataObject): number | undefined {
	const raw = fields.inboxId as IDataObject | string | undefined;
	const value = raw !== null && typeof raw === 'object' ? raw.value : raw;
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	return getId(context, 'additionalFields.inboxId', itemIndex, 'inbox ID');
}
