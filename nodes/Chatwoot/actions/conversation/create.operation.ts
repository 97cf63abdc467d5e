import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';

import { compact, getId, parseJsonField } from '../../../shared/helpers/items';
import { chatwootApiRequest, isMissingAccountError, unwrapList, unwrapRecord } from '../../../shared/transport';
import { agentLocator, contactLocator, inboxLocator, simplifyField, teamLocator } from '../../../shared/descriptions';
import { toUnixSeconds } from '../../../shared/helpers/time';
import { conversationItems } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Create By',
		name: 'createBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Contact and Inbox',
				value: 'contact',
				description: 'Pick the contact and the inbox; Chatwoot links the contact to the inbox if needed',
			},
			{
				name: 'Source ID',
				value: 'sourceId',
				description: "Use the contact's source ID in one inbox (contact_inbox.source_id, e.g. from Contact → Create)",
			},
		],
		default: 'contact',
		description: 'How to say who the conversation is with and in which inbox',
	},
	{ ...contactLocator('The contact the conversation is with'), displayOptions: { show: { createBy: ['contact'] } } },
	{ ...inboxLocator('The inbox the conversation is in'), displayOptions: { show: { createBy: ['contact'] } } },
	{
		displayName: 'Source ID',
		name: 'sourceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 7a9f5d2c-…',
		description: 'The contact inbox source ID: identifies the contact within one inbox (the inbox follows from it)',
		displayOptions: { show: { createBy: ['sourceId'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Additional Attributes (JSON)',
				name: 'additionalAttributes',
				type: 'json',
				default: '{}',
				description: 'Extra conversation details Chatwoot shows in the sidebar, as a JSON object',
			},
			{ ...agentLocator('assigneeId', 'The agent to assign the conversation to'), displayName: 'Assignee', required: false },
			{
				displayName: 'Custom Attributes (JSON)',
				name: 'customAttributes',
				type: 'json',
				default: '{}',
				description: 'Conversation custom attributes as a JSON object, keyed by attribute key',
			},
			{
				displayName: 'First Message',
				name: 'content',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Text of a first (outgoing) message to post in the new conversation',
			},
			{
				displayName: 'Snoozed Until',
				name: 'snoozedUntil',
				type: 'dateTime',
				default: '',
				description:
					'Snooze the new conversation until this time (it reopens then, or at the next reply). Overrides Status.',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Open', value: 'open' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Resolved', value: 'resolved' },
				],
				default: 'open',
				description:
					"Status of the new conversation (default: open). Chatwoot overrides it: a blocked contact's conversation starts resolved, and in an inbox with an active agent bot it starts pending, whatever is chosen here; the output's status is the real one.",
			},
			{ ...teamLocator('teamId', 'The team to assign the conversation to'), required: false },
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['create'] } }, properties);

// Not concurrent: Chatwoot numbers conversations in creation order, and two creates for the same
// contact and inbox at once can race (e.g. inboxes locked to a single conversation).

function hasValue(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return false;
	if (typeof value === 'object') return String((value as IDataObject).value ?? '').trim() !== '';
	return String(value).trim() !== '';
}

/** Looks for a conversation that an uncertain first attempt may have created. */
async function findLanded(
	context: IExecuteFunctions,
	where: { contactId?: number; inboxId?: number; sourceId?: string },
	sinceSeconds: number,
	content: string | undefined,
): Promise<IDataObject | undefined> {
	const candidates = where.contactId
		? unwrapList(await chatwootApiRequest(context, { method: 'GET', path: `/contacts/${where.contactId}/conversations` })).filter(
				(c) => Number(c.inbox_id) === where.inboxId,
			)
		: unwrapList(
				await chatwootApiRequest(context, {
					method: 'GET',
					path: '/conversations',
					qs: { status: 'all', source_id: where.sourceId, sort_by: 'created_at_desc', page: 1 },
				}),
			);
	const recent = candidates.filter((c) => Number(c.created_at) >= sinceSeconds);
	if (content !== undefined) {
		return recent.find((c) =>
			((c.messages as IDataObject[] | undefined) ?? []).some((m) => String(m.content ?? '') === content),
		);
	}
	// Without a first message there is nothing to tell conversations apart: accept only a single candidate.
	return recent.length === 1 ? recent[0] : undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const createBy = this.getNodeParameter('createBy', itemIndex) as string;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const where: { contactId?: number; inboxId?: number; sourceId?: string } = {};
	const body: IDataObject = {};
	if (createBy === 'sourceId') {
		const sourceId = String(this.getNodeParameter('sourceId', itemIndex) ?? '').trim();
		if (sourceId === '') {
			throw new NodeOperationError(this.getNode(), 'The source ID is empty', {
				itemIndex,
				description: 'Map the contact inbox source ID (e.g. {{ $json.contact_inbox.source_id }}) or create by contact and inbox.',
			});
		}
		where.sourceId = sourceId;
		body.source_id = sourceId;
	} else {
		where.contactId = getId(this, 'contactId', itemIndex, 'contact ID');
		where.inboxId = getId(this, 'inboxId', itemIndex, 'inbox ID');
		body.contact_id = where.contactId;
		body.inbox_id = where.inboxId;
	}

	const content = typeof fields.content === 'string' && fields.content !== '' ? fields.content : undefined;
	Object.assign(
		body,
		compact({
			status: fields.status,
			assignee_id: hasValue(fields.assigneeId) ? getId(this, 'additionalFields.assigneeId', itemIndex, 'agent ID') : undefined,
			team_id: hasValue(fields.teamId) ? getId(this, 'additionalFields.teamId', itemIndex, 'team ID') : undefined,
		}),
	);
	if (fields.customAttributes !== undefined) {
		const custom = parseJsonField(this, fields.customAttributes, 'Custom Attributes (JSON)', itemIndex);
		if (Object.keys(custom).length) body.custom_attributes = custom;
	}
	if (fields.additionalAttributes !== undefined) {
		const additional = parseJsonField(this, fields.additionalAttributes, 'Additional Attributes (JSON)', itemIndex);
		if (Object.keys(additional).length) body.additional_attributes = additional;
	}
	if (content !== undefined) body.message = { content };

	// Allow for clock skew between n8n and Chatwoot when looking for a conversation that landed.
	const since = Math.floor(Date.now() / 1000) - 120;
	let created: unknown;
	try {
		created = await chatwootApiRequest(this, {
			method: 'POST',
			path: '/conversations',
			body,
			subject: where.sourceId !== undefined ? { resource: 'contact inbox with source ID', id: where.sourceId } : { resource: 'contact or inbox' },
			reconcile: async () => await findLanded(this, where, since, content),
		});
	} catch (error) {
		throw explain(this, error, where, itemIndex);
	}
	const record = unwrapRecord(created);
	const snoozedUntil = toUnixSeconds(fields.snoozedUntil);
	if (snoozedUntil !== undefined && record.id !== undefined) {
		// POST /conversations takes no "snoozed" status: snooze it the documented way, right after.
		const answer = unwrapRecord(
			await chatwootApiRequest(this, {
				method: 'POST',
				path: `/conversations/${String(record.id)}/toggle_status`,
				body: { status: 'snoozed', snoozed_until: snoozedUntil },
				subject: { resource: 'conversation', id: String(record.id) },
				idempotent: true,
			}),
		);
		record.status = answer.current_status ?? 'snoozed';
		record.snoozed_until = answer.snoozed_until ?? snoozedUntil;
	}
	return conversationItems(this, itemIndex, [record]);
}

/** Rewrites Chatwoot's terse 404/422 answers into what went wrong with this create. */
function explain(
	context: IExecuteFunctions,
	error: unknown,
	where: { contactId?: number; inboxId?: number; sourceId?: string },
	itemIndex: number,
): unknown {
	if (!(error instanceof NodeApiError) || isMissingAccountError(error)) return error;
	if (error.httpCode === '404') {
		const message =
			where.sourceId !== undefined
				? `No contact inbox with source ID "${where.sourceId}" was found in Chatwoot`
				: `Contact ${where.contactId} or inbox ${where.inboxId} was not found in Chatwoot`;
		const description =
			where.sourceId !== undefined
				? "A source ID identifies a contact in one inbox (contact_inbox.source_id, returned by Contact → Create with an inbox). Check it belongs to this account, or create the conversation by contact and inbox instead."
				: 'Check both IDs belong to the account in the credential and that the token can see the inbox.';
		return new NodeApiError(context.getNode(), { message, description } as JsonObject, {
			message,
			description,
			httpCode: '404',
			itemIndex,
		});
	}
	if (error.httpCode === '422') {
		const reason = error.message.replace(/^Chatwoot rejected the (request|data): /, '');
		const message =
			where.sourceId !== undefined
				? `Chatwoot could not start a conversation for source ID "${where.sourceId}": ${reason}`
				: `Chatwoot could not start a conversation for contact ${where.contactId} in inbox ${where.inboxId}: ${reason}`;
		const description =
			'The contact may not be reachable through that inbox (e.g. an email inbox needs a contact email, SMS and WhatsApp need a phone number), or the inbox type cannot start conversations. Check the contact and the inbox.';
		return new NodeApiError(context.getNode(), { message, description } as JsonObject, {
			message,
			description,
			httpCode: '422',
			itemIndex,
		});
	}
	return error;
}
