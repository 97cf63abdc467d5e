/* The seed flow of Chatwoot's API-channel guide, as one chain of Chatwoot nodes: each step runs the
 * real node through the n8n harness with the previous step's output as its input items and reads
 * IDs with expressions, exactly as a user's workflow would. The end state is asserted in the
 * simulator, including the events Chatwoot posts to the inbox's callback URL. */
import type { INodeExecutionData } from 'n8n-workflow';

import { expectRequestsMatchSpec } from '../../contract/spec';
import { startEchoServer } from '../../helpers/servers';
import type { EchoServer } from '../../helpers/servers';
import { run, seedWorld, startWorld } from './message/setup';
import type { Sim, World } from './message/setup';

const fromJson = (expression: string) => ({ __rl: true, mode: 'id', value: `={{ ${expression} }}` });

describe('seed flow: API inbox → agent → contact → conversation → messages', () => {
	let sim: Sim;
	let world: World;
	let callback: EchoServer;

	beforeAll(async () => {
		sim = await startWorld();
		callback = await startEchoServer();
		callback.setDefault({ status: 200, body: { ok: true } });
	});
	afterAll(async () => {
		await sim.close();
		await callback.close();
	});
	beforeEach(() => {
		world = seedWorld(sim);
	});

	it('creates the whole conversation and Chatwoot reports it to the callback URL', async () => {
		const step = async (resource: 'inbox' | 'contact' | 'conversation' | 'message', parameters: Record<string, unknown>, items: INodeExecutionData[]) => {
			const out = await run(world, resource, parameters as never, { items: items.map((i) => ({ json: i.json })) });
			expect(out).toHaveLength(1);
			return out;
		};

		// 1. API-channel inbox with the callback URL.
		const inbox = await step('inbox', { operation: 'create', name: 'Bot inbox', callbackUrl: `${callback.url}/chatwoot` }, [{ json: {} }]);
		// 2. An agent joins it.
		const members = await step('inbox', { operation: 'addAgents', inboxId: fromJson('$json.id'), agentIds: [String(world.agent.id)] }, inbox);
		// 3. The contact, created in the inbox (gives contact_inbox.source_id).
		const contact = await step(
			'contact',
			{ operation: 'create', name: 'Dana', email: 'dana@example.test', additionalFields: { inboxId: fromJson('$json.inbox_id') } },
			members,
		);
		// 4. A conversation for that source ID.
		const conversation = await step(
			'conversation',
			{ operation: 'create', createBy: 'sourceId', sourceId: '={{ $json.contact_inbox.source_id }}', simplify: false },
			contact,
		);
		// 5-7. The contact writes, an agent answers, an agent leaves a private note.
		const incoming = await step(
			'message',
			{ operation: 'create', conversationId: fromJson('$json.id'), content: 'Hello, my parcel is late', messageType: 'incoming' },
			conversation,
		);
		const outgoing = await step(
			'message',
			{ operation: 'create', conversationId: fromJson('$json.conversation_id'), content: 'Sorry Dana, let me check' },
			incoming,
		);
		await step(
			'message',
			{ operation: 'create', conversationId: fromJson('$json.conversation_id'), content: 'Carrier ticket #991 opened', private: true },
			outgoing,
		);

		// Resulting state.
		const storedInbox = sim.db.inboxes.find((i) => i.id === inbox[0].json.id)!;
		expect(storedInbox).toMatchObject({ name: 'Bot inbox', channel_type: 'Channel::Api', webhook_url: `${callback.url}/chatwoot` });
		expect(sim.db.inboxMembers.filter((m) => m.inbox_id === storedInbox.id).map((m) => m.user_id)).toEqual([world.agent.id]);
		const storedContact = sim.db.contacts.find((c) => c.id === contact[0].json.id)!;
		expect(storedContact).toMatchObject({ name: 'Dana', email: 'dana@example.test' });
		const contactInbox = sim.db.contactInboxes.find((ci) => ci.contact_id === storedContact.id)!;
		expect(contactInbox).toMatchObject({ inbox_id: storedInbox.id, source_id: (contact[0].json.contact_inbox as any).source_id });
		const storedConversation = sim.find.conversation(world.accountId, conversation[0].json.id as number)!;
		expect(storedConversation).toMatchObject({ inbox_id: storedInbox.id, contact_id: storedContact.id, contact_inbox_id: contactInbox.id });
		const messages = sim.find
			.messages(world.accountId, storedConversation.display_id)
			.filter((m) => m.message_type !== 'activity')
			.map((m) => ({ content: m.content, type: m.message_type, private: m.private, sender: m.sender_type }));
		expect(messages).toEqual([
			{ content: 'Hello, my parcel is late', type: 'incoming', private: false, sender: 'Contact' },
			{ content: 'Sorry Dana, let me check', type: 'outgoing', private: false, sender: 'User' },
			{ content: 'Carrier ticket #991 opened', type: 'outgoing', private: true, sender: 'User' },
		]);

		// Chatwoot posted the inbox's events to the callback URL (private notes included).
		await sim.flushDeliveries();
		const events = callback.requests.map((r) => r.json<any>());
		expect(events.filter((e) => e.event === 'conversation_created').map((e) => e.id)).toEqual([storedConversation.display_id]);
		expect(events.filter((e) => e.event === 'message_created').map((e) => [e.content, e.message_type, e.private])).toEqual([
			['Hello, my parcel is late', 'incoming', false],
			['Sorry Dana, let me check', 'outgoing', false],
			['Carrier ticket #991 opened', 'outgoing', true],
		]);
		expectRequestsMatchSpec(sim.requests);
	});
});
