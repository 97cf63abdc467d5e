import { ChatwootSimulator } from './index';
import { call, seedWorld, withSim, World } from './_helpers';

let sim: ChatwootSimulator;
let w: World;
beforeAll(async () => {
	sim = await withSim();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.reset();
	w = seedWorld(sim);
});

describe('auth', () => {
	it('missing token -> 401 devise-style errors array', async () => {
		const r = await call(sim, 'GET', `${w.A}/contacts`);
		expect(r.status).toBe(401);
		expect(r.json).toEqual({ errors: ['You need to sign in or sign up before continuing.'] });
	});
	it('unknown token -> 401 Invalid Access Token', async () => {
		const r = await call(sim, 'GET', `${w.A}/contacts`, { token: 'nope' });
		expect(r.status).toBe(401);
		expect(r.json).toEqual({ error: 'Invalid Access Token' });
	});
	it('user not member of account -> 401', async () => {
		const other = sim.seed.account({ name: 'Other' });
		const r = await call(sim, 'GET', `/api/v1/accounts/${other.id}/contacts`, { token: w.admin.access_token });
		expect(r.status).toBe(401);
		expect(r.json).toEqual({ error: 'You are not authorized to access this account' });
	});
	it('bot token: blocked on non-bot endpoints, allowed on bot endpoints of its account', async () => {
		const bot = sim.seed.agentBot({ name: 'Botty', accountId: w.accountId });
		const c = sim.seed.contact({ accountId: w.accountId, name: 'C', email: 'c@x.test' });
		const conv = sim.seed.conversation({ accountId: w.accountId, inboxId: w.apiInbox.id, contactId: c.id });
		let r = await call(sim, 'GET', `${w.A}/contacts`, { token: bot.access_token });
		expect(r.status).toBe(401);
		expect(r.json).toEqual({ error: 'Access to this endpoint is not authorized for bots' });
		r = await call(sim, 'GET', '/api/v1/profile', { token: bot.access_token });
		expect(r.json).toEqual({ error: 'Access to this endpoint is not authorized for bots' });
		r = await call(sim, 'GET', `${w.A}/conversations/${conv.display_id}`, { token: bot.access_token });
		expect(r.status).toBe(200);
		r = await call(sim, 'POST', `${w.A}/conversations/${conv.display_id}/messages`, { token: bot.access_token, body: { content: 'beep' } });
		expect(r.status).toBe(200);
		expect(r.json.sender).toMatchObject({ id: bot.id, type: 'agent_bot' });
		const other = sim.seed.account({ name: 'Other' });
		r = await call(sim, 'GET', `/api/v1/accounts/${other.id}/conversations/1`, { token: bot.access_token });
		// ensure_current_account_helper.rb#account_accessible_for_bot? (fidelity review A2)
		expect(r.json).toEqual({ error: 'Bot is not authorized to access this account' });
	});
	it('agent on admin-only write -> 401 not authorized to do this action', async () => {
		for (const [method, path, body] of [
			['POST', `${w.A}/webhooks`, { url: 'https://x.test/h', subscriptions: ['message_created'] }],
			['POST', `${w.A}/labels`, { title: 'x' }],
			['POST', `${w.A}/inboxes`, { name: 'x', channel: { type: 'api' } }],
			['POST', `${w.A}/inbox_members`, { inbox_id: w.apiInbox.id, user_ids: [w.agent.id] }],
			['POST', `${w.A}/teams`, { name: 't' }],
			['POST', `${w.A}/agents`, { name: 'n', email: 'n@x.test', role: 'agent' }],
		] as const) {
			const r = await call(sim, method, path, { token: w.agent.access_token, body });
			expect([path, r.status, r.json]).toEqual([path, 401, { error: 'You are not authorized to do this action' }]);
		}
	});
	it('profile lists accounts with roles; token in header is redacted in the request log', async () => {
		const r = await call(sim, 'GET', '/api/v1/profile', { token: w.agent.access_token });
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ id: w.agent.id, access_token: w.agent.access_token, account_id: w.accountId, accounts: [{ id: w.accountId, name: 'Acme', role: 'agent' }] });
		expect(sim.requests.at(-1)!.headers.api_access_token).toBe('[redacted]');
		expect(JSON.stringify(sim.requests)).not.toContain(w.agent.access_token);
	});
	it('unknown record -> 404 Resource could not be found; unknown account -> 404', async () => {
		let r = await call(sim, 'GET', `${w.A}/contacts/999`, { token: w.admin.access_token });
		expect(r.status).toBe(404);
		expect(r.json).toEqual({ error: 'Resource could not be found' });
		r = await call(sim, 'GET', `/api/v1/accounts/999/contacts`, { token: w.admin.access_token });
		expect(r.status).toBe(404);
	});
});

describe('contacts', () => {
	const tok = () => w.admin.access_token;

	it.each([0, 1, 15, 16])('list paging with %i resolved contacts (15/page, meta.count = total)', async (n) => {
		sim.seed.many.contacts(w.accountId, n);
		sim.seed.contact({ accountId: w.accountId, name: 'Anonymous visitor' }); // no email/phone/identifier -> not listed
		const p1 = await call(sim, 'GET', `${w.A}/contacts`, { token: tok() });
		expect(p1.status).toBe(200);
		expect(p1.json.meta).toEqual({ count: n, current_page: 1 });
		expect(p1.json.payload).toHaveLength(Math.min(n, 15));
		const p2 = await call(sim, 'GET', `${w.A}/contacts?page=2`, { token: tok() });
		expect(p2.json.meta).toEqual({ count: n, current_page: 2 });
		expect(p2.json.payload).toHaveLength(Math.max(0, n - 15));
	});

	it('list sort (name, -name) and labels[] filter; contact_inboxes included by default', async () => {
		sim.seed.contact({ accountId: w.accountId, name: 'bravo', email: 'b@x.test', labels: ['vip'], inboxId: w.apiInbox.id });
		sim.seed.contact({ accountId: w.accountId, name: 'Alpha', email: 'a@x.test' });
		sim.seed.contact({ accountId: w.accountId, name: 'charlie', identifier: 'c-1', labels: ['vip', 'x'] });
		let r = await call(sim, 'GET', `${w.A}/contacts?sort=name`, { token: tok() });
		expect(r.json.payload.map((c: any) => c.name)).toEqual(['Alpha', 'bravo', 'charlie']);
		r = await call(sim, 'GET', `${w.A}/contacts?sort=-name`, { token: tok() });
		expect(r.json.payload.map((c: any) => c.name)).toEqual(['charlie', 'bravo', 'Alpha']);
		r = await call(sim, 'GET', `${w.A}/contacts?labels[]=vip&sort=name`, { token: tok() });
		expect(r.json.payload.map((c: any) => c.name)).toEqual(['bravo', 'charlie']);
		expect(r.json.meta.count).toBe(2);
		expect(r.json.payload[0].contact_inboxes[0]).toMatchObject({ source_id: expect.any(String), inbox: { id: w.apiInbox.id, channel_type: 'Channel::Api' } });
		r = await call(sim, 'GET', `${w.A}/contacts?include_contact_inboxes=false`, { token: tok() });
		expect(r.json.payload[0].contact_inboxes).toBeUndefined();
	});

	it('search: q over name/email/phone (case-insensitive) + identifier; meta.count = page items; has_more', async () => {
		sim.seed.many.contacts(w.accountId, 20, (i) => ({ name: `Needle ${i}` }));
		sim.seed.contact({ accountId: w.accountId, name: 'Anon needle visitor' });
		sim.seed.contact({ accountId: w.accountId, name: 'Z', identifier: 'EXT-42' });
		let r = await call(sim, 'GET', `${w.A}/contacts/search?q=NEEDLE`, { token: tok() });
		expect(r.status).toBe(200);
		expect(r.json.meta).toEqual({ count: 15, current_page: 1, has_more: true });
		r = await call(sim, 'GET', `${w.A}/contacts/search?q=needle&page=2`, { token: tok() });
		expect(r.json.meta).toEqual({ count: 6, current_page: 2, has_more: false });
		r = await call(sim, 'GET', `${w.A}/contacts/search?q=EXT-4`, { token: tok() });
		expect(r.json.payload.map((c: any) => c.identifier)).toEqual(['EXT-42']);
		r = await call(sim, 'GET', `${w.A}/contacts/search`, { token: tok() });
		expect(r.status).toBe(422);
		expect(r.json).toEqual({ error: 'Specify search string with parameter q' });
	});

	// lib/filters/filter_keys.yml + app/services/contacts/filter_service.rb (fidelity review A9)
	it('filter: operators per attribute, custom attributes need a definition, values[0] only, and/or, 422 on bad key/operator', async () => {
		sim.seed.customAttribute({ accountId: w.accountId, attributeKey: 'plan', attributeModel: 'contact_attribute', displayType: 'text' });
		sim.seed.contact({ accountId: w.accountId, name: 'Ann', email: 'ann@corp.test', custom_attributes: { plan: 'pro' }, additional_attributes: { city: 'Berlin' } });
		sim.seed.contact({ accountId: w.accountId, name: 'Ben', email: 'ben@mail.test', custom_attributes: { plan: 'free' } });
		sim.seed.contact({ accountId: w.accountId, name: 'Cid', phone_number: '+4915100000' });
		sim.seed.contact({ accountId: w.accountId, name: 'Anonymous visitor' }); // not a resolved contact: never matched
		const f = (payload: unknown) => call(sim, 'POST', `${w.A}/contacts/filter`, { token: tok(), body: { payload } });
		let r = await f([{ attribute_key: 'email', filter_operator: 'contains', values: ['CORP'], query_operator: null }]);
		expect(r.json.payload.map((c: any) => c.name)).toEqual(['Ann']);
		expect(r.json.meta).toEqual({ count: 1, current_page: 1 });
		r = await f([{ attribute_key: 'plan', filter_operator: 'equal_to', values: ['PRO', 'free'], query_operator: null }]);
		expect(r.json.payload.map((c: any) => c.name)).toEqual(['Ann']);
		r = await f([
			{ attribute_key: 'city', filter_operator: 'equal_to', values: ['berlin'], query_operator: 'or' },
			{ attribute_key: 'phone_number', filter_operator: 'equal_to', values: ['4915100000'], query_operator: null },
		]);
		expect(r.json.payload.map((c: any) => c.name)).toEqual(['Ann', 'Cid']);
		r = await f([
			{ attribute_key: 'name', filter_operator: 'not_equal_to', values: ['ann'], query_operator: 'and' },
			{ attribute_key: 'name', filter_operator: 'does_not_contain', values: ['ci'], query_operator: null },
		]);
		expect(r.json.payload.map((c: any) => c.name)).toEqual(['Ben']);
		r = await f([{ attribute_key: 'shoe_size', filter_operator: 'equal_to', values: ['9'], query_operator: null }]);
		expect(r.status).toBe(422);
		expect(r.json.error).toBe(
			'Invalid attribute key - [shoe_size]. The key should be one of [name,phone_number,email,identifier,country_code,city,company_name,labels,created_at,last_activity_at,blocked] or a custom attribute defined in the account.',
		);
		r = await f([{ attribute_key: 'email', filter_operator: 'is_not_present', values: [], query_operator: null }]);
		expect(r.status).toBe(422);
		expect(r.json.error).toBe('Invalid operator. The allowed operators for email are [equal_to,not_equal_to,contains,does_not_contain].');
		r = await f([{ attribute_key: 'company', filter_operator: 'equal_to', values: ['x'], query_operator: null }]);
		expect(r.json.error).toMatch(/^Invalid attribute key - \[company\]/);
	});

	it('create: envelope with/without inbox; fires no error; duplicates are 422 {message, attributes}', async () => {
		let r = await call(sim, 'POST', `${w.A}/contacts`, { token: tok(), body: { name: 'Jo', email: 'Jo@Example.test' } });
		expect(r.status).toBe(200);
		expect(r.json.payload.contact).toMatchObject({ name: 'Jo', email: 'jo@example.test', contact_inboxes: [] });
		expect(r.json.payload.contact_inbox).toEqual({ inbox: null, source_id: null });
		r = await call(sim, 'POST', `${w.A}/contacts`, { token: tok(), body: { name: 'Jo2', email: 'JO@example.TEST' } });
		expect(r.status).toBe(422);
		expect(r.json).toEqual({ message: 'Email has already been taken', attributes: ['email'] });
		r = await call(sim, 'POST', `${w.A}/contacts`, { token: tok(), body: { name: 'Kai', phone_number: '+491234567', identifier: 'k1', inbox_id: w.apiInbox.id, source_id: 'src-kai' } });
		expect(r.status).toBe(200);
		expect(r.json.payload.contact_inbox.source_id).toBe('src-kai');
		expect(r.json.payload.contact_inbox.inbox).toMatchObject({ id: w.apiInbox.id, channel_type: 'Channel::Api' });
		expect(r.json.payload.contact.contact_inboxes).toEqual([{ source_id: 'src-kai', inbox: expect.objectContaining({ id: w.apiInbox.id }) }]);
		r = await call(sim, 'POST', `${w.A}/contacts`, { token: tok(), body: { name: 'Kai2', phone_number: '+491234567', identifier: 'k1' } });
		expect(r.json).toEqual({ message: 'Phone number has already been taken, Identifier has already been taken', attributes: ['phone_number', 'identifier'] });
		r = await call(sim, 'POST', `${w.A}/contacts`, { token: tok(), body: { name: 'Bad', phone_number: '12345' } });
		expect(r.status).toBe(422);
		expect(r.json.attributes).toEqual(['phone_number']);
	});

	it('show / update (PUT+PATCH merge attributes) / delete (200 empty)', async () => {
		const c = sim.seed.contact({ accountId: w.accountId, name: 'Old', email: 'o@x.test', custom_attributes: { a: 1 }, additional_attributes: { city: 'X' } });
		let r = await call(sim, 'GET', `${w.A}/contacts/${c.id}`, { token: tok() });
		expect(r.json.payload).toMatchObject({ id: c.id, name: 'Old', custom_attributes: { a: 1 } });
		r = await call(sim, 'PUT', `${w.A}/contacts/${c.id}`, { token: tok(), body: { name: 'New', custom_attributes: { b: 2 } } });
		expect(r.status).toBe(200);
		expect(r.json.payload).toMatchObject({ name: 'New', custom_attributes: { a: 1, b: 2 }, additional_attributes: { city: 'X' } });
		r = await call(sim, 'PATCH', `${w.A}/contacts/${c.id}`, { token: tok(), body: { additional_attributes: { company_name: 'Y' } } });
		expect(r.json.payload.additional_attributes).toEqual({ city: 'X', company_name: 'Y' });
		r = await call(sim, 'DELETE', `${w.A}/contacts/${c.id}`, { token: tok() });
		expect(r.status).toBe(200);
		expect(r.text).toBe('');
		expect(sim.db.contacts.find((x) => x.id === c.id)).toBeUndefined();
	});

	it('labels: POST replaces the whole set', async () => {
		const c = sim.seed.contact({ accountId: w.accountId, email: 'l@x.test', labels: ['a', 'b'] });
		let r = await call(sim, 'POST', `${w.A}/contacts/${c.id}/labels`, { token: tok(), body: { labels: ['c'] } });
		expect(r.json).toEqual({ payload: ['c'] });
		r = await call(sim, 'GET', `${w.A}/contacts/${c.id}/labels`, { token: tok() });
		expect(r.json).toEqual({ payload: ['c'] });
	});

	it('conversations, contactable_inboxes, contact_inboxes, merge', async () => {
		const c = sim.seed.contact({ accountId: w.accountId, name: 'Base', email: 'base@x.test', inboxId: w.apiInbox.id });
		const m = sim.seed.contact({ accountId: w.accountId, name: 'Mergee', phone_number: '+15550001', custom_attributes: { x: 1 } });
		const conv = sim.seed.conversation({ accountId: w.accountId, inboxId: w.widgetInbox.id, contactId: m.id });
		let r = await call(sim, 'GET', `${w.A}/contacts/${m.id}/conversations`, { token: tok() });
		expect(r.json.payload.map((x: any) => x.id)).toEqual([conv.display_id]);
		r = await call(sim, 'GET', `${w.A}/contacts/${c.id}/contactable_inboxes`, { token: tok() });
		expect(r.json.payload).toEqual([{ source_id: c.contact_inbox!.source_id, inbox: expect.objectContaining({ id: w.apiInbox.id }) }]);
		r = await call(sim, 'POST', `${w.A}/contacts/${m.id}/contact_inboxes`, { token: tok(), body: { inbox_id: w.apiInbox.id, source_id: 'm-src' } });
		expect(r.json).toEqual({ source_id: 'm-src', inbox: expect.objectContaining({ id: w.apiInbox.id }) });
		r = await call(sim, 'POST', `${w.A}/actions/contact_merge`, { token: tok(), body: { base_contact_id: c.id, mergee_contact_id: m.id } });
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ id: c.id, name: 'Base', email: 'base@x.test', phone_number: '+15550001', custom_attributes: { x: 1 } });
		expect(sim.db.contacts.find((x) => x.id === m.id)).toBeUndefined();
		expect(sim.find.conversation(w.accountId, conv.display_id)!.contact_id).toBe(c.id);
	});
});
