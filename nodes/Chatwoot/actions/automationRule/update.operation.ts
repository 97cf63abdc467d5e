import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, getId, toItems } from '../../../shared/helpers/items';
import { automationRuleLocator } from '../../helpers/locators';
import { RULE_ACTIONS, RULE_EVENTS, actionsField, conditionsField, jsonOverrideField, readActions, readConditions } from '../../helpers/automation';
import { ruleCall } from './shared';

const properties: INodeProperties[] = [
	automationRuleLocator('The automation rule to update'),
	{
		displayName: 'Conditions and actions you set here replace the whole list of the rule; fields you leave out stay as they are',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			actionsField(RULE_ACTIONS, false),
			jsonOverrideField('actionsJson', 'Actions'),
			{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether the rule runs' },
			conditionsField(),
			jsonOverrideField('conditionsJson', 'Conditions'),
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Event', name: 'eventName', type: 'options', options: RULE_EVENTS, default: 'conversation_created' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['automationRule'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'automationRuleId', itemIndex, 'automation rule ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = compact({
		name: typeof fields.name === 'string' ? fields.name.trim() : undefined,
		description: fields.description,
		event_name: fields.eventName,
		active: fields.active,
	});
	const conditions = readConditions(this, fields, itemIndex);
	const actions = readActions(this, fields, itemIndex);
	if (conditions) body.conditions = conditions;
	if (actions) body.actions = actions;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under "Update Fields".' });
	}
	return toItems(await ruleCall(this, itemIndex, id, { method: 'PATCH', body }));
}

export const concurrent = true;
