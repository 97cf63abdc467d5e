import type { INodeProperties } from 'n8n-workflow';

import { locator } from '../../shared/descriptions';
import { idValidationRegex } from '../../shared/helpers/ids';

/**
 * Resource locators of the account-settings resources: "From List" (searchable) and "By ID".
 * Their settings pages in Chatwoot show no ID in the address, so there is no "By URL" mode.
 */
function listOrId(name: string, displayName: string, searchListMethod: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 4',
				validation: [
					// a number, `#42` or spaces, like every other locator (see nodes/shared/helpers/ids.ts)
					{ type: 'regex', properties: { regex: idValidationRegex([]), errorMessage: `Not a valid ${displayName.toLowerCase()} ID (a number)` } },
				],
			},
		],
	};
}

export const labelLocator = (description = 'The label'): INodeProperties => listOrId('labelId', 'Label', 'searchLabels', description);

export const cannedResponseLocator = (description = 'The canned response'): INodeProperties =>
	listOrId('cannedResponseId', 'Canned Response', 'searchCannedResponses', description);

export const customAttributeLocator = (description = 'The custom attribute definition'): INodeProperties =>
	listOrId('customAttributeId', 'Custom Attribute', 'searchCustomAttributes', description);

export const webhookLocator = (description = 'The account webhook'): INodeProperties =>
	listOrId('webhookId', 'Webhook', 'searchWebhooks', description);

export const contactNoteLocator = (description = 'The note on the contact'): INodeProperties =>
	listOrId('noteId', 'Note', 'searchContactNotes', description);

export const integrationHookLocator = (description = 'The integration hook (a connected app)'): INodeProperties =>
	listOrId('hookId', 'Hook', 'searchIntegrationHooks', description);

/** Saved conversation filters open in Chatwoot at /custom_view/{id}, so this one also takes a URL. */
export const customFilterLocator = (description = 'The saved filter (a folder or segment in Chatwoot)'): INodeProperties =>
	locator({
		name: 'customFilterId',
		displayName: 'Saved Filter',
		searchListMethod: 'searchCustomFilters',
		urlSegment: 'custom_view',
		urlExample: 'https://app.chatwoot.com/app/accounts/1/custom_view/3',
		description,
	});
