import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, parseJsonField } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { conversationLocator, simplifyField } from '../../../shared/descriptions';
import { conversationItems, conversationLock, conversationSubject, customAttributesLock, fetchConversation } from './shared';

const properties: INodeProperties[] = [
	conversationLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Custom Attributes (JSON)',
				name: 'customAttributesJson',
				type: 'json',
				default: '{}',
				description: 'Custom attributes to set, as a JSON object keyed by attribute key; the other existing ones stay',
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				options: [
					{ name: 'High', value: 'high' },
					{ name: 'Low', value: 'low' },
					{ name: 'Medium', value: 'medium' },
					{ name: 'None', value: 'none', description: 'Clear the priority' },
					{ name: 'Urgent', value: 'urgent' },
				],
				default: 'high',
			},
			{
				displayName: 'SLA Policy ID',
				name: 'slaPolicyId',
				type: 'number',
				default: 0,
				description: "ID of the SLA policy to apply. SLA policies exist only in Chatwoot's enterprise edition (Cloud and paid self-hosted plans).",
			},
		],
	},
	{
		displayName: 'SLA policies are an enterprise feature: the open-source Chatwoot edition ignores an SLA policy ID, and this operation then stops with an explanation',
		name: 'slaNotice',
		type: 'notice',
		default: '',
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['update'] } }, properties);

/**
 * PATCH /conversations/{id} (conversations_controller.rb#update permits only :priority; the
 * enterprise edition adds :sla_policy_id) plus custom attributes, merged into the existing ones
 * because POST …/custom_attributes replaces the whole hash. Output: the conversation afterwards.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const f = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const patch: IDataObject = {};
	if (f.priority !== undefined) patch.priority = f.priority === 'none' || f.priority === '' ? null : f.priority;
	if (f.slaPolicyId !== undefined && Number(f.slaPolicyId) > 0) patch.sla_policy_id = Number(f.slaPolicyId);
	const attributes = f.customAttributesJson === undefined ? {} : parseJsonField(this, f.customAttributesJson, 'Custom Attributes (JSON)', itemIndex);
	if (Object.keys(patch).length === 0 && Object.keys(attributes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under "Update Fields".' });
	}
	const conversation = await run.exclusive([conversationLock(conversationId), customAttributesLock(conversationId)], async () => {
		if (Object.keys(attributes).length) {
			const current = (await fetchConversation(this, conversationId)).custom_attributes;
			const existing = current && typeof current === 'object' && !Array.isArray(current) ? (current as IDataObject) : {};
			await chatwootApiRequest(this, {
				method: 'POST',
				path: `/conversations/${conversationId}/custom_attributes`,
				body: { custom_attributes: { ...existing, ...attributes } },
				subject: conversationSubject(conversationId),
				idempotent: true,
			});
		}
		if (Object.keys(patch).length === 0) return await fetchConversation(this, conversationId);
		return unwrapRecord(
			await chatwootApiRequest(this, { method: 'PATCH', path: `/conversations/${conversationId}`, body: patch, subject: conversationSubject(conversationId) }),
		);
	});
	if (patch.sla_policy_id !== undefined && Number(conversation.sla_policy_id) !== patch.sla_policy_id) {
		throw new NodeOperationError(this.getNode(), 'Chatwoot did not apply the SLA policy', {
			itemIndex,
			description:
				"SLA policies need Chatwoot's enterprise edition (Cloud or a paid self-hosted plan); this server ignored the SLA policy ID. Other fields were saved. Remove the SLA Policy ID, or check that the policy exists under Settings → SLA.",
		});
	}
	return conversationItems(this, itemIndex, [conversation]);
}

export const concurrent = true;
