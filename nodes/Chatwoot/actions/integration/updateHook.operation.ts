import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, parseJsonField, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { integrationHookLocator } from '../../helpers/settingsLocators';
import { requireChanges } from '../../helpers/records';
import { hookStatusField, hookSubject, settingsField } from './fields';

const properties: INodeProperties[] = [
	integrationHookLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [hookStatusField, { ...settingsField, description: 'New settings as a JSON object (replace the current ones)' }],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['updateHook'] } }, properties);

/** PATCH /integrations/hooks/{id}: only status and settings can change (hooks_controller.rb#update). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const hookId = getId(this, 'hookId', itemIndex, 'hook ID');
	const f = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const hook: IDataObject = {};
	if (f.enabled !== undefined) hook.status = f.enabled ? 1 : 0;
	if (f.settingsJson !== undefined) hook.settings = parseJsonField(this, f.settingsJson, 'Settings (JSON)', itemIndex);
	requireChanges(this, itemIndex, hook);
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'PATCH', path: `/integrations/hooks/${hookId}`, body: { hook }, subject: hookSubject(hookId) })));
}

export const concurrent = true;
