import type { INodeProperties } from 'n8n-workflow';

import { idValidationRegex } from '../../shared/helpers/ids';

/** The contact's source ID in this inbox: every Client API call after contact create names it. */
export const contactIdentifierField: INodeProperties = {
	displayName: 'Contact Identifier',
	name: 'contactIdentifier',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3f1b2c9e-5d4a-4b7e-9a51-0c2d8e6f7a10',
	description:
		'The contact\'s source ID in this inbox: "source_id" in the output of Chatwoot Client → Contact → Create, or "contact_inbox.source_id" from the Chatwoot node\'s Contact → Create with this API inbox. It is not the numeric contact ID.',
};

/** A conversation of the contact: picked from the contact's conversations, or by its ID. */
export const conversationLocator = (description = 'The conversation of this contact'): INodeProperties => ({
	displayName: 'Conversation',
	name: 'conversationId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: `${description}. The list shows the conversations of the contact given in Contact Identifier; by ID, use the conversation ID from Conversation → Create or Get Many (the number shown in Chatwoot).`,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchConversations', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 42',
			// Also `#42` or a conversation's address from Chatwoot: getId reads both (shared/helpers/ids.ts).
			validation: [
				{ type: 'regex', properties: { regex: idValidationRegex(['conversations']), errorMessage: 'Not a valid conversation ID (a number)' } },
			],
		},
	],
});

export const contactFields: INodeProperties[] = [
	{
		displayName: 'Avatar URL',
		name: 'avatarUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/avatar.png',
		description: 'Public URL of an image Chatwoot downloads as the contact\'s avatar',
	},
	{
		displayName: 'Custom Attributes',
		name: 'customAttributes',
		type: 'json',
		default: '{}',
		description: 'Custom attributes of the contact as a JSON object, keyed by the attribute key defined in Chatwoot',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Identifier',
		name: 'identifier',
		type: 'string',
		default: '',
		description:
			"Your own ID for this person (e.g. the user ID of your app). With an HMAC token in the credential, the node also sends its identifier_hash; Chatwoot checks it and, on Get and Update, marks the contact verified (Create verifies it with a follow-up Get), and a verified contact can open all of that person's conversations. On Update, Chatwoot only uses it for that check: it never changes the stored identifier. Map it only from an ID your system has authenticated (the logged-in user), never from a value the visitor can type or send.",
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		placeholder: '+14155550123',
		description: 'Phone number in E.164 format (with + and country code)',
	},
];

/**
 * Contact → Get: Chatwoot checks the identity (HMAC) on GET too (Inboxes::ContactsController `before_action :process_hmac`
 * has no `only:`), so an inbox that enforces identity validation answers a GET without identifier + identifier_hash with
 * HTTP 500. With a valid hash the GET also marks the contact verified.
 */
export const contactGetIdentifierField: INodeProperties = {
	displayName: 'Identifier',
	name: 'identifier',
	type: 'string',
	default: '',
	description:
		"The contact's own identifier (your user ID). Needed when the inbox enforces user identity validation: the node sends it with its identifier_hash (computed with the credential's HMAC token), and Chatwoot then marks the contact verified. Leave empty otherwise.",
};
