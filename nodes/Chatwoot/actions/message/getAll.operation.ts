import { updateDisplayOptions } from 'n8n-workflow';
import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { simplifyMessage } from '../../../shared/helpers/simplify';
import { downloadFile, getAllByCursor } from '../../../shared/transport';
import { conversationLocator, returnAllOrLimit, simplifyField } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	conversationLocator('The conversation whose messages to get, by the number shown in Chatwoot (its display ID)'),
	...returnAllOrLimit(),
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Download Attachments',
				name: 'downloadAttachments',
				type: 'boolean',
				default: false,
				description:
					'Whether to download the files attached to each message into binary fields attachment_0, attachment_1, …',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getAll'] } }, properties);

async function withAttachments(
	context: IExecuteFunctions,
	message: IDataObject,
	json: IDataObject,
): Promise<INodeExecutionData> {
	const attachments = Array.isArray(message.attachments) ? (message.attachments as IDataObject[]) : [];
	const binary: IBinaryKeyData = {};
	for (const [index, attachment] of attachments.entries()) {
		const url = String(attachment.data_url ?? '');
		if (url === '') continue;
		const file = await downloadFile(context, url);
		const fileName = file.fileName ?? `attachment_${index}${attachment.extension ? `.${String(attachment.extension)}` : ''}`;
		const mimeType = file.mimeType ?? (attachment.content_type ? String(attachment.content_type) : undefined);
		binary[`attachment_${index}`] = await context.helpers.prepareBinaryData(file.data, fileName, mimeType);
	}
	return Object.keys(binary).length ? { json, binary } : { json };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	// Oldest first; with a limit, the latest `limit` messages (Chatwoot pages backwards with before=).
	const messages = await getAllByCursor(
		this,
		{ path: `/conversations/${conversationId}/messages`, subject: { resource: 'conversation', id: conversationId } },
		{ returnAll, limit },
	);
	const out: INodeExecutionData[] = [];
	for (const message of messages) {
		const json = simplify ? simplifyMessage(message) : message;
		out.push(options.downloadAttachments === true ? await withAttachments(this, message, json) : { json });
	}
	return out;
}

export const concurrent = true;
