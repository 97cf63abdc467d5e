import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The condition builder of every Chatwoot filter payload: contact Filter, conversation Filter and
 * saved filters (custom filters). Chatwoot's FilterService (app/services/filter_service.rb) reads
 * `[{attribute_key, filter_operator, values, query_operator}]`; the attributes each model allows
 * are listed in lib/filters/filter_keys.yml.
 */

export const NO_VALUE_OPERATORS = ['is_present', 'is_not_present'];

export const CONTACT_ATTRIBUTES: INodePropertyOptions[] = [
	{ name: 'Blocked', value: 'blocked' },
	{ name: 'City', value: 'city' },
	{ name: 'Company', value: 'company' },
	{ name: 'Country Code', value: 'country_code' },
	{ name: 'Created At', value: 'created_at' },
	{ name: 'Custom Attribute', value: 'customAttribute' },
	{ name: 'Email', value: 'email' },
	{ name: 'Identifier', value: 'identifier' },
	{ name: 'Labels', value: 'labels' },
	{ name: 'Last Activity At', value: 'last_activity_at' },
	{ name: 'Name', value: 'name' },
	{ name: 'Phone Number', value: 'phone_number' },
	{ name: 'Referer', value: 'referer' },
];

export const CONVERSATION_ATTRIBUTES: INodePropertyOptions[] = [
	{ name: 'Assignee ID', value: 'assignee_id' },
	{ name: 'Browser Language', value: 'browser_language' },
	{ name: 'Campaign ID', value: 'campaign_id' },
	{ name: 'Contact ID', value: 'contact_id' },
	{ name: 'Conversation ID', value: 'display_id', description: 'The number shown in Chatwoot' },
	{ name: 'Conversation Language', value: 'conversation_language' },
	{ name: 'Created At', value: 'created_at' },
	{ name: 'Custom Attribute', value: 'customAttribute' },
	{ name: 'Inbox ID', value: 'inbox_id' },
	{ name: 'Labels', value: 'labels' },
	{ name: 'Last Activity At', value: 'last_activity_at' },
	{ name: 'Mail Subject', value: 'mail_subject' },
	{ name: 'Priority', value: 'priority', description: 'Urgent, high, medium or low' },
	{ name: 'Referer', value: 'referer' },
	{ name: 'Status', value: 'status', description: 'Open, resolved, pending or snoozed' },
	{ name: 'Team ID', value: 'team_id' },
];

/** The "Conditions" fixed collection (one row per condition). */
export function conditionsProperty(
	attributes: INodePropertyOptions[],
	defaultAttribute: string,
	description: string,
	attributeDescription: string,
	displayOptions?: INodeProperties['displayOptions'],
): INodeProperties {
	const property: INodeProperties = {
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		placeholder: 'Add Condition',
		typeOptions: { multipleValues: true },
		required: true,
		default: {},
		description,
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{ displayName: 'Attribute', name: 'attribute', type: 'options', options: attributes, default: defaultAttribute, description: attributeDescription },
					{
						displayName: 'Custom Attribute Key',
						name: 'customAttributeKey',
						type: 'string',
						default: '',
						placeholder: 'e.g. plan',
						description: 'The key of the custom attribute (Settings → Custom Attributes in Chatwoot)',
						displayOptions: { show: { attribute: ['customAttribute'] } },
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'Contains', value: 'contains' },
							{ name: 'Days Before', value: 'days_before', description: 'Date attributes: more than this many days ago' },
							{ name: 'Does Not Contain', value: 'does_not_contain' },
							{ name: 'Equal To', value: 'equal_to' },
							{ name: 'Is Greater Than', value: 'is_greater_than' },
							{ name: 'Is Less Than', value: 'is_less_than' },
							{ name: 'Is Not Present', value: 'is_not_present' },
							{ name: 'Is Present', value: 'is_present' },
							{ name: 'Not Equal To', value: 'not_equal_to' },
						],
						default: 'equal_to',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value to compare with. Dates as YYYY-MM-DD; for Days Before, a number of days.',
						displayOptions: { hide: { operator: NO_VALUE_OPERATORS } },
					},
				],
			},
		],
	};
	if (displayOptions) property.displayOptions = displayOptions;
	return property;
}

export function combinatorProperty(displayOptions?: INodeProperties['displayOptions']): INodeProperties {
	const property: INodeProperties = {
		displayName: 'Combine Conditions',
		name: 'combinator',
		type: 'options',
		options: [
			{ name: 'All Conditions Must Match (AND)', value: 'and' },
			{ name: 'Any Condition May Match (OR)', value: 'or' },
		],
		default: 'and',
		description: 'How the conditions are combined',
	};
	if (displayOptions) property.displayOptions = displayOptions;
	return property;
}

/** Chatwoot's filter payload: one entry per condition, the last one's query_operator null. */
export function filterPayload(context: IExecuteFunctions, itemIndex: number, rows: IDataObject[], combinator: string, emptyHint: string): IDataObject[] {
	if (rows.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Add at least one condition', { itemIndex, description: emptyHint });
	}
	return rows.map((row, index) => {
		let attribute = String(row.attribute ?? '');
		if (attribute === 'customAttribute') {
			attribute = String(row.customAttributeKey ?? '').trim();
			if (attribute === '') {
				throw new NodeOperationError(context.getNode(), `Condition ${index + 1} has no custom attribute key`, {
					itemIndex,
					description: 'Enter the key of the custom attribute (Settings → Custom Attributes in Chatwoot).',
				});
			}
		}
		const operator = String(row.operator ?? 'equal_to');
		const value = row.value === undefined || row.value === null ? '' : String(row.value);
		if (!NO_VALUE_OPERATORS.includes(operator) && value.trim() === '') {
			throw new NodeOperationError(context.getNode(), `Condition ${index + 1} (${attribute}) has no value`, {
				itemIndex,
				description: 'Enter the value to compare with, or use the operator Is Present / Is Not Present.',
			});
		}
		return {
			attribute_key: attribute,
			filter_operator: operator,
			values: NO_VALUE_OPERATORS.includes(operator) ? [] : [value.trim()],
			query_operator: index === rows.length - 1 ? null : combinator.toUpperCase(),
		};
	});
}

/** Reads Conditions + Combine Conditions of the current item into a filter payload. */
export function readFilterPayload(context: IExecuteFunctions, itemIndex: number, emptyHint: string): IDataObject[] {
	const conditions = context.getNodeParameter('conditions', itemIndex, {}) as IDataObject;
	const combinator = context.getNodeParameter('combinator', itemIndex, 'and') as string;
	return filterPayload(context, itemIndex, (conditions.condition ?? []) as IDataObject[], combinator, emptyHint);
}
