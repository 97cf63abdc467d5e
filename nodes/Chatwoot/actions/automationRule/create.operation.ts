import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { RULE_ACTIONS, RULE_EVENTS, actionsField, conditionsField, jsonOverrideField, readActions, readConditions } from '../../helpers/automation';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Label refund requests',
	},
	{
		displayName: 'Event',
		name: 'eventName',
		type: 'options',
		options: RULE_EVENTS,
		required: true,
		default: 'conversation_created',
		description: 'The Chatwoot event that makes the rule check its conditions',
	},
	conditionsField(),
	actionsField(RULE_ACTIONS, true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether the rule runs (off: saved but paused)' },
			jsonOverrideField('actionsJson', 'Actions'),
			jsonOverrideField('conditionsJson', 'Conditions'),
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['automationRule'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const fields: IDataObject = {
		...extra,
		conditions: this.getNodeParameter('conditions', itemIndex, {}),
		actions: this.getNodeParameter('actions', itemIndex, {}),
	};
	const actions = readActions(this, fields, itemIndex) ?? [];
	if (actions.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The rule has no actions', {
			itemIndex,
			description: 'Add at least one action under "Actions" (or "Actions (JSON)").',
		});
	}
	const body = compact({
		name: String(this.getNodeParameter('name', itemIndex)).trim(),
		description: extra.description,
		event_name: this.getNodeParameter('eventName', itemIndex) as string,
		active: extra.active ?? true,
	});
	body.conditions = readConditions(this, fields, itemIndex) ?? [];
	body.actions = actions;
	const rule = await chatwootApiRequest(this, { method: 'POST', path: '/automation_rules', body, subject: { resource: 'automation rule' } });
	return toItems(unwrapRecord(rule));
}
