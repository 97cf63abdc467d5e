import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { getAllWithTotal } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { pagesInParallel } from '../../../shared/execution/parallelism';

const NO_VALUE_OPERATORS = ['is_present', 'is_not_present'];

/**
 * Chatwoot's contact filter keys and the operators it allows for each (lib/filters/filter_keys.yml → `contacts:`);
 * any other operator is answered 422 "Invalid operator". Custom attributes accept every operator.
 */
const TEXT_OPERATORS = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain'];
const DATE_OPERATORS = ['is_greater_than', 'is_less_than', 'days_before'];
export const CONTACT_FILTER_OPERATORS: Record<string, string[]> = {
	name: TEXT_OPERATORS,
	phone_number: [...TEXT_OPERATORS, 'starts_with'],
	email: TEXT_OPERATORS,
	identifier: ['equal_to', 'not_equal_to'],
	country_code: ['equal_to', 'not_equal_to'],
	city: TEXT_OPERATORS,
	company_name: TEXT_OPERATORS,
	labels: ['equal_to', 'not_equal_to', 'is_present', 'is_not_present'],
	created_at: DATE_OPERATORS,
	last_activity_at: DATE_OPERATORS,
	blocked: ['equal_to', 'not_equal_to'],
};

/** Option values of the Attribute field that Chatwoot knows under another key. */
const ATTRIBUTE_KEYS: Record<string, string> = { company: 'company_name' };

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

const properties: INodeProperties[] = [
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		placeholder: 'Add Condition',
		typeOptions: { multipleValues: true },
		required: true,
		default: {},
		description:
			"Conditions the contacts must meet, evaluated by Chatwoot's contact filter. Chatwoot only searches contacts with an email, phone number or identifier, compares text case-insensitively, and uses only the first value.",
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Attribute',
						name: 'attribute',
						type: 'options',
						options: [
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
						],
						default: 'email',
						description: 'The contact attribute to test',
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
							{ name: 'Starts With', value: 'starts_with', description: 'Phone number only (Chatwoot compares it like Equal To)' },
						],
						default: 'equal_to',
						description:
							'Chatwoot allows per attribute: Name, Email, City, Company: Equal To, Not Equal To, Contains, Does Not Contain (Phone Number also Starts With); Identifier, Country Code, Blocked: Equal To, Not Equal To; Labels: Equal To, Not Equal To, Is Present, Is Not Present; Created At, Last Activity At: Is Greater Than, Is Less Than, Days Before; custom attributes: all',
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
	},
	{
		displayName: 'Combine Conditions',
		name: 'combinator',
		type: 'options',
		options: [
			{ name: 'All Conditions Must Match (AND)', value: 'and' },
			{ name: 'Any Condition May Match (OR)', value: 'or' },
		],
		default: 'and',
		description: 'How the conditions are combined',
	},
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['filter'] } }, properties);

/** Chatwoot's filter payload: one entry per condition, the last one's query_operator null. */
export function filterPayload(context: IExecuteFunctions, itemIndex: number, rows: IDataObject[], combinator: string): IDataObject[] {
	if (rows.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Add at least one condition', {
			itemIndex,
			description: 'Filter needs one or more conditions; to list every contact use Get Many.',
		});
	}
	return rows.map((row, index) => {
		let attribute = String(row.attribute ?? '');
		const operator = String(row.operator ?? 'equal_to');
		if (attribute === 'referer') {
			throw new NodeOperationError(context.getNode(), `Condition ${index + 1}: Chatwoot cannot filter contacts by referer`, {
				itemIndex,
				description:
					"Chatwoot's contact filter has no referer attribute (it answers 422 \"Invalid attribute key\"). Store the value in a contact custom attribute and filter on that.",
			});
		}
		attribute = ATTRIBUTE_KEYS[attribute] ?? attribute;
		const allowed = CONTACT_FILTER_OPERATORS[attribute];
		if (allowed && !allowed.includes(operator)) {
			throw new NodeOperationError(
				context.getNode(),
				`Condition ${index + 1}: Chatwoot does not allow "${OPERATOR_NAMES[operator] ?? operator}" for ${attribute}`,
				{
					itemIndex,
					description: `For ${attribute} Chatwoot allows: ${allowed.map((op) => OPERATOR_NAMES[op] ?? op).join(', ')}.`,
				},
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conditions = this.getNodeParameter('conditions', itemIndex, {}) as IDataObject;
	const combinator = this.getNodeParameter('combinator', itemIndex, 'and') as string;
	const payload = filterPayload(this, itemIndex, (conditions.condition ?? []) as IDataObject[], combinator);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	// Filtering writes nothing, so a POST that timed out may be repeated.
	const contacts = await getAllWithTotal(
		this,
		{ method: 'POST', path: '/contacts/filter', body: { payload }, idempotent: true },
		{ returnAll, limit, concurrency: pagesInParallel(this) },
	);
	return toItems(contacts);
}
