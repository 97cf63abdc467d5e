import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { cannedSubject, listCannedResponses } from './list';

const properties: INodeProperties[] = [
	{
		displayName: 'Short Code',
		name: 'shortCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. refund',
		description: 'What agents type after / to insert the reply; unique in the account',
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The reply text; may contain variables such as {{contact.name}}',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['cannedResponse'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const shortCode = String(this.getNodeParameter('shortCode', itemIndex)).trim();
	const content = String(this.getNodeParameter('content', itemIndex));
	const created = await chatwootApiRequest(this, {
		method: 'POST',
		path: '/canned_responses',
		body: { canned_response: { short_code: shortCode, content } },
		subject: cannedSubject(),
		// Short codes are unique per account: a first attempt that landed is found by its code.
		reconcile: async () => (await listCannedResponses(this, shortCode)).find((c) => c.short_code === shortCode),
	});
	return toItems(unwrapRecord(created));
}

export const concurrent = true;
