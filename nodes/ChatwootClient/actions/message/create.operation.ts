import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { appendAttachments, binaryPropertyNames } from '../../../shared/helpers/attachments';
import { getId, toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { clientRequest, conversationPath, getContactIdentifier } from '../../helpers/client';
import { contactIdentifierField, conversationLocator } from '../descriptions';

const properties: INodeProperties[] = [
	contactIdentifierField,
	conversationLocator('The conversation to send the message to'),
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Text the contact sends. May be empty when attachments are sent.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Attachments (Input Binary Fields)',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				placeholder: 'e.g. data, invoice',
				description:
					'Names of the input binary properties to send as attachments, comma-separated (e.g. "data" for the file of a Read Binary File or HTTP Request node)',
			},
			{
				displayName: 'Echo ID',
				name: 'echoId',
				type: 'string',
				default: '',
				description:
					"Your temporary ID for this message. Chatwoot stores it and sends it back in its live (ActionCable) events so your chat interface can match its optimistic copy; the answer of this call does not contain it.",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const content = this.getNodeParameter('content', itemIndex, '') as string;
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const names = binaryPropertyNames(additional.binaryPropertyName);
	if (content.trim() === '' && names.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The message has neither content nor attachments', {
			itemIndex,
			description: 'Enter Content, or add Attachments (Input Binary Fields) under Additional Fields.',
		});
	}
	const fields: IDataObject = {};
	if (content !== '') fields.content = content;
	if (additional.echoId !== undefined && String(additional.echoId) !== '') fields.echo_id = String(additional.echoId);
	let body: IDataObject | FormData = fields;
	if (names.length) {
		const form = new FormData();
		for (const [key, value] of Object.entries(fields)) form.append(key, String(value));
		await appendAttachments(this, itemIndex, form, names);
		body = form;
	}
	const response = await clientRequest(
		this,
		{ method: 'POST', path: `${conversationPath(contactIdentifier, conversationId)}/messages`, body },
		{ contactIdentifier, conversationId, itemIndex },
	);
	return toItems(unwrapRecord(response));
}
