import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../Chatwoot/helpers/items';
import { unwrapRecord } from '../../../Chatwoot/transport';
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
					"Your temporary ID for this message; Chatwoot returns it as echo_id so your chat interface can match its optimistic copy to the stored message",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['create'] } }, properties);

function binaryNames(value: unknown): string[] {
	return [...new Set(String(value ?? '').split(',').map((name) => name.trim()).filter((name) => name !== ''))];
}

async function attachmentsForm(
	context: IExecuteFunctions,
	itemIndex: number,
	names: string[],
	fields: IDataObject,
): Promise<FormData> {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) form.append(key, String(value));
	for (const name of names) {
		const binary = context.helpers.assertBinaryData(itemIndex, name);
		const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, name);
		const fileName = binary.fileName ?? `${name}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
		const type = binary.mimeType || 'application/octet-stream';
		form.append('attachments[]', new Blob([new Uint8Array(buffer)], { type }), fileName);
	}
	return form;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const content = this.getNodeParameter('content', itemIndex, '') as string;
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const names = binaryNames(additional.binaryPropertyName);
	if (content.trim() === '' && names.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The message has neither content nor attachments', {
			itemIndex,
			description: 'Enter Content, or add Attachments (Input Binary Fields) under Additional Fields.',
		});
	}
	const fields: IDataObject = {};
	if (content !== '') fields.content = content;
	if (additional.echoId !== undefined && String(additional.echoId) !== '') fields.echo_id = String(additional.echoId);
	const body = names.length ? await attachmentsForm(this, itemIndex, names, fields) : fields;
	const response = await clientRequest(
		this,
		{ method: 'POST', path: `${conversationPath(contactIdentifier, conversationId)}/messages`, body },
		{ contactIdentifier, conversationId, itemIndex },
	);
	return toItems(unwrapRecord(response));
}
