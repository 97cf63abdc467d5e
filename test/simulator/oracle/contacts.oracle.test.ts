// Ported from spec/controllers/api/v1/accounts/contacts_controller_spec.rb (CC = that file),
// spec/controllers/api/v1/accounts/contacts/conversations_controller_spec.rb,
// spec/controllers/api/v1/accounts/actions/contact_merges_controller_spec.rb and spec/actions/contact_merge_action_spec.rb.
import type { ChatwootSimulator } from '../index';
import { call, seedOracle, startOracle } from './_oracle';
import type { Oracle } from './_oracle';

let sim: ChatwootSimulator;
let o: Oracle;
beforeAll(async () => {
	sim = await startOracle();
});
afterAll(async () => await sim.close());
beforeEach(() => {
	o = seedOracle(sim);
});
const admin = () => o.admin.access_token;

describe('GET /contacts (CC:16-166)', () => {
	beforeEach(() => {
		// CC:27-39: contact (company "Company 1"), contact_1 ("Test Company 1"), contact_4 (no company); contact_inbox for contact
		sim.seed.contact({ accountId: o.accountId, name: 'c0', email: 'c0@x.test', additional_attributes: { company_name: 'Company 1', country_code: 'IN' }, inboxId: o.inbox.id });
		sim.seed.contact({ accountId: o.accountId, name: 'c1', email: 'c1@x.test', additional_attributes: { company_name: 'Test Company 1', country_code: 'CA' } });
		sim.seed.contact({ accountId: o.accountId, name: 'c4', email: 'c4@x.test', additional_attributes: { company_name: null, country_code: null } });
	});

	it('CC:18 returns unauthorized without a token', async () => {
		expect((await call(sim, 'GET', `${o.A}/contacts`)).status).toBe(401);
	});

	it('CC:42-54 returns resolved contacts along with contact inboxes', async () => {
		const r = await call(sim, 'GET', `${o.A}/contacts`, { token: admin() });
		expect(r.status).toBe(200);
		expect(r.json.payload.map((c: any) => c.email)).toContain('c0@x.test');
		expect(r.json.payload.flatMap((c: any) => c.contact_inboxes.map((ci: any) => ci.source_id))).toContain(sim.db.contactInboxes[0].source_id);
	});

	it('CC:57-68 include_contact_inboxes=false leaves the contact inboxes out', async () => {
		const r = await call(sim, 'GET', `${o.A}/contacts?include_contact_inboxes=false`, { token: admin() });
		expect(r.json.payload.flatMap((c: any) => c.contact_inboxes ?? [])).toEqual([]);
	});

	it('CC:71-100 the contact inbox carries limited inbox information (no hmac_token, no IMAP/SMTP)', async () => {
		const r = await call(sim, 'GET', `${o.A}/contacts?include_contact_inboxes=true`, { token: admin() });
		const inbox = r.json.payload.flatMap((c: any) => c.contact_inboxes)[0].inbox;
		expect(Object.keys(inbox)).toEqual(expect.arrayContaining(['id', 'channel_id', 'channel_type', 'name', 'avatar_url', 'provider']));
		expect(inbox).not.toHaveProperty('hmac_token');
		expect(inbox).not.toHaveProperty('imap_password');
		expect(inbox).not.toHaveProperty('smtp_password');
	});

	it('CC:103-111 sort=-company_name puts contacts without a company last', async () => {
		const r = await call(sim, 'GET', `${o.A}/contacts?include_contact_inboxes=false&sort=-company_name`, { token: admin() });
		expect(r.json.payload.at(-1).email).toBe('c4@x.test');
	});

	it('CC:150-163 labels[] filters resolved contacts carrying any of the labels', async () => {
		const a = sim.seed.contact({ accountId: o.accountId, name: 'l1', email: 'l1@x.test', labels: ['label1'] });
		const b = sim.seed.contact({ accountId: o.accountId, name: 'l2', email: 'l2@x.test', labels: ['label2'] });
		const r = await call(sim, 'GET', `${o.A}/contacts?labels[]=label1&labels[]=label2`, { token: admin() });
		expect(r.json.meta.count).toBe(2);
		expect(r.json.payload.map((c: any) => c.id).sort()).toEqual([a.id, b.id].sort());
	});
});

describe('GET /contacts/search (CC:314-419)', () => {
	beforeEach(() => {
		// CC:325-326
		sim.seed.contact({ accountId: o.accountId, name: 'contact1', email: 'one@x.test' });
		sim.seed.contact({ accountId: o.accountId, name: 'testcontact', email: 'test@test.com' });
	});

	it('CC:328-338 finds the contact by email and not the other one', async () => {
		const r = await call(sim, 'GET', `${o.A}/contacts/search?q=test@test.com`, { token: admin() });
		expect(r.status).toBe(200);
		expect(r.text).toContain('test@test.com');
		expect(r.text).not.toContain('one@x.test');
	});

	it('CC:340-349 ignores the case of the email', async () => {
		const r = await call(sim, 'GET', `${o.A}/contacts/search?q=Test@Test.com`, { token: admin() });
		expect(r.text).toContain('test@test.com');
	});

	it('CC:351-360 ignores the case of the name', async () => {
		const r = await call(sim, 'GET', `${o.A}/contacts/search?q=TestContact`, { token: admin() });
		expect(r.text).toContain('test@test.com');
		expect(r.text).not.toContain('one@x.test');
	});

	it('CC:362-373 respects the identifier casing', async () => {
		sim.seed.contact({ accountId: o.accountId, name: 'testcontact', identifier: 'testidentifer' });
		sim.seed.contact({ accountId: o.accountId, name: 'testcontact', identifier: 'TestIdentifier' });
		const r = await call(sim, 'GET', `${o.A}/contacts/search?q=TestIdentifier`, { token: admin() });
		expect(r.text).toContain('TestIdentifier');
		expect(r.text).not.toContain('testidentifer');
	});

	it('CC:375-385 has_more false and count 1 when the results fit in one page', async () => {
		const r = await call(sim, 'GET', `${o.A}/contacts/search?q=test@test.com`, { token: admin() });
		expect(r.json.meta.has_more).toBe(false);
		expect(r.json.meta.count).toBe(1);
	});

	it('CC:387-401 has_more true, count 15 (the page size) with 16 matches — unresolved contacts included', async () => {
		for (let i = 0; i < 16; i++) sim.seed.contact({ accountId: o.accountId, name: 'searchable_contact' });
		const r = await call(sim, 'GET', `${o.A}/contacts/search?q=searchable_contact`, { token: admin() });
		expect(r.json.meta.has_more).toBe(true);
		expect(r.json.meta.count).toBe(15);
		expect(r.json.payload).toHaveLength(15);
	});

	it('CC:403-417 the last page: has_more false, count 1', async () => {
		for (let i = 0; i < 16; i++) sim.seed.contact({ accountId: o.accountId, name: 'searchable_contact' });
		const r = await call(sim, 'GET', `${o.A}/contacts/search?q=searchable_contact&page=2`, { token: admin() });
		expect(r.json.meta.has_more).toBe(false);
		expect(r.json.meta.count).toBe(1);
		expect(r.json.payload).toHaveLength(1);
	});
});

describe('POST /contacts/filter (CC:421-481)', () => {
	beforeEach(() => {
		sim.seed.contact({ accountId: o.accountId, name: 'us1', email: 'us1@x.test', additional_attributes: { country_code: 'US' } });
		sim.seed.contact({ accountId: o.accountId, name: 'testcontact', email: 'test@test.com', additional_attributes: { country_code: 'US' } });
	});
	const filter = (payload: unknown) => call(sim, 'POST', `${o.A}/contacts/filter`, { token: admin(), body: { payload } });

	it('CC:437-451 country_code equal_to US returns both (no query_operator key at all)', async () => {
		const r = await filter([{ attribute_key: 'country_code', filter_operator: 'equal_to', values: ['US'] }]);
		expect(r.status).toBe(200);
		expect(r.text).toContain('test@test.com');
		expect(r.text).toContain('us1@x.test');
	});

	it('CC:453-465 an operator not allowed for the key → 422 naming the allowed ones', async () => {
		const r = await filter([{ attribute_key: 'country_code', filter_operator: 'eq', values: ['US'] }]);
		expect(r.status).toBe(422);
		expect(r.text).toContain('Invalid operator. The allowed operators for country_code are [equal_to,not_equal_to]');
	});

	it('CC:467-479 empty values → 422 invalid value', async () => {
		const r = await filter([{ attribute_key: 'country_code', filter_operator: 'equal_to', values: [] }]);
		expect(r.status).toBe(422);
		expect(r.text).toContain('Invalid value. The values provided for country_code are invalid"');
	});
});

describe('contact show / create / update / delete (CC:483-790)', () => {
	it('CC:497-504 shows the contact', async () => {
		const c = sim.seed.contact({ accountId: o.accountId, name: 'Shown Name', email: 's@x.test' });
		const r = await call(sim, 'GET', `${o.A}/contacts/${c.id}`, { token: admin() });
		expect(r.status).toBe(200);
		expect(r.text).toContain('Shown Name');
	});

	it('CC:553-556 create without a token is unauthorized and creates nothing', async () => {
		const r = await call(sim, 'POST', `${o.A}/contacts`, { body: { name: 'test' } });
		expect(r.status).toBe(401);
		expect(sim.db.contacts).toHaveLength(0);
	});

	it('CC:564-574 creates the contact with its custom attributes', async () => {
		const r = await call(sim, 'POST', `${o.A}/contacts`, { token: admin(), body: { name: 'test', custom_attributes: { test: 'test', test1: 'test1' } } });
		expect(r.status).toBe(200);
		expect(sim.db.contacts).toHaveLength(1);
		expect(r.json.payload.contact.custom_attributes).toEqual({ test: 'test', test1: 'test1' });
	});

	it('CC:577-586 a name longer than 255 characters → 422 "Name is too long (maximum is 255 characters)"', async () => {
		const r = await call(sim, 'POST', `${o.A}/contacts`, { token: admin(), body: { name: 'test'.repeat(999) } });
		expect(r.status).toBe(422);
		expect(r.json.message).toBe('Name is too long (maximum is 255 characters)');
	});

	it('CC:589-595 creates the contact inbox when inbox_id is passed', async () => {
		const r = await call(sim, 'POST', `${o.A}/contacts`, { token: admin(), body: { name: 'test', inbox_id: o.inbox.id } });
		expect(r.status).toBe(200);
		expect(sim.db.contactInboxes).toHaveLength(1);
	});

	describe('PATCH (CC:600-712)', () => {
		let id: number;
		const valid = { name: 'Test Blub', custom_attributes: { test: 'new test', test2: 'test2' }, additional_attributes: { attr2: 'new attr2', attr3: 'attr3' } };
		beforeEach(() => {
			// CC:603
			id = sim.seed.contact({ accountId: o.accountId, name: 'before', custom_attributes: { test: 'test', test1: 'test1' }, additional_attributes: { attr1: 'attr1', attr2: 'attr2' } }).id;
		});
		const stored = () => sim.db.contacts.find((c) => c.id === id)!;

		it('CC:609-613 unauthorized without a token', async () => {
			expect((await call(sim, 'PUT', `${o.A}/contacts/${id}`, { body: valid })).status).toBe(401);
		});

		it('CC:620-631 updates the name and merges custom and additional attributes', async () => {
			const r = await call(sim, 'PATCH', `${o.A}/contacts/${id}`, { token: admin(), body: valid });
			expect(r.status).toBe(200);
			expect(stored().name).toBe('Test Blub');
			expect(stored().custom_attributes).toEqual({ test: 'new test', test1: 'test1', test2: 'test2' });
			expect(stored().additional_attributes).toEqual({ attr1: 'attr1', attr2: 'new attr2', attr3: 'attr3' });
		});

		it('CC:634-643 a contact of another account is not found', async () => {
			const other = sim.seed.account({ name: 'Other' });
			const foreign = sim.seed.contact({ accountId: other.id, name: 'x' });
			expect((await call(sim, 'PATCH', `${o.A}/contacts/${foreign.id}`, { token: admin(), body: valid })).status).toBe(404);
		});

		it('CC:646-655 an email of another contact → 422 naming email', async () => {
			sim.seed.contact({ accountId: o.accountId, name: 'o', email: 'test1@example.com' });
			const r = await call(sim, 'PATCH', `${o.A}/contacts/${id}`, { token: admin(), body: { ...valid, email: 'test1@example.com' } });
			expect(r.status).toBe(422);
			expect(r.json.attributes).toContain('email');
		});

		it('CC:658-667 a phone number of another contact → 422 naming phone_number', async () => {
			sim.seed.contact({ accountId: o.accountId, name: 'o', phone_number: '+12000000' });
			const r = await call(sim, 'PATCH', `${o.A}/contacts/${id}`, { token: admin(), body: { ...valid, phone_number: '+12000000' } });
			expect(r.status).toBe(422);
			expect(r.json.attributes).toContain('phone_number');
		});

		it('CC:691-709 blocks and unblocks the contact', async () => {
			await call(sim, 'PATCH', `${o.A}/contacts/${id}`, { token: admin(), body: { blocked: true } });
			expect(stored().blocked).toBe(true);
			await call(sim, 'PATCH', `${o.A}/contacts/${id}`, { token: admin(), body: { blocked: false } });
			expect(stored().blocked).toBe(false);
		});
	});

	describe('DELETE (CC:714-761)', () => {
		it('CC:732-742 an administrator deletes the contact with its conversations and contact inboxes', async () => {
			const c = sim.seed.contact({ accountId: o.accountId, name: 'gone', email: 'g@x.test', inboxId: o.inbox.id });
			sim.seed.conversation({ accountId: o.accountId, inboxId: o.inbox.id, contactId: c.id });
			const r = await call(sim, 'DELETE', `${o.A}/contacts/${c.id}`, { token: admin() });
			expect(r.status).toBe(200);
			expect(sim.db.conversations.filter((x) => x.contact_id === c.id)).toEqual([]);
			expect(sim.db.contactInboxes.filter((x) => x.contact_id === c.id)).toEqual([]);
			expect(sim.db.contacts.find((x) => x.id === c.id)).toBeUndefined();
		});

		it('CC:745-751 an online contact is not deleted (422)', async () => {
			const c = sim.seed.contact({ accountId: o.accountId, name: 'online', email: 'on@x.test' });
			(c as any).online = true;
			expect((await call(sim, 'DELETE', `${o.A}/contacts/${c.id}`, { token: admin() })).status).toBe(422);
		});

		it('CC:754-758 an agent may not delete contacts (401)', async () => {
			const c = sim.seed.contact({ accountId: o.accountId, name: 'kept', email: 'k@x.test' });
			expect((await call(sim, 'DELETE', `${o.A}/contacts/${c.id}`, { token: o.agent.access_token })).status).toBe(401);
		});
	});

	it('CC:780-787 destroy_custom_attributes removes only the named keys', async () => {
		const c = sim.seed.contact({ accountId: o.accountId, name: 'ca', custom_attributes: { test: 'test', test1: 'test1' } });
		const r = await call(sim, 'POST', `${o.A}/contacts/${c.id}/destroy_custom_attributes`, { token: admin(), body: { custom_attributes: ['test'] } });
		expect(r.status).toBe(200);
		expect(sim.db.contacts.find((x) => x.id === c.id)!.custom_attributes).toEqual({ test1: 'test1' });
	});
});

describe('GET /contacts/:id/conversations (spec/controllers/api/v1/accounts/contacts/conversations_controller_spec.rb)', () => {
	let contactId: number;
	beforeEach(() => {
		// :14-19 — agent is a member of inbox_1 only; 2 conversations in each of two inboxes
		const inbox2 = sim.seed.inbox({ accountId: o.accountId, name: 'second', channelType: 'api' });
		sim.seed.inboxMember({ inboxId: o.inbox.id, userId: o.agent.id });
		contactId = sim.seed.contact({ accountId: o.accountId, name: 'c', email: 'c@x.test' }).id;
		for (let i = 0; i < 2; i++) {
			sim.seed.conversation({ accountId: o.accountId, inboxId: o.inbox.id, contactId });
			sim.seed.conversation({ accountId: o.accountId, inboxId: inbox2.id, contactId });
		}
	});

	it(':24-27 unauthorized without a token', async () => {
		expect((await call(sim, 'GET', `${o.A}/contacts/${contactId}/conversations`)).status).toBe(401);
	});

	it(':32-38 an administrator sees the conversations of all inboxes', async () => {
		const r = await call(sim, 'GET', `${o.A}/contacts/${contactId}/conversations`, { token: admin() });
		expect(r.json.payload).toHaveLength(4);
	});

	it(':43-49 an agent sees only the conversations of its inboxes', async () => {
		const r = await call(sim, 'GET', `${o.A}/contacts/${contactId}/conversations`, { token: o.agent.access_token });
		expect(r.json.payload).toHaveLength(2);
	});
});

describe('contact merge (spec/controllers/api/v1/accounts/actions/contact_merges_controller_spec.rb, spec/actions/contact_merge_action_spec.rb = MA)', () => {
	it('contact_merges_controller_spec.rb:10-13 unauthorized without a token', async () => {
		expect((await call(sim, 'POST', `${o.A}/actions/contact_merge`)).status).toBe(401);
	});

	it('contact_merges_controller_spec.rb:26-34 an agent merges; the answer is the base contact', async () => {
		const base = sim.seed.contact({ accountId: o.accountId, name: 'base', email: 'b@x.test' });
		const mergee = sim.seed.contact({ accountId: o.accountId, name: 'mergee', email: 'm@x.test' });
		const r = await call(sim, 'POST', `${o.A}/actions/contact_merge`, { token: o.agent.access_token, body: { base_contact_id: base.id, mergee_contact_id: mergee.id } });
		expect(r.status).toBe(200);
		expect(r.json.id).toBe(base.id);
	});

	describe('ContactMergeAction (MA:7-23)', () => {
		let baseId: number;
		let mergeeId: number;
		beforeEach(async () => {
			const base = sim.seed.contact({ accountId: o.accountId, name: 'base', identifier: 'base_contact', email: 'old@old.com', custom_attributes: { val_test: 'old', val_empty_old: '' } });
			const mergee = sim.seed.contact({ accountId: o.accountId, name: 'mergee', email: 'new@new.com', phone_number: '+12212345', custom_attributes: { val_test: 'new', val_new: 'new', val_empty_new: '' } });
			baseId = base.id;
			mergeeId = mergee.id;
			// the conversation factory creates a contact inbox per conversation: distinct source ids
			for (let i = 0; i < 2; i++) {
				sim.seed.conversation({ accountId: o.accountId, inboxId: o.inbox.id, contactId: base.id, sourceId: `base-${i}` });
				const conv = sim.seed.conversation({ accountId: o.accountId, inboxId: o.inbox.id, contactId: mergee.id, sourceId: `mergee-${i}` });
				sim.seed.message({ accountId: o.accountId, conversationId: conv.display_id, content: 'm', message_type: 'incoming', senderType: 'contact', senderId: mergee.id });
			}
			await call(sim, 'POST', `${o.A}/actions/contact_merge`, { token: admin(), body: { base_contact_id: baseId, mergee_contact_id: mergeeId } });
		});
		const base = () => sim.db.contacts.find((c) => c.id === baseId)!;

		it('MA:26-28 deletes the mergee', () => {
			expect(sim.db.contacts.find((c) => c.id === mergeeId)).toBeUndefined();
		});

		it('MA:31-40 base values win, blanks are filled from the mergee, custom attributes deep-merged', () => {
			expect(base().identifier).toBe('base_contact');
			expect(base().email).toBe('old@old.com');
			expect(base().phone_number).toBe('+12212345');
			expect(base().custom_attributes.val_test).toBe('old');
			expect(base().custom_attributes.val_new).toBe('new');
			expect(base().custom_attributes.val_empty_old).toBe('');
			expect(base().custom_attributes.val_empty_new).toBe('');
		});

		it('MA:52-69 moves conversations, contact inboxes and messages to the base contact', () => {
			expect(sim.db.conversations.filter((c) => c.contact_id === baseId)).toHaveLength(4);
			expect(sim.db.contactInboxes.filter((ci) => ci.contact_id === baseId)).toHaveLength(4);
			expect(sim.db.messages.filter((m) => m.sender_type === 'Contact' && m.sender_id === baseId)).toHaveLength(2);
		});
	});

	it('MA:43-48 merging a contact into itself keeps it', async () => {
		const c = sim.seed.contact({ accountId: o.accountId, name: 'same', email: 'same@x.test' });
		const r = await call(sim, 'POST', `${o.A}/actions/contact_merge`, { token: admin(), body: { base_contact_id: c.id, mergee_contact_id: c.id } });
		expect(r.status).toBe(200);
		expect(sim.db.contacts.find((x) => x.id === c.id)).toBeDefined();
	});
});
