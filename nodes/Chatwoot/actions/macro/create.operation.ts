import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { MACRO_ACTIONS, actionsField, jsonOverrideField, readActions } from '../../helpers/automation';
import { visibilityField } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Escalate to billing' },
	visibilityField('personal'),
	actionsField(MACRO_ACTIONS, true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [jsonOverrideField('actionsJson', 'Actions')],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['macro'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const actions = readActions(this, { ...extra, actions: this.getNodeParameter('actions', itemIndex, {}) }, itemIndex) ?? [];
	if (actions.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The macro has no actions', {
			itemIndex,
			description: 'Add at least one action under "Actions" (or "Actions (JSON)").',
		});
	}
	const name = String(this.getNodeParameter('name', itemIndex)).trim();
	if (!name) throw new NodeOperationError(this.getNode(), 'The macro needs a name', { itemIndex, description: 'Enter a name under "Name".' });
	const body = { name, visibility: this.getNodeParameter('visibility', itemIndex) as string, actions };
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'POST', path: '/macros', body, subject: { resource: 'macro' } })));
}
