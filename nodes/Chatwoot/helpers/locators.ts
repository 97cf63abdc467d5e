import type { INodeProperties } from 'n8n-workflow';

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
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `Not a valid ${label} ID (a number)` } }],
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
			validation: [{ type: 'regex', properties: { regex: '^\\s*[A-Za-z0-9_-]+\\s*$', errorMessage: 'Not a portal slug (letters, digits, - and _)' } }],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://app.chatwoot.com/app/accounts/1/portals/help/en/articles',
			extractValue: { type: 'regex', regex: '/portals/([A-Za-z0-9_-]+)' },
			validation: [{ type: 'regex', properties: { regex: '.*/portals/[A-Za-z0-9_-]+.*', errorMessage: 'Not a Chatwoot portal URL' } }],
		},
	],
});
