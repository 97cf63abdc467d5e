import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { additionalFieldsCollection, contactBody, identityFields, optionalInboxId } from './fields';
import { findContact, getContact, hasKeys, keysOf } from './lookup';

const properties: INodeProperties[] = [...identityFields('create'), additionalFieldsCollection('create')];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['create'] } }, properties);

export const concurrent = true;

function asObject(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** The contact inbox of `inboxId` on an existing contact, created when missing. */
async function contactInboxFor(
	context: IExecuteFunctions,
	contactId: number,
	inboxId: number,
	sourceId: string | undefined,
): Promise<IDataObject> {
	const contact = await getContact(context, contactId);
	const existing = ((contact.contact_inboxes ?? []) as IDataObject[]).find((ci) => {
		const inbox = asObject(ci.inbox);
		return Number(inbox?.id) === inboxId && (sourceId === undefined || ci.source_id === sourceId);
	});
	if (existing) return existing;
	return unwrapRecord(
		await chatwootApiRequest(context, {
			method: 'POST',
			path: `/contacts/${contactId}/contact_inboxes`,
			body: sourceId === undefined ? { inbox_id: inboxId } : { inbox_id: inboxId, source_id: sourceId },
			subject: { resource: 'contact', id: contactId },
		}),
	);
}

/**
 * POST /contacts. When the answer is lost (timeout, 502…), the transport asks `reconcile`, which
 * looks the contact up by identifier, email and phone, so a retry never creates a duplicate.
 * Returns the contact record, plus `contact_inbox` when an inbox was given.
 */
export async function createContact(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	inboxId?: number,
	sourceId?: string,
): Promise<IDataObject> {
	const keys = keysOf(body);
	const request: IDataObject = { ...body };
	if (inboxId !== undefined) request.inbox_id = inboxId;
	if (inboxId !== undefined && sourceId !== undefined) request.source_id = sourceId;

	const reconcile = hasKeys(keys)
		? async () => {
				const found = await findContact(context, keys);
				if (!found) return undefined;
				const contactInbox =
					inboxId === undefined ? null : await contactInboxFor(context, Number(found.contact.id), inboxId, sourceId);
				return { payload: { contact: found.contact, contact_inbox: contactInbox } };
			}
		: undefined;

	const response = unwrapRecord(
		await chatwootApiRequest(context, { method: 'POST', path: '/contacts', body: request, reconcile }),
	);
	const contact = asObject(response.contact) ?? response;
	if (contact.id === undefined) {
		throw new NodeOperationError(context.getNode(), 'Chatwoot did not return the created contact', {
			itemIndex,
			description: 'Check in Chatwoot whether the contact exists before running again.',
		});
	}
	const contactInbox = asObject(response.contact_inbox);
	if (inboxId !== undefined && contactInbox && contactInbox.source_id !== undefined && contactInbox.source_id !== null) {
		return { ...contact, contact_inbox: { source_id: contactInbox.source_id, inbox: contactInbox.inbox ?? null } };
	}
	return { ...contact };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const identity: IDataObject = {
		name: this.getNodeParameter('name', itemIndex, '') as string,
		email: this.getNodeParameter('email', itemIndex, '') as string,
		phoneNumber: this.getNodeParameter('phoneNumber', itemIndex, '') as string,
		identifier: this.getNodeParameter('identifier', itemIndex, '') as string,
	};
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = contactBody(this, itemIndex, identity, fields);
	if (!body.name && !hasKeys(keysOf(body))) {
		throw new NodeOperationError(this.getNode(), 'A contact needs at least a name, email, phone number or identifier', {
			itemIndex,
			description: 'Fill in Name, Email, Phone Number or Identifier (or map one from a previous node).',
		});
	}
	const inboxId = optionalInboxId(this, itemIndex, fields);
	const sourceId = typeof fields.sourceId === 'string' && fields.sourceId.trim() !== '' ? fields.sourceId.trim() : undefined;
	if (sourceId !== undefined && inboxId === undefined) {
		throw new NodeOperationError(this.getNode(), 'A source ID needs an inbox', {
			itemIndex,
			description: 'Choose the inbox in Additional Fields → Inbox, or remove the Source ID.',
		});
	}
	return toItems(await createContact(this, itemIndex, body, inboxId, sourceId));
}
