import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';

import { compact, getId, toItems } from '../../../shared/helpers/items';
import { appendAttachments, binaryPropertyNames } from '../../../shared/helpers/attachments';
import type { RunContext } from '../../../shared/execution/runContext';
import { simplifyMessage } from '../../../shared/helpers/simplify';
import { toUnixSeconds } from '../../../shared/helpers/time';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { conversationLocator, simplifyField } from '../../../shared/descriptions';
import { buildContentAttributes, contentTypeField, interactiveFields } from './content';
import { messageWatermark, reconcileMessage, recordCreated } from './reconcile';
import { conversationLock } from '../conversation/shared';

const properties: INodeProperties[] = [
	conversationLocator('The conversation to add the message to, by the number shown in Chatwoot (its display ID)'),
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Text of the message. Optional when files are attached.',
	},
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		default: 'outgoing',
		options: [
			{
				name: 'Incoming',
				value: 'incoming',
				description:
					'From the contact to the agents. Chatwoot accepts incoming messages only in API-channel inboxes; in other inboxes they arrive through the channel itself.',
			},
			{ name: 'Outgoing', value: 'outgoing', description: 'From the agents (or this bot) to the contact' },
		],
		description: 'Who the message is from',
	},
	{
		displayName: 'Private',
		name: 'private',
		type: 'boolean',
		default: false,
		description: 'Whether to add a private note visible only to agents',
		displayOptions: { show: { messageType: ['outgoing'] } },
	},
	contentTypeField,
	...interactiveFields,
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
				hint: 'The name of the input binary field(s) holding the files to attach',
				description: 'Names of the input binary fields to send as attachments; separate several with commas',
			},
			{
				displayName: 'BCC Emails',
				name: 'bccEmails',
				type: 'string',
				default: '',
				placeholder: 'e.g. audit@example.com',
				description: 'Email inboxes only: comma-separated addresses to send a blind copy to',
			},
			{
				displayName: 'CC Emails',
				name: 'ccEmails',
				type: 'string',
				default: '',
				placeholder: 'e.g. manager@example.com',
				description: 'Email inboxes only: comma-separated addresses to send a copy to',
			},
			{
				displayName: 'Echo ID',
				name: 'echoId',
				type: 'string',
				default: '',
				description:
					'An ID of your choice that Chatwoot returns with the created message (it is not stored, so later reads do not contain it)',
			},
			{
				displayName: 'External Created At',
				name: 'externalCreatedAt',
				type: 'dateTime',
				default: '',
				description: 'When the message was originally sent in the external system (stored in content_attributes)',
			},
			{
				displayName: 'Source ID',
				name: 'messageSourceId',
				type: 'string',
				default: '',
				description:
					"The message's ID in the external system (e.g. the channel's message ID), stored as the message's source_id",
			},
			{
				displayName: 'Template Body Parameters',
				name: 'templateBodyParameters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				placeholder: 'Add Parameter',
				default: {},
				description: 'WhatsApp template: the values of {{1}}, {{2}}, … in the template body, in order',
				options: [
					{
						displayName: 'Parameter',
						name: 'parameter',
						values: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }],
					},
				],
			},
			{
				displayName: 'Template Category',
				name: 'templateCategory',
				type: 'string',
				default: '',
				placeholder: 'e.g. UTILITY',
				description: 'WhatsApp template: its category as shown in Chatwoot (MARKETING, UTILITY, AUTHENTICATION)',
			},
			{
				displayName: 'Template Header Media Type',
				name: 'templateHeaderMediaType',
				type: 'options',
				default: 'image',
				options: [
					{ name: 'Document', value: 'document' },
					{ name: 'Image', value: 'image' },
					{ name: 'Video', value: 'video' },
				],
				description: 'WhatsApp template: the kind of media in the header',
			},
			{
				displayName: 'Template Header Media URL',
				name: 'templateHeaderMediaUrl',
				type: 'string',
				default: '',
				description: 'WhatsApp template: public address of the header image, video or document',
			},
			{
				displayName: 'Template Language',
				name: 'templateLanguage',
				type: 'string',
				default: '',
				placeholder: 'e.g. en_US',
				description: 'WhatsApp template: the language code of the approved template',
			},
			{
				displayName: 'Template Name',
				name: 'templateName',
				type: 'string',
				default: '',
				placeholder: 'e.g. order_update',
				description: 'WhatsApp template: the name of the approved template to send (needed for messages outside the 24-hour window)',
			},
			{
				displayName: 'To Emails',
				name: 'toEmails',
				type: 'string',
				default: '',
				description: 'Email inboxes only: comma-separated addresses to send to instead of the contact',
			},
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['create'] } }, properties);

function templateParams(fields: IDataObject): IDataObject | undefined {
	const name = String(fields.templateName ?? '').trim();
	if (name === '') return undefined;
	const params: IDataObject = compact({
		name,
		category: String(fields.templateCategory ?? '').trim(),
		language: String(fields.templateLanguage ?? '').trim(),
	});
	const processed: IDataObject = {};
	const values = ((fields.templateBodyParameters as IDataObject | undefined)?.parameter as IDataObject[] | undefined) ?? [];
	if (values.length) {
		const body: IDataObject = {};
		values.forEach((p, index) => (body[String(index + 1)] = String(p.value ?? '')));
		processed.body = body;
	}
	const mediaUrl = String(fields.templateHeaderMediaUrl ?? '').trim();
	if (mediaUrl !== '') processed.header = { media_url: mediaUrl, media_type: String(fields.templateHeaderMediaType ?? 'image') };
	if (Object.keys(processed).length) params.processed_params = processed;
	return params;
}

/** Appends `value` under a Rails-style key: nested objects become `key[a][b]`. */
function appendField(form: FormData, key: string, value: unknown): void {
	if (value === undefined || value === null) return;
	if (typeof value === 'object' && !Array.isArray(value)) {
		for (const [k, v] of Object.entries(value as IDataObject)) appendField(form, `${key}[${k}]`, v);
		return;
	}
	if (Array.isArray(value)) {
		for (const v of value) appendField(form, `${key}[]`, v);
		return;
	}
	form.append(key, String(value));
}

function isIncomingRejected(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	if (String(error.httpCode) !== '422') return false;
	return /incoming/i.test(`${error.message} ${error.description ?? ''}`);
}

/**
 * Items run in parallel (Batching → Items in Parallel), but messages into one conversation are sent
 * one after the other in input order: Chatwoot orders a conversation's messages by creation. The lock
 * is taken before the first await, so items queue for it in input order.
 */
export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	return await run.exclusive([conversationLock(conversationId)], async () => await sendMessage.call(this, itemIndex, run, conversationId));
}

async function sendMessage(this: IExecuteFunctions, itemIndex: number, run: RunContext, conversationId: number): Promise<INodeExecutionData[]> {
	const content = this.getNodeParameter('content', itemIndex, '') as string;
	const messageType = this.getNodeParameter('messageType', itemIndex, 'outgoing') as 'incoming' | 'outgoing';
	const isPrivate = messageType === 'outgoing' && (this.getNodeParameter('private', itemIndex, false) as boolean);
	const contentType = this.getNodeParameter('contentType', itemIndex, 'text') as string;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const contentAttributes = buildContentAttributes(this, contentType, itemIndex);
	const template = templateParams(fields);
	const names = binaryPropertyNames(fields.binaryPropertyName);
	const externalCreatedAt = toUnixSeconds(fields.externalCreatedAt);

	if (content.trim() === '' && names.length === 0 && contentType === 'text' && !template) {
		throw new NodeOperationError(this.getNode(), 'The message is empty', {
			itemIndex,
			description: 'Enter the message content, attach a file (Additional Fields → Attachments) or choose an interactive content type.',
		});
	}

	const fieldsToSend: IDataObject = compact({
		content,
		message_type: messageType,
		private: isPrivate,
		content_type: contentType === 'text' ? undefined : contentType,
		echo_id: fields.echoId,
		source_id: fields.messageSourceId,
		external_created_at: externalCreatedAt,
		cc_emails: fields.ccEmails,
		bcc_emails: fields.bccEmails,
		to_emails: fields.toEmails,
	});

	let body: IDataObject | FormData;
	if (names.length) {
		const form = new FormData();
		for (const [key, value] of Object.entries(fieldsToSend)) {
			// Rails reads a multipart "false" as a present (truthy) string; leave it out instead.
			if (key === 'private' && value === false) continue;
			form.append(key, String(value));
		}
		// Chatwoot's message builder parses content_attributes given as a JSON string.
		if (contentAttributes) form.append('content_attributes', JSON.stringify(contentAttributes));
		if (template) appendField(form, 'template_params', template);
		await appendAttachments(this, itemIndex, form, names);
		body = form;
	} else {
		body = { ...fieldsToSend };
		if (contentAttributes) body.content_attributes = contentAttributes;
		if (template) body.template_params = template;
	}

	const state = await messageWatermark(this, run, conversationId);
	let response: unknown;
	try {
		response = await chatwootApiRequest(this, {
			method: 'POST',
			path: `/conversations/${conversationId}/messages`,
			body,
			subject: { resource: 'conversation', id: conversationId },
			reconcile: state
				? reconcileMessage(this, conversationId, state, {
						content,
						messageType,
						private: isPrivate,
						contentType,
						attachments: names.length,
					})
				: undefined,
		});
	} catch (error) {
		if (messageType === 'incoming' && isIncomingRejected(error)) {
			throw new NodeOperationError(
				this.getNode(),
				`Chatwoot accepts incoming messages only in API-channel inboxes, and conversation ${conversationId} is in another kind of inbox`,
				{
					itemIndex,
					description:
						'Messages from contacts in website, email, WhatsApp and other channel inboxes arrive through that channel. Send this message as "Outgoing" (or as a private note), or use a conversation of an API-channel inbox.',
				},
			);
		}
		// The transport's NodeApiError is passed on unchanged (its constructor returns the same instance).
		if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	}
	const message = unwrapRecord(response);
	recordCreated(state, message);
	return toItems(simplify ? simplifyMessage(message) : message);
}
