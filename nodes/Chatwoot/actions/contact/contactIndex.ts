import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest, getAllWithTotal, listMeta, unwrapList } from '../../../shared/transport';
import { pagesInParallel } from '../../../shared/execution/parallelism';
import { KEY_ORDER, normalisePhone } from './lookup';
import type { ContactKeys, KeyName } from './lookup';

/** Above this many input items, Upsert reads the account's contacts once instead of one lookup per item. */
export const INDEX_THRESHOLD = 50;

const PAGE_SIZE = 15;

/** The form in which a key is compared, as Chatwoot's uniqueness rules see it (see lookup.ts sameValue). */
function normalised(key: KeyName, value: unknown): string | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	if (key === 'email') return value.trim().toLowerCase();
	if (key === 'phone_number') return normalisePhone(value);
	return value;
}

/**
 * The account's contacts by identifier, lower-cased email and phone number, for one execution.
 * Every create and update of the run is written back (`put`), so a later item about the same
 * person finds the contact an earlier item created or re-keyed.
 */
export class ContactIndex {
	private readonly byId = new Map<number, IDataObject>();
	private readonly byKey: Record<KeyName, Map<string, number>> = {
		identifier: new Map(),
		email: new Map(),
		phone_number: new Map(),
	};

	constructor(contacts: IDataObject[] = []) {
		// Oldest first: where Chatwoot holds two records with the same key, the first one wins, as in findContact.
		for (const contact of contacts) this.add(contact, false);
	}

	get size(): number {
		return this.byId.size;
	}

	/** Identifier first, then email, then phone number (the order of findContact). */
	find(keys: ContactKeys): { contact: IDataObject; matchedBy: KeyName } | undefined {
		for (const key of KEY_ORDER) {
			const value = normalised(key, keys[key]);
			if (value === undefined) continue;
			const id = this.byKey[key].get(value);
			const contact = id === undefined ? undefined : this.byId.get(id);
			if (contact) return { contact, matchedBy: key };
		}
		return undefined;
	}

	/** Records a contact this run created or updated (its keys may have changed). */
	put(contact: IDataObject): void {
		this.add(contact, true);
	}

	/** Forgets a contact (deleted or merged away since the index was read). */
	remove(id: number): void {
		const previous = this.byId.get(id);
		if (!previous) return;
		this.byId.delete(id);
		for (const key of KEY_ORDER) {
			const value = normalised(key, previous[key]);
			if (value !== undefined && this.byKey[key].get(value) === id) this.byKey[key].delete(value);
		}
	}

	private add(contact: IDataObject, replace: boolean): void {
		const id = Number(contact.id);
		if (!Number.isFinite(id)) return;
		this.remove(id);
		this.byId.set(id, contact);
		for (const key of KEY_ORDER) {
			const value = normalised(key, contact[key]);
			if (value === undefined) continue;
			if (replace || !this.byKey[key].has(value)) this.byKey[key].set(value, id);
		}
	}
}

/**
 * Reads every contact that has an identifier, email or phone number (exactly what GET /contacts
 * lists) into an index, when that takes no more requests than one lookup per item would.
 * Returns undefined when per-item lookups are cheaper (a large account, a small batch).
 */
async function loadIndex(context: IExecuteFunctions, items: number): Promise<ContactIndex | undefined> {
	// Oldest first, without contact inboxes: pages stay put while others add contacts, and stay small.
	const request = { method: 'GET' as const, path: '/contacts', qs: { sort: 'created_at', include_contact_inboxes: false } };
	const first = await chatwootApiRequest(context, { ...request, qs: { ...request.qs, page: 1 } });
	const firstPage = unwrapList(first);
	const total = Number(listMeta(first).count);
	if (firstPage.length < PAGE_SIZE) return new ContactIndex(firstPage);
	if (!Number.isFinite(total)) return undefined;
	const pages = Math.ceil(total / PAGE_SIZE);
	if (pages > items) return undefined;
	const contacts = await getAllWithTotal(context, request, { returnAll: true, concurrency: pagesInParallel(context) }, PAGE_SIZE);
	return new ContactIndex(contacts);
}

/** The run's contact index, built once; undefined for small batches (per-item lookups instead). */
export async function contactIndexFor(context: IExecuteFunctions, run: RunContext): Promise<ContactIndex | undefined> {
	const items = context.getInputData().length;
	if (items <= INDEX_THRESHOLD) return undefined;
	return await run.once('contact-index', async () => await loadIndex(context, items));
}
