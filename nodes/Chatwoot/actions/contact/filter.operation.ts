import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { getAllWithTotal } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { pagesInParallel } from '../../../shared/execution/parallelism';

const NO_VALUE_OPERATORS = ['is_present', 'is_not_present'];

const properties: INodeProperties[] = [
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		placeholder: 'Add Condition',
		typeOptions: { multipleValues: true },
		required: true,
		default: {},
		description: "Conditions the contacts must meet, evaluated by Chatwoot's contact filter",
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
							{ name: 'Referer', value: 'referer' },
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
