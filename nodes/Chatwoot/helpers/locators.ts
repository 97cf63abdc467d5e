import type { INodeProperties } from 'n8n-workflow';

import { idValidationRegex, urlSegmentsFor } from '../../shared/helpers/ids';

/** A locator with "From List" and "By ID" only: records Chatwoot's UI has no per-record URL for. */
function listOrId(name: string, displayName: string, searchListMethod: string, description: string, required = true): INodeProperties {
	const label = displayName.toLowerCase();
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3',
				// also `#3` or an address with the ID, like every locator (getId reads them; shared/helpers/ids.ts)
				validation: [{ type: 'regex', properties: { regex: idValidationRegex(urlSegmentsFor(name)), errorMessage: `Not a valid ${label} ID (a number)` } }],
			},
		],
	};
}

export const automationRuleLocator = (description = 'The automation rule'): INodeProperties =>
	listOrId('automationRuleId', 'Automation Rule', 'searchAutomationRules', description);

export const macroLocator = (description = 'The macro'): INodeProperties => listOrId('macroId', 'Macro', 'searchMacros', description);

/** Campaigns are addressed by their per-account display ID (the `id` Chatwoot returns). */
export const campaignLocator = (description = 'The campaign'): INodeProperties =>
	listOrId('campaignId', 'Campaign', 'searchCampaigns', description);

export const categoryLocator = (description = 'The category'): INodeProperties =>
	listOrId('categoryId', 'Category', 'searchCategories', description);

export const articleLocator = (description = 'The article'): INodeProperties =>
	listOrId('articleId', 'Article', 'searchArticles', description);

export const labelIdLocator = (description = 'The label'): INodeProperties => listOrId('labelId', 'Label', 'searchLabelIds', description);

/** A slug or an address with `/portals/<slug>`, in both typed modes (n8n keeps the value when the mode changes). */
const PORTAL_SLUG_OR_URL = '(?:\\s*[A-Za-z0-9_-]+\\s*|\\s*\\S*/portals/[A-Za-z0-9_-]+(?:[/?#]\\S*)?\\s*)';

/** Portals are addressed by their slug, not their ID (`/portals/{slug}`). */
export const portalLocator = (description = 'The help-center portal'): INodeProperties => ({
	displayName: 'Portal',
	name: 'portalSlug',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description,
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchPortals', searchable: true } },
		{
			displayName: 'By Slug',
			name: 'slug',
			type: 'string',
			placeholder: 'e.g. help',
			validation: [{ type: 'regex', properties: { regex: PORTAL_SLUG_OR_URL, errorMessage: 'Not a portal slug (letters, digits, - and _)' } }],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://app.chatwoot.com/app/accounts/1/portals/help/en/articles',
			extractValue: { type: 'regex', regex: '/portals/([A-Za-z0-9_-]+)' },
			validation: [{ type: 'regex', properties: { regex: PORTAL_SLUG_OR_URL, errorMessage: 'Not a Chatwoot portal URL' } }],
		},
	],
});
