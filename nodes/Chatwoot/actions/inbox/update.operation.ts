import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { inboxLocator } from '../../../shared/descriptions';
import { inboxBody, inboxSettingFields } from './fields';
import { includeSecretsOptions, inboxOutput } from './secrets';

const properties: INodeProperties[] = [
	inboxLocator('The inbox to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			...inboxSettingFields,
			{
				displayName: 'Callback URL',
				name: 'callbackUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://n8n.example.com/webhook/chatwoot',
				description: "API-channel inboxes: where Chatwoot posts this inbox's conversation and message events",
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'New name of the inbox',
			},
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	includeSecretsOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['inbox'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const inboxId = getId(this, 'inboxId', itemIndex, 'inbox ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = inboxBody(fields, {});
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: 'Add at least one field under "Update Fields".',
		});
	}
	const inbox = await chatwootApiRequest(this, {
		method: 'PATCH',
		path: `/inboxes/${inboxId}`,
		body,
		subject: { resource: 'inbox', id: inboxId },
	});
	return toItems(inboxOutput(this, itemIndex, unwrapRecord(inbox)));
}

export const concurrent = true;
