/**
 * End-to-end: a custom chat interface (Chatwoot Client node) talks to an agent who answers with
 * the Chatwoot action node. The customer sees the agent's reply, never the agent's private note.
 */
import type { IDataObject } from 'n8n-workflow';

import { binaryItem } from '../../helpers/n8n-harness';
import { agent, checkContract, client, rl, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

describe('Chatwoot Client: customer ↔ agent flow', () => {
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

	it('contact → conversation → message with attachment → agent reply and private note → client sees only the reply', async () => {
		// 1. The chat interface registers the visitor (verified with the inbox's HMAC token).
		const [contact] = await client(
			env,
			'contact',
			'create',
			{ additionalFields: { name: 'Jane Visitor', email: 'jane@example.com', identifier: 'app-user-7' } },
			{ credential: { hmacToken: env.hmacToken } },
		);
		const sourceId = String(contact.source_id);
		expect(sim.db.contactInboxes.find((ci: IDataObject) => ci.source_id === sourceId).hmac_verified).toBe(true);

		// 2. It starts a conversation and sends a message with a screenshot.
		const [conversation] = await client(env, 'conversation', 'create', {
			contactIdentifier: sourceId,
			additionalFields: { customAttributes: '{"page": "/checkout"}' },
		});
		const conversationId = Number(conversation.id);
		const screenshot = Buffer.from('89504e470d0a1a0a', 'hex');
		const [sent] = await client(
			env,
			'message',
			'create',
			{
				contactIdentifier: sourceId,
				conversationId: rl(conversationId),
				content: 'The checkout button does nothing',
				additionalFields: { binaryPropertyName: 'data', echoId: 'local-1' },
			},
			{ items: [binaryItem({}, { data: { data: screenshot, fileName: 'checkout.png', mimeType: 'image/png' } })] },
		);
		const stored = sim.find.conversation(env.accountId, conversationId);
		expect(stored).toMatchObject({ contact_id: contact.id, inbox_id: env.inboxId, custom_attributes: { page: '/checkout' } });
		expect(sim.db.attachments.filter((a: IDataObject) => a.message_id === sent.id)).toHaveLength(1);

		// 3. The agent answers through the Chatwoot action node and leaves a private note.
		const [reply] = await agent(env, 'message', 'create', {
			conversationId: rl(conversationId),
			content: 'Thanks Jane, we are on it.',
			messageType: 'outgoing',
			private: false,
		});
		const [note] = await agent(env, 'message', 'create', {
			conversationId: rl(conversationId),
			content: 'Internal: checkout bug #123',
			messageType: 'outgoing',
			private: true,
		});
		const all = sim.find.messages(env.accountId, conversationId);
		expect(all.find((m: IDataObject) => m.id === reply.id)).toMatchObject({ message_type: 'outgoing', private: false, sender_type: 'User' });
		expect(all.find((m: IDataObject) => m.id === note.id)).toMatchObject({ private: true });

		// 4. The chat interface polls the conversation: the reply is there, the private note is not.
		const seen = await client(env, 'message', 'getAll', { contactIdentifier: sourceId, conversationId: rl(conversationId), returnAll: true });
		expect(seen.map((m) => m.content)).toEqual(['The checkout button does nothing', 'Thanks Jane, we are on it.']);
		expect(seen[0]).toMatchObject({ message_type: 'incoming', sender: { type: 'contact' } });
		expect(seen[1]).toMatchObject({ id: reply.id, message_type: 'outgoing', sender: { type: 'user', name: 'Alice Agent' } });
		expect(JSON.stringify(seen)).not.toContain('Internal: checkout bug');
		expect((seen[0].attachments as IDataObject[])[0]).toMatchObject({ file_type: 'image', data_url: expect.any(String) });

		// 5. The visitor has read it and closes the chat.
		await client(env, 'conversation', 'updateLastSeen', { contactIdentifier: sourceId, conversationId: rl(conversationId) });
		await client(env, 'conversation', 'resolve', { contactIdentifier: sourceId, conversationId: rl(conversationId) });
		expect(sim.find.conversation(env.accountId, conversationId)).toMatchObject({ status: 'resolved' });
		expect(sim.find.conversation(env.accountId, conversationId).contact_last_seen_at).toBeGreaterThan(0);
	});
});
