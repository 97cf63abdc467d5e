import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, parseJsonField, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { inboxLocator } from '../../../shared/descriptions';
import { asNodeError } from '../../helpers/records';
import { appIdField, hookStatusField, hookSubject, settingsField } from './fields';

const properties: INodeProperties[] = [
	appIdField('The app to connect'),
	{
		displayName: 'Some apps are behind a feature flag of the installation (e.g. LeadSquared needs crm_integration) or exist only on Chatwoot Cloud; Chatwoot then refuses the hook and this operation says so',
		name: 'featureNotice',
		type: 'notice',
		default: '',
	},
	settingsField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [hookStatusField, { ...inboxLocator('For inbox apps such as Dialogflow: the inbox the hook works in'), required: false }],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['createHook'] } }, properties);

/**
 * POST /integrations/hooks `{hook: {app_id, inbox_id, status, settings}}`
 * (integrations/hooks_controller.rb; validations in app/models/integrations/hook.rb).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const appId = String(this.getNodeParameter('appId', itemIndex)).trim();
	const settings = parseJsonField(this, this.getNodeParameter('settingsJson', itemIndex, '{}'), 'Settings (JSON)', itemIndex);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const hook: IDataObject = { app_id: appId, status: extra.enabled === false ? 0 : 1, settings };
	const inbox = extra.inboxId as IDataObject | string | undefined;
	if (inbox && (typeof inbox !== 'object' || String(inbox.value ?? '').trim() !== '')) hook.inbox_id = getId(this, 'additionalFields.inboxId', itemIndex, 'inbox ID');
	try {
		// Not retried after an uncertain failure: apps that allow several hooks would get two.
		return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'POST', path: '/integrations/hooks', body: { hook }, subject: hookSubject() })));
	} catch (error) {
		const text = error instanceof NodeApiError ? `${error.message} ${error.description ?? ''}` : '';
		if (/Feature not enabled/i.test(text)) {
			throw new NodeOperationError(this.getNode(), `The ${appId} integration is not enabled on this Chatwoot`, {
				itemIndex,
				description:
					'This app is behind a feature flag of the account or installation (on Chatwoot Cloud it depends on the plan). Ask your Chatwoot administrator to enable it, then run again.',
			});
		}
		if (/App has already been taken/i.test(text)) {
			throw new NodeOperationError(this.getNode(), `The ${appId} integration is already connected`, {
				itemIndex,
				description: 'This app allows one hook per account. Use Update Hook with the ID from Get Many (hooks of the app) instead.',
			});
		}
		throw asNodeError(this, error);
	}
}
