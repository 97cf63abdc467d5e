import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The one condition builder of every Chatwoot filter payload: contact Filter, conversation Filter and
 * saved filters (custom filters) of either type. Chatwoot's FilterService (app/services/filter_service.rb) reads
 * `[{attribute_key, filter_operator, values, query_operator}]`; the attributes each model allows
 * are listed in lib/filters/filter_keys.yml.
 */

export const NO_VALUE_OPERATORS = ['is_present', 'is_not_present'];

export type FilterModel = 'contact' | 'conversation';

/**
 * The operators Chatwoot allows per standard attribute (lib/filters/filter_keys.yml, `contacts:` and
 * `conversations:`); FilterService#validate_query_operator answers any other with 422 "Invalid operator"
 * (app/helpers/filters/filter_helper.rb). Custom attributes accept every operator.
 */
const TEXT_OPERATORS = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain'];
const EQUALITY_OPERATORS = ['equal_to', 'not_equal_to'];
const PRESENCE_OPERATORS = ['equal_to', 'not_equal_to', 'is_present', 'is_not_present'];
const DATE_OPERATORS = ['is_greater_than', 'is_less_than', 'days_before'];
export const FILTER_OPERATORS: Record<FilterModel, Record<string, string[]>> = {
	contact: {
		name: TEXT_OPERATORS,
		phone_number: [...TEXT_OPERATORS, 'starts_with'],
		email: TEXT_OPERATORS,
		identifier: EQUALITY_OPERATORS,
		country_code: EQUALITY_OPERATORS,
		city: TEXT_OPERATORS,
		company_name: TEXT_OPERATORS,
		labels: PRESENCE_OPERATORS,
		created_at: DATE_OPERATORS,
		last_activity_at: DATE_OPERATORS,
		blocked: EQUALITY_OPERATORS,
	},
	conversation: {
		status: EQUALITY_OPERATORS,
		assignee_id: PRESENCE_OPERATORS,
		inbox_id: PRESENCE_OPERATORS,
		team_id: PRESENCE_OPERATORS,
		contact_id: EQUALITY_OPERATORS,
		priority: EQUALITY_OPERATORS,
		display_id: TEXT_OPERATORS,
		campaign_id: PRESENCE_OPERATORS,
		labels: PRESENCE_OPERATORS,
		browser_language: EQUALITY_OPERATORS,
		conversation_language: EQUALITY_OPERATORS,
		referer: TEXT_OPERATORS,
		created_at: DATE_OPERATORS,
		last_activity_at: DATE_OPERATORS,
		mail_subject: TEXT_OPERATORS,
	},
};

/** Option values of the Attribute field that Chatwoot knows under another key (filter_keys.yml). */
const ATTRIBUTE_KEYS: Record<FilterModel, Record<string, string>> = { contact: { company: 'company_name' }, conversation: {} };

/** Attributes offered in the list that Chatwoot cannot filter by, with what to do instead. */
const UNFILTERABLE: Record<FilterModel, Record<string, string>> = {
	contact: {
		referer:
			"Chatwoot's contact filter has no referer attribute (it answers 422 \"Invalid attribute key\"). Store the value in a contact custom attribute and filter on that.",
	},
	conversation: {},
};

const OPERATOR_NAMES: Record<string, string> = {
	contains: 'Contains',
	days_before: 'Days Before',
	does_not_contain: 'Does Not Contain',
	equal_to: 'Equal To',
	is_greater_than: 'Is Greater Than',
	is_less_than: 'Is Less Than',
	is_not_present: 'Is Not Present',
	is_present: 'Is Present',
	not_equal_to: 'Not Equal To',
	starts_with: 'Starts With',
};

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
	{ name: 'Referer (Not Filterable in Chatwoot)', value: 'referer' },
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

const ATTRIBUTES: Record<FilterModel, INodePropertyOptions[]> = { contact: CONTACT_ATTRIBUTES, conversation: CONVERSATION_ATTRIBUTES };

/** What the Operator field says Chatwoot allows per attribute (FILTER_OPERATORS in words). */
const OPERATOR_HINTS: Record<FilterModel, string> = {
	contact:
		'Chatwoot allows per attribute: Name, Email, City, Company: Equal To, Not Equal To, Contains, Does Not Contain (Phone Number also Starts With); Identifier, Country Code, Blocked: Equal To, Not Equal To; Labels: Equal To, Not Equal To, Is Present, Is Not Present; Created At, Last Activity At: Is Greater Than, Is Less Than, Days Before; custom attributes: all',
	conversation:
		'Chatwoot allows per attribute: Status, Priority, Contact ID, Browser and Conversation Language: Equal To, Not Equal To; Assignee, Inbox, Team, Campaign ID, Labels: also Is Present, Is Not Present; Conversation ID, Referer, Mail Subject: Equal To, Not Equal To, Contains, Does Not Contain; Created At, Last Activity At: Is Greater Than, Is Less Than, Days Before; custom attributes: all',
};

const OPERATOR_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Contains', value: 'contains' },
	{ name: 'Days Before', value: 'days_before', description: 'Date attributes: more than this many days ago' },
	{ name: 'Does Not Contain', value: 'does_not_contain' },
	{ name: 'Equal To', value: 'equal_to' },
	{ name: 'Is Greater Than', value: 'is_greater_than' },
	{ name: 'Is Less Than', value: 'is_less_than' },
	{ name: 'Is Not Present', value: 'is_not_present' },
	{ name: 'Is Present', value: 'is_present' },
	{ name: 'Not Equal To', value: 'not_equal_to' },
];

/** Contacts only: Chatwoot allows Starts With for the phone number (filter_keys.yml). */
const STARTS_WITH: INodePropertyOptions = { name: 'Starts With', value: 'starts_with', description: 'Phone number only (Chatwoot compares it like Equal To)' };

/**
 * The "Conditions" fixed collection (one row per condition) of a contact or conversation filter: Filter of
 * contacts and of conversations, and saved filters of either type.
 */
export function conditionsProperty(options: {
	model: FilterModel;
	defaultAttribute: string;
	description: string;
	attributeDescription: string;
	displayOptions?: INodeProperties['displayOptions'];
}): INodeProperties {
	const { model, defaultAttribute } = options;
	const property: INodeProperties = {
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		placeholder: 'Add Condition',
		typeOptions: { multipleValues: true },
		required: true,
		default: {},
		description: options.description,
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Attribute',
						name: 'attribute',
						type: 'options',
						options: ATTRIBUTES[model],
						default: defaultAttribute,
						description: options.attributeDescription,
					},
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
						options: model === 'contact' ? [...OPERATOR_OPTIONS, STARTS_WITH] : OPERATOR_OPTIONS,
						default: 'equal_to',
						description: OPERATOR_HINTS[model],
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
	if (options.displayOptions) property.displayOptions = options.displayOptions;
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

/**
 * Chatwoot's filter payload: one entry per condition, the last one's query_operator null. What Chatwoot would
 * refuse with a 422 (an attribute it cannot filter by, an operator the attribute does not allow, a missing value)
 * is refused here first, naming the condition and what is allowed.
 */
export function filterPayload(
	context: IExecuteFunctions,
	itemIndex: number,
	rows: IDataObject[],
	combinator: string,
	model: FilterModel,
	emptyHint: string,
): IDataObject[] {
	if (rows.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Add at least one condition', { itemIndex, description: emptyHint });
	}
	return rows.map((row, index) => {
		let attribute = String(row.attribute ?? '');
		const operator = String(row.operator ?? 'equal_to');
		const unfilterable = UNFILTERABLE[model][attribute];
		if (unfilterable) {
			throw new NodeOperationError(context.getNode(), `Condition ${index + 1}: Chatwoot cannot filter ${model}s by ${attribute}`, {
				itemIndex,
				description: unfilterable,
			});
		}
		attribute = ATTRIBUTE_KEYS[model][attribute] ?? attribute;
		const allowed = FILTER_OPERATORS[model][attribute];
		if (allowed && !allowed.includes(operator)) {
			throw new NodeOperationError(
				context.getNode(),
				`Condition ${index + 1}: Chatwoot does not allow "${OPERATOR_NAMES[operator] ?? operator}" for ${attribute}`,
				{ itemIndex, description: `For ${attribute} Chatwoot allows: ${allowed.map((op) => OPERATOR_NAMES[op] ?? op).join(', ')}.` },
			);
		}
		if (attribute === 'customAttribute') {
			attribute = String(row.customAttributeKey ?? '').trim();
			if (attribute === '') {
				throw new NodeOperationError(context.getNode(), `Condition ${index + 1} has no custom attribute key`, {
					itemIndex,
					description: 'Enter the key of the custom attribute (Settings → Custom Attributes in Chatwoot).',
				});
			}
		}
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
export function readFilterPayload(context: IExecuteFunctions, itemIndex: number, model: FilterModel, emptyHint: string): IDataObject[] {
	const conditions = context.getNodeParameter('conditions', itemIndex, {}) as IDataObject;
	const combinator = context.getNodeParameter('combinator', itemIndex, 'and') as string;
	return filterPayload(context, itemIndex, (conditions.condition ?? []) as IDataObject[], combinator, model, emptyHint);
}
