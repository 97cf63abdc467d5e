import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, run, seedWorld, startWorld } from './setup';
import type { Sim, World } from './setup';

describe('message: delete and updateStatus', () => {
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

	it('deletes softly: content replaced, attachments removed, the returned message is output', async () => {
		const message = sim.seed.message({
			accountId: world.accountId,
			conversationId: world.conversation.display_id,
			content: 'oops, wrong customer',
			message_type: 'outgoing',
			attachments: [{ filename: 'secret.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF secret') }],
		});
		sim.clearRequests();
		const out = await run(world, 'message', {
			operation: 'delete',
			conversationId: rl(world.conversation.display_id),
			messageId: String(message.id),
			simplify: false,
		});
		const stored = sim.find.message((m) => m.id === message.id)!;
		expect(stored.content).toBe('This message was deleted');
		expect(stored.content_attributes).toMatchObject({ deleted: true });
		expect(stored.attachment_ids).toEqual([]);
		expect(sim.db.attachments.filter((a) => a.message_id === message.id)).toHaveLength(0);
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ id: message.id, content: 'This message was deleted', content_attributes: { deleted: true } });
		expectRequestsMatchSpec(sim.requests);
	});

	it('names message and conversation when the message does not exist', async () => {
		await expect(
			run(world, 'message', { operation: 'delete', conversationId: rl(world.conversation.display_id), messageId: '987654' }),
		).rejects.toThrow(new RegExp(`Message 987654 \\(conversation ${world.conversation.display_id}\\) was not found`));
	});

	it('sets the delivery status of a message in an API inbox, with the error text when failed', async () => {
		const message = sim.seed.message({ accountId: world.accountId, conversationId: world.conversation.display_id, content: 'Hi', message_type: 'outgoing' });
		sim.clearRequests();
		const out = await run(world, 'message', {
			operation: 'updateStatus',
			conversationId: rl(world.conversation.display_id),
			messageId: String(message.id),
			messageStatus: 'failed',
			externalError: 'Recipient blocked the number',
		});
		const stored = sim.find.message((m) => m.id === message.id)!;
		expect(stored.status).toBe('failed');
		expect(stored.external_error).toBe('Recipient blocked the number');
		expect(out[0].json).toMatchObject({ id: message.id, status: 'failed' });
		await run(world, 'message', {
			operation: 'updateStatus',
			conversationId: rl(world.conversation.display_id),
			messageId: String(message.id),
			messageStatus: 'read',
		});
		expect(sim.find.message((m) => m.id === message.id)!.status).toBe('read');
		expect(sim.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
			{ status: 'failed', external_error: 'Recipient blocked the number' },
			{ status: 'read' },
		]);
		expectRequestsMatchSpec(sim.requests);
	});

	it('passes on Chatwoot refusing a status update outside API inboxes', async () => {
		const message = sim.seed.message({ accountId: world.accountId, conversationId: world.widgetConversation.display_id, content: 'Hi', message_type: 'outgoing' });
		await expect(
			run(world, 'message', {
				operation: 'updateStatus',
				conversationId: rl(world.widgetConversation.display_id),
				messageId: String(message.id),
				messageStatus: 'delivered',
			}),
		).rejects.toThrow(/only allowed for API inboxes/);
		expect(sim.find.message((m) => m.id === message.id)!.status).toBe('sent');
	});
});
