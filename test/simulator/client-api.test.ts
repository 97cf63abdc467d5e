import { createHmac } from 'crypto';
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

describe('Client API', () => {
	it('full flow: inbox -> contact -> conversation -> messages (private/activity filtered) -> resolve', async () => {
		const P = `/public/api/v1/inboxes/${w.apiInbox.inbox_identifier}`;
		let r = await call(sim, 'GET', P);
		expect(r.json).toMatchObject({ identifier: w.apiInbox.inbox_identifier, name: 'API', identity_validation_enabled: false });
		r = await call(sim, 'POST', `${P}/contacts`, { body: { name: 'Web User', email: 'web@x.test', custom_attributes: { plan: 'free' } } });
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ id: expect.any(Number), source_id: expect.any(String), name: 'Web User', email: 'web@x.test', phone_number: null, pubsub_token: expect.any(String) });
		const sid = r.json.source_id;
		r = await call(sim, 'GET', `${P}/contacts/${sid}`);
		expect(r.json.source_id).toBe(sid);
		r = await call(sim, 'PATCH', `${P}/contacts/${sid}`, { body: { name: 'Renamed' } });
		expect(r.json).toMatchObject({ name: 'Renamed', email: 'web@x.test', custom_attributes: { plan: 'free' } });
		r = await call(sim, 'POST', `${P}/contacts/${sid}/conversations`, { body: { custom_attributes: { topic: 'x' } } });
		expect(r.json).toMatchObject({ id: 1, inbox_id: w.apiInbox.id, status: 'open', messages: [], contact: { name: 'Renamed' } });
		const cid = r.json.id;
		r = await call(sim, 'POST', `${P}/contacts/${sid}/conversations/${cid}/messages`, { body: { content: 'Hello from the web', echo_id: 'x1' } });
		expect(r.json).toMatchObject({ content: 'Hello from the web', message_type: 0, conversation_id: cid, sender: { type: 'contact' } });
		expect(r.json).not.toHaveProperty('attachments'); // _message.json.jbuilder: only when present
		// agent replies + private note + activity
		await call(sim, 'POST', `${w.A}/conversations/${cid}/messages`, { token: w.admin.access_token, body: { content: 'Agent reply' } });
		await call(sim, 'POST', `${w.A}/conversations/${cid}/messages`, { token: w.admin.access_token, body: { content: 'internal', private: true } });
		await call(sim, 'POST', `${w.A}/conversations/${cid}/assignments`, { token: w.admin.access_token, body: { assignee_id: w.admin.id } });
		r = await call(sim, 'GET', `${P}/contacts/${sid}/conversations/${cid}/messages`);
		expect(r.json.map((m: any) => m.content)).toEqual(['Hello from the web', 'Agent reply']);
		r = await call(sim, 'GET', `${P}/contacts/${sid}/conversations`);
		expect(r.json).toHaveLength(1);
		r = await call(sim, 'POST', `${P}/contacts/${sid}/conversations/${cid}/toggle_typing`, { body: { typing_status: 'on' } });
		expect(r.status).toBe(200);
		r = await call(sim, 'POST', `${P}/contacts/${sid}/conversations/${cid}/update_last_seen`);
		expect(r.status).toBe(200);
		r = await call(sim, 'POST', `${P}/contacts/${sid}/conversations/${cid}/toggle_status`);
		expect(r.json.status).toBe('resolved');
		r = await call(sim, 'GET', `${P}/contacts/${sid}/conversations/${cid}`);
		expect(r.json.status).toBe('resolved');
	});

	it('unknown inbox identifier / source id / conversation -> 404', async () => {
		const P = `/public/api/v1/inboxes/${w.apiInbox.inbox_identifier}`;
		expect((await call(sim, 'GET', '/public/api/v1/inboxes/nope')).json).toEqual({ error: 'Resource could not be found' });
		expect((await call(sim, 'GET', `${P}/contacts/nope`)).status).toBe(404);
		const c = await call(sim, 'POST', `${P}/contacts`, { body: { name: 'x' } });
		expect((await call(sim, 'GET', `${P}/contacts/${c.json.source_id}/conversations/99`)).status).toBe(404);
	});

	it('HMAC identity validation: mandatory inbox requires valid identifier_hash (else 500); create does not verify, GET/PATCH do', async () => {
		const inbox = sim.seed.inbox({ accountId: w.accountId, name: 'Secure', channelType: 'api', hmacMandatory: true });
		const P = `/public/api/v1/inboxes/${inbox.inbox_identifier}`;
		const hash = createHmac('sha256', inbox.hmac_token!).update('user-42').digest('hex');
		let r = await call(sim, 'POST', `${P}/contacts`, { body: { identifier: 'user-42', name: 'U' } });
		expect(r.status).toBe(500);
		// production hides the exception text (review A17d)
		expect(r.json).toEqual({ status: 500, error: 'Internal Server Error' });
		r = await call(sim, 'POST', `${P}/contacts`, { body: { identifier: 'user-42', identifier_hash: 'deadbeef', name: 'U' } });
		expect(r.status).toBe(500);
		r = await call(sim, 'POST', `${P}/contacts`, { body: { identifier: 'user-42', identifier_hash: hash, name: 'U' } });
		expect(r.status).toBe(200);
		const sid = r.json.source_id;
		const ciOf = () => sim.db.contactInboxes.find((ci) => ci.source_id === sid)!;
		expect(ciOf().hmac_verified).toBe(false); // review A3
		// review A1: GET checks the HMAC too (query string)
		expect((await call(sim, 'GET', `${P}/contacts/${sid}`)).status).toBe(500);
		expect(ciOf().hmac_verified).toBe(false);
		const ok = await call(sim, 'GET', `${P}/contacts/${sid}?identifier=user-42&identifier_hash=${hash}`);
		expect(ok.status).toBe(200);
		expect(ciOf().hmac_verified).toBe(true);
		// an unknown source id is a 404 before the HMAC check
		expect((await call(sim, 'GET', `${P}/contacts/nope`)).status).toBe(404);
		// not mandatory but a wrong hash is provided -> also 500
		r = await call(sim, 'POST', `/public/api/v1/inboxes/${w.apiInbox.inbox_identifier}/contacts`, { body: { identifier: 'u', identifier_hash: 'bad' } });
		expect(r.status).toBe(500);
		// same identifier again -> same contact, new contact_inbox
		const second = await call(sim, 'POST', `${P}/contacts`, { body: { identifier: 'user-42', identifier_hash: hash } });
		expect(second.json.id).toBe(sim.db.contacts.find((c) => c.identifier === 'user-42')!.id);
	});

	it('messages can be sent as multipart with attachments', async () => {
		const P = `/public/api/v1/inboxes/${w.apiInbox.inbox_identifier}`;
		const c = await call(sim, 'POST', `${P}/contacts`, { body: { name: 'x' } });
		const conv = await call(sim, 'POST', `${P}/contacts/${c.json.source_id}/conversations`, { body: {} });
		const form = new FormData();
		form.append('content', 'file attached');
		form.append('attachments[]', new Blob([Buffer.from('%PDF-1.4 test')], { type: 'application/pdf' }), 'doc.pdf');
		const r = await call(sim, 'POST', `${P}/contacts/${c.json.source_id}/conversations/${conv.json.id}/messages`, { form });
		expect(r.json.attachments[0]).toMatchObject({ file_type: 'file', extension: 'pdf', file_size: 13 });
		const dl = await fetch(r.json.attachments[0].data_url);
		expect(await dl.text()).toBe('%PDF-1.4 test');
	});
});

describe('Client API identity', () => {
	it('an hmac_verified contact_inbox sees all conversations of the contact', async () => {
		const inbox = sim.seed.inbox({ accountId: w.accountId, name: 'S', channelType: 'api' });
		const P = `/public/api/v1/inboxes/${inbox.inbox_identifier}`;
		const hash = createHmac('sha256', inbox.hmac_token!).update('id-7').digest('hex');
		const a = await call(sim, 'POST', `${P}/contacts`, { body: { identifier: 'id-7', identifier_hash: hash, name: 'V' } });
		const b = await call(sim, 'POST', `${P}/contacts`, { body: { identifier: 'id-7', identifier_hash: hash } });
		expect(b.json.id).toBe(a.json.id);
		// a create never verifies; a GET with the hash does
		await call(sim, 'GET', `${P}/contacts/${b.json.source_id}?identifier=id-7&identifier_hash=${hash}`);
		await call(sim, 'POST', `${P}/contacts/${a.json.source_id}/conversations`, { body: {} });
		const list = await call(sim, 'GET', `${P}/contacts/${b.json.source_id}/conversations`);
		expect(list.json).toHaveLength(1);
		const anon = await call(sim, 'POST', `${P}/contacts`, { body: { name: 'anon' } });
		expect((await call(sim, 'GET', `${P}/contacts/${anon.json.source_id}/conversations`)).json).toEqual([]);
	});
});
