import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import {
	checkContract,
	client,
	clientError,
	conversationRecord,
	errorText,
	listSearch,
	newContact,
	newConversation,
	rl,
	seedBasics,
	startEnv,
} from '../setup';
import type { Env, Simulator } from '../setup';

describe('Chatwoot Client: conversation', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
	});
	afterEach(() => checkContract(sim));

	it('creates a conversation for the contact, with custom attributes', async () => {
		const contact = await newContact(env);
		const [out] = await client(env, 'conversation', 'create', {
			contactIdentifier: contact.source_id,
			additionalFields: { customAttributes: '{"order_id": "A-17"}' },
		});
		const stored = conversationRecord(env, Number(out.id));
		expect(stored).toMatchObject({
			inbox_id: env.inboxId,
			contact_id: contact.id,
			status: 'open',
			custom_attributes: { order_id: 'A-17' },
		});
		const ci = sim.db.contactInboxes.find((c: IDataObject) => c.source_id === contact.source_id);
		expect(stored.contact_inbox_id).toBe(ci.id);
		expect(out).toMatchObject({ id: stored.display_id, uuid: stored.uuid, status: 'open', inbox_id: env.inboxId });
	});

	it("gets many: only this contact's conversations, simplified by default, with a limit", async () => {
		const a = await newConversation(env);
		await client(env, 'conversation', 'create', { contactIdentifier: a.sourceId });
		await newConversation(env); // another contact's conversation
		const all = await client(env, 'conversation', 'getAll', { contactIdentifier: a.sourceId, returnAll: true });
		const mine = sim.db.conversations.filter((c: IDataObject) => c.contact_id === a.contact.id);
		expect(mine).toHaveLength(2);
		expect(all.map((c) => c.id).sort()).toEqual(mine.map((c: IDataObject) => c.display_id).sort());
		expect(all[0]).toHaveProperty('message_count');
		expect(all[0]).not.toHaveProperty('messages');
		const limited = await client(env, 'conversation', 'getAll', { contactIdentifier: a.sourceId, returnAll: false, limit: 1 });
		expect(limited).toHaveLength(1);
		const raw = await client(env, 'conversation', 'getAll', { contactIdentifier: a.sourceId, returnAll: true, simplify: false });
		expect(raw[0]).toHaveProperty('messages');
	});

	it('gets one conversation (raw and simplified)', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		await client(env, 'message', 'create', { contactIdentifier: sourceId, conversationId: rl(conversationId), content: 'Hi there' });
		const [raw] = await client(env, 'conversation', 'get', { contactIdentifier: sourceId, conversationId: rl(conversationId), simplify: false });
		expect(raw).toMatchObject({ id: conversationId, status: 'open' });
		expect((raw.messages as IDataObject[]).map((m) => m.content)).toEqual(['Hi there']);
		const [simple] = await client(env, 'conversation', 'get', { contactIdentifier: sourceId, conversationId: rl(conversationId) });
		expect(simple).toMatchObject({ id: conversationId, message_count: 1, last_message: { content: 'Hi there', message_type: 'incoming' } });
	});

	it('resolves the conversation', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		const [out] = await client(env, 'conversation', 'resolve', { contactIdentifier: sourceId, conversationId: rl(conversationId) });
		expect(conversationRecord(env, conversationId).status).toBe('resolved');
		expect(out).toMatchObject({ id: conversationId, status: 'resolved' });
	});

	it('sets the typing status on and off (Chatwoot fires conversation_typing_on/off)', async () => {
		sim.seed.webhook({ accountId: env.accountId, url: 'http://127.0.0.1:9/hook', subscriptions: ['conversation_typing_on', 'conversation_typing_off'] });
		const { sourceId, conversationId } = await newConversation(env);
		const [on] = await client(env, 'conversation', 'toggleTyping', {
			contactIdentifier: sourceId,
			conversationId: rl(conversationId),
			typingStatus: 'on',
		});
		const [off] = await client(env, 'conversation', 'toggleTyping', {
			contactIdentifier: sourceId,
			conversationId: rl(conversationId),
			typingStatus: 'off',
		});
		expect(on).toEqual({ success: true, conversation_id: conversationId, typing_status: 'on' });
		expect(off).toEqual({ success: true, conversation_id: conversationId, typing_status: 'off' });
		await sim.flushDeliveries();
		const events = sim.deliveries.map((d: IDataObject) => d.event).filter((e: string) => e.startsWith('conversation_typing'));
		expect(events).toEqual(['conversation_typing_on', 'conversation_typing_off']);
		const typing = sim.requests.filter((r: IDataObject) => String(r.path).endsWith('/toggle_typing'));
		expect(typing.map((r: IDataObject) => r.body)).toEqual([{ typing_status: 'on' }, { typing_status: 'off' }]);
	});

	it('marks the conversation as seen by the contact', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		expect(conversationRecord(env, conversationId).contact_last_seen_at).toBeFalsy();
		const [out] = await client(env, 'conversation', 'updateLastSeen', { contactIdentifier: sourceId, conversationId: rl(conversationId) });
		expect(out).toEqual({ success: true, conversation_id: conversationId });
		expect(conversationRecord(env, conversationId).contact_last_seen_at).toBeGreaterThan(0);
	});

	it("names the conversation on a 404 (another contact's conversation is not reachable)", async () => {
		const mine = await newConversation(env);
		const other = await newConversation(env);
		const error = await clientError(env, 'conversation', 'resolve', {
			contactIdentifier: mine.sourceId,
			conversationId: rl(other.conversationId),
		});
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe(`Conversation ${other.conversationId} was not found for contact "${mine.sourceId}"`);
		expect(conversationRecord(env, other.conversationId).status).toBe('open');
	});

	it('lists the conversations of the contact given in Contact Identifier (resource locator list)', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		await client(env, 'message', 'create', { contactIdentifier: sourceId, conversationId: rl(conversationId), content: 'Where is my order?' });
		const [second] = await client(env, 'conversation', 'create', { contactIdentifier: sourceId });
		await newConversation(env); // not this contact's
		const result = (await listSearch(env, 'searchConversations', { contactIdentifier: sourceId })) as INodeListSearchResult;
		expect(result.results.map((r) => r.value)).toEqual([String(second.id), String(conversationId)]);
		expect(result.results[1].name).toContain('Where is my order?');
		const filtered = (await listSearch(env, 'searchConversations', { contactIdentifier: sourceId }, 'order')) as INodeListSearchResult;
		expect(filtered.results.map((r) => r.value)).toEqual([String(conversationId)]);
	});

	it('the list asks for a Contact Identifier first', async () => {
		await newContact(env);
		await expect(listSearch(env, 'searchConversations', { contactIdentifier: '' })).rejects.toThrow(/Contact Identifier first/);
	});

	it('explains an unknown contact identifier in the list', async () => {
		await newContact(env);
		const error = await listSearch(env, 'searchConversations', { contactIdentifier: 'nobody' }).catch((e: Error) => e);
		expect(errorText(error as Error)).toContain('"nobody"');
	});
});
