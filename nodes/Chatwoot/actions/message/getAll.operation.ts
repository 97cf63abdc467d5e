import { updateDisplayOptions } from 'n8n-workflow';
import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { simplifyMessage } from '../../../shared/helpers/simplify';
import {
	checkDownloadUrl,
	DEFAULT_DOWNLOAD_TIMEOUT_MS,
	DEFAULT_MAX_DOWNLOAD_MB,
	downloadFile,
	getAllByCursor,
	getApiCredential,
	parseAllowedHosts,
} from '../../../shared/transport';
import type { DownloadPolicy } from '../../../shared/transport';
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
				displayName: 'Allowed Download Hosts',
				name: 'allowedDownloadHosts',
				type: 'string',
				default: '',
				placeholder: 'e.g. chat.example.com, *.cdninstagram.com',
				description:
					"With Download Attachments: other hosts files may be downloaded from, separated by commas (*.example.com allows its subdomains). Files Chatwoot stores are always downloaded from the credential's Chatwoot. Add your Chatwoot's public address if it differs from the credential's Base URL, or a CDN whose links Chatwoot passes on (Instagram).",
			},
			{
				displayName: 'Download Attachments',
				name: 'downloadAttachments',
				type: 'boolean',
				default: false,
				description:
					"Whether to download the files attached to each message into binary fields attachment_0, attachment_1, … Only images, audio, video and files that Chatwoot stores are downloaded, without the access token; others (locations, links a sender shared, too large) are listed in skipped_attachments with the reason",
			},
			{
				displayName: 'Max Attachment Size (MB)',
				name: 'maxAttachmentSizeMb',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_DOWNLOAD_MB,
				description: "With Download Attachments: larger files are skipped. Chatwoot's own upload limit is 40 MB by default.",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getAll'] } }, properties);

/** Chatwoot stores a file for these types only (Attachment#with_attached_file?, app/models/attachment.rb). */
const FILE_TYPES = new Set(['image', 'audio', 'video', 'file']);

interface Skipped extends IDataObject {
	index: number;
	id: number | null;
	file_type: string | null;
	reason: string;
}

async function withAttachments(
	context: IExecuteFunctions,
	message: IDataObject,
	json: IDataObject,
	baseUrl: string,
	policy: DownloadPolicy,
): Promise<INodeExecutionData> {
	const attachments = Array.isArray(message.attachments) ? (message.attachments as IDataObject[]) : [];
	const binary: IBinaryKeyData = {};
	const skipped: Skipped[] = [];
	for (const [index, attachment] of attachments.entries()) {
		const fileType = attachment.file_type === undefined || attachment.file_type === null ? null : String(attachment.file_type);
		const skip = (reason: string) =>
			skipped.push({ index, id: typeof attachment.id === 'number' ? attachment.id : null, file_type: fileType, reason });
		const url = String(attachment.data_url ?? '');
		if (url === '') continue;
		if (fileType === null || !FILE_TYPES.has(fileType)) {
			skip(`a ${fileType ?? 'untyped'} attachment is not a stored file`);
			continue;
		}
		const size = Number(attachment.file_size);
		if (Number.isFinite(size) && size > policy.maxBytes) {
			skip(`larger than Max Attachment Size (${size} bytes)`);
			continue;
		}
		const check = checkDownloadUrl(url, baseUrl, policy.allowedHosts);
		if (!check.ok) {
			skip(check.reason);
			continue;
		}
		const result = await downloadFile(context, check.url, policy);
		if (!result.ok) {
			skip('larger than Max Attachment Size');
			continue;
		}
		const file = result.file;
		const fileName = file.fileName ?? `attachment_${index}${attachment.extension ? `.${String(attachment.extension)}` : ''}`;
		const mimeType = file.mimeType ?? (attachment.content_type ? String(attachment.content_type) : undefined);
		binary[`attachment_${index}`] = await context.helpers.prepareBinaryData(file.data, fileName, mimeType);
	}
	const out = skipped.length ? { ...json, skipped_attachments: skipped } : json;
	return Object.keys(binary).length ? { json: out, binary } : { json: out };
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
	const download = options.downloadAttachments === true;
	const baseUrl = download ? (await getApiCredential(this)).baseUrl : '';
	const maxMb = Number(options.maxAttachmentSizeMb ?? DEFAULT_MAX_DOWNLOAD_MB);
	const policy: DownloadPolicy = {
		allowedHosts: parseAllowedHosts(options.allowedDownloadHosts),
		maxBytes: Math.floor((Number.isFinite(maxMb) && maxMb > 0 ? maxMb : DEFAULT_MAX_DOWNLOAD_MB) * 1024 * 1024),
		timeoutMs: DEFAULT_DOWNLOAD_TIMEOUT_MS,
	};
	for (const message of messages) {
		const json = simplify ? simplifyMessage(message) : message;
		out.push(download ? await withAttachments(this, message, json, baseUrl, policy) : { json });
	}
	return out;
}

export const concurrent = true;
