import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { inboxBody, inboxSettingFields } from './fields';
import { includeSecretsOptions, inboxOutput } from './secrets';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Support bot',
		description: 'Name of the API-channel inbox, as agents see it in Chatwoot',
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/chatwoot',
		description:
			"Where Chatwoot posts this inbox's conversation and message events (the API channel's webhook URL); for a Chatwoot Trigger with source \"API inbox\", use its webhook URL",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: inboxSettingFields,
	},
	includeSecretsOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['inbox'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const name = this.getNodeParameter('name', itemIndex) as string;
	const callbackUrl = this.getNodeParameter('callbackUrl', itemIndex, '') as string;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = inboxBody({ ...fields, name, callbackUrl }, { type: 'api' });
	// A POST that creates: never repeated after an uncertain failure (the transport's default).
	const inbox = await chatwootApiRequest(this, { method: 'POST', path: '/inboxes', body, subject: { resource: 'inbox' } });
	return toItems(inboxOutput(this, itemIndex, unwrapRecord(inbox)));
}
