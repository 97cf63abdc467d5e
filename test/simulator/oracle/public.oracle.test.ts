// Ported from spec/controllers/public/api/v1/inbox/contacts_controller_spec.rb (PC),
// spec/controllers/public/api/v1/inbox/conversations_controller_spec.rb (PV) and spec/actions/contact_identify_action_spec.rb (CI,
// reached through the Client API contact PATCH, which passes params.except(:identifier)), plus the HMAC behaviour of
// app/controllers/public/api/v1/inboxes/contacts_controller.rb (process_hmac, no spec in the suite).
import { createHmac } from 'crypto';

import type { ChatwootSimulator } from '../index';
import { call, seedOracle, startOracle } from './_oracle';
import type { Oracle } from './_oracle';

let sim: ChatwootSimulator;
let o: Oracle;
let P: string;
let sourceId: string;
let contactId: number;
beforeAll(async () => {
	sim = await startOracle();
});
afterAll(async () => await sim.close());
beforeEach(() => {
	o = seedOracle(sim);
	P = `/public/api/v1/inboxes/${o.inbox.inbox_identifier}`;
	// PC:4-6 / PV:4-6: a contact with a contact inbox in the API channel
	const c = sim.seed.contact({ accountId: o.accountId, name: 'Visitor', custom_attributes: { test: 'test', test1: 'test1' } });
	contactId = c.id;
	sourceId = sim.seed.contactInbox({ contactId: c.id, inboxId: o.inbox.id }).source_id;
});

describe('contacts (PC)', () => {
	it('PC:9-16 creates a contact and returns source_id and pubsub_token', async () => {
		const r = await call(sim, 'POST', `${P}/contacts`);
		expect(r.status).toBe(200);
		expect(Object.keys(r.json)).toEqual(expect.arrayContaining(['email', 'id', 'name', 'phone_number', 'pubsub_token', 'source_id']));
		expect(r.json.source_id).not.toBeNull();
		expect(r.json.pubsub_token).not.toBeNull();
	});

	it('PC:18-24 persists the identifier', async () => {
		await call(sim, 'POST', `${P}/contacts`, { body: { identifier: 'contact-identifier' } });
		expect(sim.db.contacts.find((c) => c.identifier === 'contact-identifier')).toBeDefined();
	});

	it('PC:29-37 gets the contact with its source_id and pubsub_token', async () => {
		const r = await call(sim, 'GET', `${P}/contacts/${sourceId}`);
		expect(r.status).toBe(200);
		expect(r.json.source_id).toBe(sourceId);
		expect(r.json.pubsub_token).toBe(sim.db.contactInboxes.find((ci) => ci.source_id === sourceId)!.pubsub_token);
	});

	it('PC:42-48 updates the contact', async () => {
		const r = await call(sim, 'PATCH', `${P}/contacts/${sourceId}`, { body: { name: 'John Smith' } });
		expect(r.status).toBe(200);
		expect(r.json.name).toBe('John Smith');
	});
});

describe('HMAC identity (contacts_controller.rb:3,30-44)', () => {
	const hash = (identifier: string) => createHmac('sha256', o.inbox.hmac_token).update(identifier).digest('hex');
	beforeEach(() => {
		sim.db.inboxes.find((i) => i.id === o.inbox.id)!.hmac_mandatory = true;
	});

	it(':3 process_hmac runs on show: GET without identifier_hash on a mandatory inbox → 500', async () => {
		expect((await call(sim, 'GET', `${P}/contacts/${sourceId}`)).status).toBe(500);
	});

	it(':2 contact_inbox (404) runs before process_hmac', async () => {
		expect((await call(sim, 'GET', `${P}/contacts/unknown-source`)).status).toBe(404);
	});

	it(':34 a valid hash on GET marks the contact inbox verified', async () => {
		const r = await call(sim, 'GET', `${P}/contacts/${sourceId}?identifier=u-1&identifier_hash=${hash('u-1')}`);
		expect(r.status).toBe(200);
		expect(sim.db.contactInboxes.find((ci) => ci.source_id === sourceId)!.hmac_verified).toBe(true);
	});

	it(':7-13 + :34 create with a valid hash succeeds but never verifies (no contact inbox yet)', async () => {
		const r = await call(sim, 'POST', `${P}/contacts`, { body: { identifier: 'u-2', identifier_hash: hash('u-2') } });
		expect(r.status).toBe(200);
		expect(sim.db.contactInboxes.find((ci) => ci.source_id === r.json.source_id)!.hmac_verified).toBe(false);
	});
});

describe('ContactIdentifyAction via PATCH (CI)', () => {
	it('CI:15-21 merges custom attributes without overwriting the others', async () => {
		await call(sim, 'PATCH', `${P}/contacts/${sourceId}`, { body: { name: 'test', custom_attributes: { test: 'new test', test2: 'test2' } } });
		const c = sim.db.contacts.find((x) => x.id === contactId)!;
		expect(c.name).toBe('test');
		expect(c.custom_attributes).toEqual({ test: 'new test', test1: 'test1', test2: 'test2' });
	});

	it('CI:62-68 an email of another contact merges this contact into that one', async () => {
		const existing = sim.seed.contact({ accountId: o.accountId, name: 'old name', email: 'test@test.com' });
		const r = await call(sim, 'PATCH', `${P}/contacts/${sourceId}`, { body: { name: 'new name', email: 'test@test.com' } });
		expect(r.json.id).toBe(existing.id);
		expect(r.json.name).toBe('new name');
		expect(sim.db.contacts.find((x) => x.id === contactId)).toBeUndefined();
	});

	it('CI:82-88 a phone number of another contact merges this contact into that one', async () => {
		const existing = sim.seed.contact({ accountId: o.accountId, name: 'phone owner', phone_number: '+919999888877' });
		const r = await call(sim, 'PATCH', `${P}/contacts/${sourceId}`, { body: { phone_number: '+919999888877' } });
		expect(r.json.id).toBe(existing.id);
		expect(r.json.name).toBe('phone owner');
		expect(sim.db.contacts.find((x) => x.id === contactId)).toBeUndefined();
	});

	it("CI:100-106 no merge into a phone contact whose email differs: email set, phone left out", async () => {
		sim.seed.contact({ accountId: o.accountId, name: 'p', email: '1@test.com', phone_number: '+919999888877' });
		const r = await call(sim, 'PATCH', `${P}/contacts/${sourceId}`, { body: { email: '2@test.com', phone_number: '+919999888877' } });
		expect(r.json.id).toBe(contactId);
		expect(r.json.email).toBe('2@test.com');
		expect(r.json.phone_number).toBeNull();
	});
});

describe('conversations (PV)', () => {
	it('PV:9-16 lists the conversations of the contact inbox', async () => {
		const conv = sim.seed.conversation({ accountId: o.accountId, inboxId: o.inbox.id, sourceId });
		const r = await call(sim, 'GET', `${P}/contacts/${sourceId}/conversations`);
		expect(r.json).toHaveLength(1);
		expect(r.json[0].uuid).toBe(conv.uuid);
	});

	it("PV:19-27 hmac_verified: the contact's conversations of every inbox", async () => {
		sim.db.contactInboxes.find((ci) => ci.source_id === sourceId)!.hmac_verified = true;
		const other = sim.seed.inbox({ accountId: o.accountId, name: 'other', channelType: 'api' });
		const conv = sim.seed.conversation({ accountId: o.accountId, inboxId: other.id, contactId });
		const r = await call(sim, 'GET', `${P}/contacts/${sourceId}/conversations`);
		expect(r.json).toHaveLength(1);
		expect(r.json[0].uuid).toBe(conv.uuid);
	});

	it('PV:30-46 no private and no activity messages', async () => {
		const conv = sim.seed.conversation({ accountId: o.accountId, inboxId: o.inbox.id, sourceId });
		for (const m of [{ content: 'message-1' }, { content: 'message-2' }, { content: 'private-message-1', private: true, message_type: 'outgoing' as const }, { content: 'activity-message-1', message_type: 'activity' as const }])
			sim.seed.message({ accountId: o.accountId, conversationId: conv.display_id, ...m });
		const r = await call(sim, 'GET', `${P}/contacts/${sourceId}/conversations`);
		expect(r.json[0].messages).toHaveLength(2);
		expect(r.json[0].messages.map((m: any) => m.content)).not.toContain('private-message-1');
	});

	it('PV:51-63 shows a conversation of the contact with its messages', async () => {
		const conv = sim.seed.conversation({ accountId: o.accountId, inboxId: o.inbox.id, sourceId });
		sim.seed.message({ accountId: o.accountId, conversationId: conv.display_id, content: 'message-1' });
		const r = await call(sim, 'GET', `${P}/contacts/${sourceId}/conversations/${conv.display_id}`);
		expect(r.json.id).toBe(conv.display_id);
		expect(r.json.messages.map((m: any) => m.content)).toContain('message-1');
	});

	it('PV:68-86 toggle_status resolves, and leaves a resolved conversation resolved', async () => {
		const conv = sim.seed.conversation({ accountId: o.accountId, inboxId: o.inbox.id, sourceId });
		const r = await call(sim, 'POST', `${P}/contacts/${sourceId}/conversations/${conv.display_id}/toggle_status`);
		expect(r.status).toBe(200);
		expect(conv.status).toBe('resolved');
		expect((await call(sim, 'POST', `${P}/contacts/${sourceId}/conversations/${conv.display_id}/toggle_status`)).status).toBe(200);
		expect(conv.status).toBe('resolved');
	});

	it('PV:98-106 create keeps custom_attributes and drops additional_attributes', async () => {
		const r = await call(sim, 'POST', `${P}/contacts/${sourceId}/conversations`, { body: { custom_attributes: { test: 'test' }, additional_attributes: { test: 'test' } } });
		const conv = sim.find.conversation(o.accountId, r.json.id)!;
		expect(conv.custom_attributes).toEqual({ test: 'test' });
		expect(conv.additional_attributes).toEqual({});
	});

	it('PV:132-140 update_last_seen sets contact_last_seen_at', async () => {
		const conv = sim.seed.conversation({ accountId: o.accountId, inboxId: o.inbox.id, sourceId });
		const before = conv.contact_last_seen_at;
		expect((await call(sim, 'POST', `${P}/contacts/${sourceId}/conversations/${conv.display_id}/update_last_seen`)).status).toBe(200);
		expect(conv.contact_last_seen_at).not.toBe(before);
	});
});
