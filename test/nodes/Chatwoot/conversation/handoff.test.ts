// conversation.handoff and conversation.getChatHistory against the simulator (state asserted, contract-checked).
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../../../nodes/Chatwoot/Chatwoot.node';
import { runNode } from '../../../helpers/n8n-harness';
import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, seedWorld, startWorld, TOKEN } from '../message/setup';
import type { Sim, World } from '../message/setup';

let sim: Sim;
let world: World;

beforeAll(async () => {
	sim = await startWorld();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	world = seedWorld(sim);
});

async function run(parameters: IDataObject, token = TOKEN, agentBot = false): Promise<INodeExecutionData[]> {
	const [out] = await runNode(new Chatwoot(), {
		parameters: { resource: 'conversation', ...parameters },
		credentials: [
			{
				type: 'chatwootSuiteApi',
				data: { baseUrl: world.sim.url, accessToken: token, accountId: world.accountId, agentBot },
				credentialClass: new ChatwootSuiteApi(),
			},
		],
	});
	return out ?? [];
}

/** A bot inbox with a customer conversation the bot holds (pending). */
function botConversation() {
	const bot = sim.seed.agentBot({ name: 'Helper', accountId: world.accountId, inboxIds: [world.apiInbox.id] });
	const r = sim.customerMessage({ inboxId: world.apiInbox.id, name: 'Dora', content: 'I want to talk to a person' });
	const conv = sim.find.conversation(world.accountId, r.conversation.id)!;
	expect(conv.status).toBe('pending');
	return { bot, conv };
}

const notes = (displayId: number) =>
	sim.find.messages(world.accountId, displayId).filter((m) => m.private && m.message_type === 'outgoing').map((m) => m.content);

describe('conversation.handoff', () => {
	it('with the bot token: note, open (Chatwoot bot handoff), team and agent — and a second run changes nothing', async () => {
		const { bot, conv } = botConversation();
		const team = sim.seed.team({ accountId: world.accountId, name: 'Billing', memberIds: [world.agent.id] });
		conv.waiting_since = null;
		const params = {
			operation: 'handoff',
			conversationId: rl(conv.display_id),
			privateNote: 'Customer wants a refund for order 42.',
			additionalFields: { teamId: rl(team.id), assigneeId: rl(world.agent.id) },
		};
		const [out] = await run(params, bot.access_token, true);
		expect(conv).toMatchObject({ status: 'open', team_id: team.id, assignee_id: world.agent.id });
		expect(conv.waiting_since).not.toBeNull();
		expect(sim.db.reportingEvents.map((e) => e.name)).toEqual(['conversation_bot_handoff']);
		expect(notes(conv.display_id)).toEqual(['Customer wants a refund for order 42.']);
		expect(sim.find.messages(world.accountId, conv.display_id).find((m) => m.private)).toMatchObject({ sender_type: 'AgentBot', sender_id: bot.id });
		expect(out.json).toMatchObject({
			id: conv.display_id,
			status: 'open',
			handoff: { previous_status: 'pending', opened: true, note_posted: true, team_assigned: true, agent_assigned: true },
		});
		expectRequestsMatchSpec(sim.requests);

		sim.clearRequests();
		const [again] = await run(params, bot.access_token, true);
		expect(again.json.handoff).toEqual({ previous_status: 'open', opened: false, note_posted: false, team_assigned: false, agent_assigned: false });
		expect(sim.requests.map((r) => `${r.method} ${r.path.replace(/.*\/conversations/, '/conversations')}`)).toEqual([
			`GET /conversations/${conv.display_id}`,
			`GET /conversations/${conv.display_id}`,
		]);
		expect(notes(conv.display_id)).toHaveLength(1);
		expect(sim.db.reportingEvents).toHaveLength(1);
	});

	it('a retry after a failure half-way finishes the job without a second note', async () => {
		const { bot, conv } = botConversation();
		sim.setFaults({ rate: 1, kinds: ['500'], pathPattern: 'toggle_status', when: 'before' });
		await expect(run({ operation: 'handoff', conversationId: rl(conv.display_id), privateNote: 'Summary' }, bot.access_token, true)).rejects.toThrow();
		sim.setFaults(null);
		expect(conv.status).toBe('pending');
		expect(notes(conv.display_id)).toEqual(['Summary']);
		const [out] = await run({ operation: 'handoff', conversationId: rl(conv.display_id), privateNote: 'Summary' }, bot.access_token, true);
		expect(out.json.handoff).toMatchObject({ opened: true, note_posted: false });
		expect(conv.status).toBe('open');
		expect(notes(conv.display_id)).toEqual(['Summary']);
	});

	it('with a user token it is a plain open (no bot-handoff report), nothing else when no options are given', async () => {
		const { conv } = botConversation();
		const [out] = await run({ operation: 'handoff', conversationId: rl(conv.display_id) });
		expect(conv.status).toBe('open');
		expect(sim.db.reportingEvents).toHaveLength(0);
		expect(out.json.handoff).toEqual({ previous_status: 'pending', opened: true, note_posted: false, team_assigned: false, agent_assigned: false });
		expect(sim.requests.filter((r) => r.method === 'POST').map((r) => r.path.split('/').pop())).toEqual(['toggle_status']);
	});
});

describe('conversation.getChatHistory', () => {
	function seedChat() {
		const id = world.conversation.display_id;
		const bot = sim.seed.agentBot({ name: 'Helper', accountId: world.accountId });
		sim.seed.message({ accountId: world.accountId, conversationId: id, content: 'Hi, my order is late', message_type: 'incoming' });
		sim.seed.message({ accountId: world.accountId, conversationId: id, content: 'Sorry! Which order?', message_type: 'outgoing', senderType: 'agent_bot', senderId: bot.id });
		sim.seed.message({ accountId: world.accountId, conversationId: id, content: 'VIP customer', message_type: 'outgoing', private: true, senderId: world.admin.id });
		sim.seed.message({ accountId: world.accountId, conversationId: id, content: 'Order 42', message_type: 'incoming' });
		sim.seed.message({ accountId: world.accountId, conversationId: id, content: 'Assigned to Ada', message_type: 'activity' });
		sim.seed.message({ accountId: world.accountId, conversationId: id, content: 'It ships today.', message_type: 'outgoing', senderId: world.admin.id });
		return id;
	}

	it('one transcript item: oldest first, roles user/assistant, no notes or activity by default', async () => {
		const id = seedChat();
		const [out] = await run({ operation: 'getChatHistory', conversationId: rl(id) });
		expect(out.json.transcript).toBe(
			['User: Hi, my order is late', 'Assistant: Sorry! Which order?', 'User: Order 42', 'Assistant: It ships today.'].join('\n'),
		);
		const messages = out.json.messages as IDataObject[];
		expect(messages.map((m) => [m.role, m.sender_type])).toEqual([
			['user', 'contact'],
			['assistant', 'agent_bot'],
			['user', 'contact'],
			['assistant', 'agent'],
		]);
		expect(messages[0].time).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(out.json).toMatchObject({ message_count: 4, omitted_count: 0, truncated: false });
		expectRequestsMatchSpec(sim.requests);
	});

	it('private notes on request; limits by count and by characters; one item per message', async () => {
		const id = seedChat();
		const [withNotes] = await run({ operation: 'getChatHistory', conversationId: rl(id), options: { includePrivateNotes: true } });
		expect(withNotes.json.transcript).toContain('Assistant (private note): VIP customer');

		const [lastTwo] = await run({ operation: 'getChatHistory', conversationId: rl(id), options: { maxMessages: 2 } });
		expect(lastTwo.json.transcript).toBe('User: Order 42\nAssistant: It ships today.');
		expect(lastTwo.json).toMatchObject({ message_count: 2, omitted_count: 2, truncated: true });

		// "It ships today." is 15 characters, "Order 42" 8: 20 characters keep the last one whole and the end of the one before
		const [chars] = await run({ operation: 'getChatHistory', conversationId: rl(id), options: { maxCharacters: 20 } });
		expect(chars.json.transcript).toBe('User: …r 42\nAssistant: It ships today.');

		const perMessage = await run({ operation: 'getChatHistory', conversationId: rl(id), output: 'messages' });
		expect(perMessage.map((i) => i.json.content)).toEqual(['Hi, my order is late', 'Sorry! Which order?', 'Order 42', 'It ships today.']);
		expect(perMessage[0].json).toMatchObject({ conversation_id: id, role: 'user', private: false });
	});

	it('attachments appear as links', async () => {
		const id = world.conversation.display_id;
		sim.seed.message({
			accountId: world.accountId,
			conversationId: id,
			content: 'See photo',
			message_type: 'incoming',
			attachments: [{ filename: 'box.png', contentType: 'image/png', data: Buffer.from('png') }],
		});
		const [out] = await run({ operation: 'getChatHistory', conversationId: rl(id) });
		const message = (out.json.messages as IDataObject[])[0];
		expect(message.attachments).toEqual([{ type: 'image', url: expect.stringContaining('/box.png'), name: 'box.png' }]);
		expect(out.json.transcript).toMatch(/^User: See photo \[image: http:\/\/127\.0\.0\.1:\d+\/rails\/active_storage\/.*box\.png\]$/);
	});
});
