import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Conditions and actions of automation rules and macros, as Chatwoot stores them:
 * conditions `[{attribute_key, filter_operator, values[], query_operator}]`, actions
 * `[{action_name, action_params[]}]` (app/models/automation_rule.rb, app/models/macro.rb).
 */

const option = (name: string, value: string, description?: string): INodePropertyOptions => ({ name, value, description });

/** AutomationRule#conditions_attributes (custom attribute keys are allowed too). */
const CONDITION_KEYS: INodePropertyOptions[] = [
	option('Assignee ID', 'assignee_id'),
	option('Browser Language', 'browser_language'),
	option('City', 'city'),
	option('Company Name', 'company_name'),
	option('Conversation Language', 'conversation_language'),
	option('Country Code', 'country_code'),
	option('Custom Attribute', '__custom', 'A custom attribute definition of the account, by its key'),
	option('Email', 'email'),
	option('Inbox ID', 'inbox_id'),
	option('Labels', 'labels'),
	option('Mail Subject', 'mail_subject'),
	option('Message Content', 'content'),
	option('Message Type', 'message_type'),
	option('Phone Number', 'phone_number'),
	option('Priority', 'priority'),
	option('Private Note', 'private_note'),
	option('Referer', 'referer'),
	option('Status', 'status'),
	option('Team ID', 'team_id'),
];

const FILTER_OPERATORS: INodePropertyOptions[] = [
	option('Contains', 'contains'),
	option('Days Before', 'days_before'),
	option('Does Not Contain', 'does_not_contain'),
	option('Equal To', 'equal_to'),
	option('Is Greater Than', 'is_greater_than'),
	option('Is Less Than', 'is_less_than'),
	option('Is Not Present', 'is_not_present'),
	option('Is Present', 'is_present'),
	option('Not Equal To', 'not_equal_to'),
	option('Starts With', 'starts_with'),
];

const ACTION_LABELS: Record<string, [string, string]> = {
	add_label: ['Add Labels', 'Parameters: label titles, comma-separated'],
	add_private_note: ['Add Private Note', 'Parameter: the note text'],
	assign_agent: ['Assign Agent', 'Parameter: the agent (user) ID; "self" (macros) is whoever runs it; "nil" unassigns'],
	assign_team: ['Assign Team', 'Parameter: the team ID; "nil" unassigns'],
	change_priority: ['Change Priority', 'Parameter: urgent, high, medium, low, or nil to clear'],
	change_status: ['Change Status', 'Parameter: open, resolved, pending or snoozed'],
	mute_conversation: ['Mute Conversation', 'No parameter'],
	open_conversation: ['Open Conversation', 'No parameter'],
	pending_conversation: ['Mark Pending', 'No parameter'],
	remove_assigned_agent: ['Remove Assigned Agent', 'No parameter'],
	remove_assigned_team: ['Remove Assigned Team', 'No parameter'],
	remove_label: ['Remove Labels', 'Parameters: label titles, comma-separated'],
	resolve_conversation: ['Resolve Conversation', 'No parameter'],
	send_attachment: ['Send Attachment', 'Parameters: blob IDs of files uploaded to the rule or macro (set up in Chatwoot)'],
	send_email_to_team: ['Send Email to Team', 'Use "Actions (JSON)": [{"action_name":"send_email_to_team","action_params":[{"team_ids":[1],"message":"…"}]}]'],
	send_email_transcript: ['Send Email Transcript', 'Parameter: email addresses, comma-separated (one value)'],
	send_message: ['Send Message', 'Parameter: the message text'],
	send_webhook_event: ['Send Webhook Event', 'Parameter: the URL that receives the conversation'],
	snooze_conversation: ['Snooze Conversation', 'No parameter'],
};

/** Actions whose single parameter is free text (commas stay in it). */
const TEXT_ACTIONS = new Set(['send_message', 'add_private_note', 'send_email_transcript', 'send_webhook_event']);

/** AutomationRule#actions_attributes */
export const RULE_ACTIONS = Object.keys(ACTION_LABELS);
/** Macro::ACTIONS_ATTRS */
export const MACRO_ACTIONS = [
	'send_message',
	'add_label',
	'assign_team',
	'assign_agent',
	'mute_conversation',
	'change_status',
	'remove_label',
	'remove_assigned_agent',
	'remove_assigned_team',
	'resolve_conversation',
	'snooze_conversation',
	'change_priority',
	'send_email_transcript',
	'send_attachment',
	'add_private_note',
	'send_webhook_event',
];

export const RULE_EVENTS: INodePropertyOptions[] = [
	option('Conversation Created', 'conversation_created'),
	option('Conversation Opened', 'conversation_opened'),
	option('Conversation Resolved', 'conversation_resolved'),
	option('Conversation Updated', 'conversation_updated'),
	option('Message Created', 'message_created'),
];

export function conditionsField(): INodeProperties {
	return {
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Condition',
		default: {},
		description: 'When the rule runs; evaluated in order, each joined to the next by its operator',
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{ displayName: 'Attribute', name: 'attributeKey', type: 'options', options: CONDITION_KEYS, default: 'content' },
					{
						displayName: 'Custom Attribute Key',
						name: 'customAttributeKey',
						type: 'string',
						default: '',
						placeholder: 'e.g. plan',
						displayOptions: { show: { attributeKey: ['__custom'] } },
					},
					{
						displayName: 'Join With Next',
						name: 'queryOperator',
						type: 'options',
						options: [option('AND', 'and'), option('OR', 'or')],
						default: 'and',
						description: 'How this condition combines with the next one (ignored on the last)',
					},
					{ displayName: 'Operator', name: 'filterOperator', type: 'options', options: FILTER_OPERATORS, default: 'equal_to' },
					{
						displayName: 'Values',
						name: 'values',
						type: 'string',
						default: '',
						placeholder: 'e.g. refund, billing',
						description: 'Comma-separated values to compare with (none for "Is Present" / "Is Not Present")',
					},
				],
			},
		],
	};
}

export function actionsField(allowed: string[], required: boolean): INodeProperties {
	const options = allowed
		.map((value) => ({ name: ACTION_LABELS[value][0], value, description: ACTION_LABELS[value][1] }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return {
		displayName: 'Actions',
		name: 'actions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Action',
		default: {},
		required,
		description: 'What happens, in this order',
		options: [
			{
				displayName: 'Action',
				name: 'action',
				values: [
					{ displayName: 'Action', name: 'actionName', type: 'options', options, default: 'add_label' },
					{
						displayName: 'Parameters',
						name: 'params',
						type: 'string',
						default: '',
						placeholder: 'e.g. billing, vip',
						description: 'Labels, an agent or team ID, a status, or the message text, depending on the action',
					},
				],
			},
		],
	};
}

/** "Conditions (JSON)" / "Actions (JSON)": Chatwoot's own arrays, for what the fields above can't express. */
export function jsonOverrideField(name: 'conditionsJson' | 'actionsJson', what: string): INodeProperties {
	return {
		displayName: `${what} (JSON)`,
		name,
		type: 'json',
		default: '',
		description: `Chatwoot's ${what.toLowerCase()} array as JSON; replaces the ${what} set above`,
	};
}

function parseArray(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): IDataObject[] {
	if (Array.isArray(value)) return value as IDataObject[];
	try {
		const parsed = JSON.parse(String(value));
		if (Array.isArray(parsed)) return parsed as IDataObject[];
	} catch {
		// reported below
	}
	throw new NodeOperationError(context.getNode(), `"${label}" is not a JSON array`, {
		itemIndex,
		description: `Write an array such as [{"action_name":"add_label","action_params":["vip"]}], or map one from a previous node.`,
	});
}

const splitList = (text: unknown): string[] =>
	String(text ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');

/** Conditions from the fixedCollection (or the JSON override); the last one has query_operator null, as Chatwoot requires. */
export function readConditions(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject[] | undefined {
	if (fields.conditionsJson !== undefined && fields.conditionsJson !== '') return parseArray(context, fields.conditionsJson, 'Conditions (JSON)', itemIndex);
	const rows = ((fields.conditions as IDataObject | undefined)?.condition as IDataObject[] | undefined) ?? undefined;
	if (!rows) return undefined;
	return rows.map((row, index) => {
		const key = row.attributeKey === '__custom' ? String(row.customAttributeKey ?? '').trim() : String(row.attributeKey);
		if (!key) {
			throw new NodeOperationError(context.getNode(), `Condition ${index + 1} has no custom attribute key`, {
				itemIndex,
				description: 'Enter the key of the custom attribute (Settings → Custom Attributes in Chatwoot).',
			});
		}
		const last = index === rows.length - 1;
		return {
			attribute_key: key,
			filter_operator: String(row.filterOperator ?? 'equal_to'),
			values: splitList(row.values),
			query_operator: last ? null : String(row.queryOperator ?? 'and').toUpperCase(),
		};
	});
}

/** Actions from the fixedCollection (or the JSON override). */
export function readActions(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject[] | undefined {
	if (fields.actionsJson !== undefined && fields.actionsJson !== '') return parseArray(context, fields.actionsJson, 'Actions (JSON)', itemIndex);
	const rows = ((fields.actions as IDataObject | undefined)?.action as IDataObject[] | undefined) ?? undefined;
	if (!rows) return undefined;
	return rows.map((row) => {
		const name = String(row.actionName);
		const text = String(row.params ?? '').trim();
		const params = TEXT_ACTIONS.has(name) ? (text ? [text] : []) : splitList(text);
		return { action_name: name, action_params: params };
	});
}
