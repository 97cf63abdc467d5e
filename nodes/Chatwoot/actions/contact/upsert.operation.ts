import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { contactIndexFor } from './contactIndex';
import type { ContactIndex } from './contactIndex';
import { createContact } from './create.operation';
import { additionalFieldsCollection, contactBody, identityFields } from './fields';
import { findContact, hasKeys, keysOf, lockKeys, nodeError } from './lookup';
import type { ContactKeys } from './lookup';
import { updateContact } from './update.operation';

const properties: INodeProperties[] = [
	{
		displayName:
			'Finds the contact by Identifier, then Email, then Phone Number (exact match) and updates it, or creates it when none matches. The output has upsert_action: "created" or "updated".',
		name: 'upsertNotice',
		type: 'notice',
		default: '',
	},
	...identityFields('upsert'),
	additionalFieldsCollection('upsert'),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['upsert'] } }, properties);

export const concurrent = true;

/** Chatwoot's 422 for a create (typically "Email has already been taken" when someone else was faster). */
function isRejected(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '422';
}

async function updateFound(
	context: IExecuteFunctions,
	contact: IDataObject,
	body: IDataObject,
): Promise<IDataObject> {
	const updated = await updateContact(context, Number(contact.id), body);
	return { ...updated, upsert_action: 'updated' };
}

async function upsert(
	context: IExecuteFunctions,
	itemIndex: number,
	keys: ContactKeys,
	body: IDataObject,
	lookFirst = true,
): Promise<IDataObject> {
	const found = lookFirst ? await findContact(context, keys) : undefined;
	if (found) return await updateFound(context, found.contact, body);
	try {
		const created = await createContact(context, itemIndex, body);
		return { ...created, upsert_action: 'created' };
	} catch (error) {
		// Someone else (another workflow, the widget) created the person in between ("has already been
		// taken"): look again and update. Any other rejection (invalid email…) finds nothing and is shown.
		if (!isRejected(error)) throw nodeError(context, error);
		const again = await findContact(context, keys);
		if (!again) throw nodeError(context, error);
		return await updateFound(context, again.contact, body);
	}
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/**
 * Large batches: the lookup is the run's contact index instead of a filter request. A contact
 * deleted or merged since the index was read (404 on update) falls back to the per-item lookup.
 */
async function upsertIndexed(
	context: IExecuteFunctions,
	itemIndex: number,
	keys: ContactKeys,
	body: IDataObject,
	index: ContactIndex,
): Promise<IDataObject> {
	const found = index.find(keys);
	let record: IDataObject;
	if (found) {
		try {
			record = await updateFound(context, found.contact, body);
		} catch (error) {
			if (!isNotFound(error)) throw nodeError(context, error);
			index.remove(Number(found.contact.id));
			record = await upsert(context, itemIndex, keys, body);
		}
	} else {
		// Not in the index: create; a 422 "already taken" (someone else was faster) looks up and updates.
		record = await upsert(context, itemIndex, keys, body, false);
	}
	const contact: IDataObject = { ...record };
	delete contact.upsert_action;
	index.put(contact);
	return record;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const identity: IDataObject = {
		name: this.getNodeParameter('name', itemIndex, '') as string,
		email: this.getNodeParameter('email', itemIndex, '') as string,
		phoneNumber: this.getNodeParameter('phoneNumber', itemIndex, '') as string,
		identifier: this.getNodeParameter('identifier', itemIndex, '') as string,
	};
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = contactBody(this, itemIndex, identity, fields);
	const keys = keysOf(body);
	if (!hasKeys(keys)) {
		throw new NodeOperationError(this.getNode(), 'Upsert needs an identifier, email or phone number to find the contact', {
			itemIndex,
			description: 'Fill in Identifier, Email or Phone Number (or map one from a previous node). To always create, use Create.',
		});
	}
	// Large batches read the account's contacts once (undefined: one filter lookup per item).
	const index = await contactIndexFor(this, run);
	// Items about the same person wait for each other, so the second finds the first's contact.
	const record = await run.exclusive(lockKeys(keys), async () =>
		index ? await upsertIndexed(this, itemIndex, keys, body, index) : await upsert(this, itemIndex, keys, body),
	);
	return toItems(record);
}
