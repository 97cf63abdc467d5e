import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { macroLocator } from '../../helpers/locators';
import { MACRO_ACTIONS, actionsField, jsonOverrideField, readActions } from '../../helpers/automation';
import { getMacro, macroWrite, visibilityField } from './shared';

const properties: INodeProperties[] = [
	macroLocator('The macro to update'),
	{
		displayName: 'Actions you set here replace all actions of the macro; its visibility stays unless you change it',
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
			actionsField(MACRO_ACTIONS, false),
			jsonOverrideField('actionsJson', 'Actions'),
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			visibilityField('personal'),
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['macro'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const id = getId(this, 'macroId', itemIndex, 'macro ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (typeof fields.name === 'string' && fields.name.trim() !== '') body.name = fields.name.trim();
	const actions = readActions(this, fields, itemIndex);
	if (actions) body.actions = actions;
	if (fields.visibility !== undefined) body.visibility = fields.visibility;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under "Update Fields".' });
	}
	return await run.exclusive([`macro:${id}`], async () => {
		// Macro#set_visibility copies params[:visibility] even when it is absent: an update without it
		// would blank the visibility and hide the macro from every list. Send the current one along.
		if (body.visibility === undefined) body.visibility = (await getMacro(this, id)).visibility ?? 'personal';
		return toItems(await macroWrite(this, itemIndex, id, 'PATCH', body));
	});
}

export const concurrent = true;
