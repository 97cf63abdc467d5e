import { expectRequestsMatchSpec } from '../../../contract/spec';
import { calls, rl, run, search, seedWorld, startWorld } from './setup';
import type { Sim, World } from './setup';

describe('macro', () => {
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
		sim.seed.label({ accountId: world.accountId, title: 'vip' });
	});

	const seedMacro = (over: Record<string, unknown> = {}) =>
		sim.seed.macro({
			accountId: world.accountId,
			name: 'Escalate',
			visibility: 'global',
			createdById: world.admin.id,
			actions: [
				{ action_name: 'add_label', action_params: ['vip'] },
				{ action_name: 'change_priority', action_params: ['urgent'] },
				{ action_name: 'add_private_note', action_params: ['Escalated by n8n'] },
			],
			...over,
		});

	it('creates a global macro with its actions', async () => {
		const out = await run(world, 'macro', {
			operation: 'create',
			name: 'Close politely',
			visibility: 'global',
			actions: { action: [{ actionName: 'send_message', params: 'Thanks, closing now.' }, { actionName: 'resolve_conversation', params: '' }] },
		});
		expect(sim.db.macros[0]).toMatchObject({
			name: 'Close politely',
			visibility: 'global',
			created_by_id: world.admin.id,
			actions: [
				{ action_name: 'send_message', action_params: ['Thanks, closing now.'] },
				{ action_name: 'resolve_conversation', action_params: [] },
			],
		});
		expect(out[0].json).toMatchObject({ id: sim.db.macros[0].id, name: 'Close politely', visibility: 'global' });
		expectRequestsMatchSpec(sim.requests);
	});

	it('executes a macro on conversations and the actions land on them', async () => {
		const macro = seedMacro();
		const out = await run(world, 'macro', {
			operation: 'execute',
			macroId: rl(macro.id),
			conversationIds: `${world.conversation.display_id}, ${world.widgetConversation.display_id}`,
		});
		expect(out[0].json).toEqual({
			macro_id: macro.id,
			macro_name: 'Escalate',
			conversation_ids: [world.conversation.display_id, world.widgetConversation.display_id],
			queued: true,
		});
		for (const conv of [world.conversation, world.widgetConversation]) {
			const stored = sim.find.conversation(world.accountId, conv.display_id)!;
			expect(stored.labels).toEqual(['vip']);
			expect(stored.priority).toBe('urgent');
			expect(sim.find.messages(world.accountId, conv.display_id).some((m) => m.private && m.content === 'Escalated by n8n')).toBe(true);
		}
		expect(calls(sim, 'POST').map((r) => r.body)).toEqual([{ conversation_ids: [world.conversation.display_id, world.widgetConversation.display_id] }]);
		expectRequestsMatchSpec(sim.requests);
	});

	it('does not "execute" an unknown macro (Chatwoot would answer 200 and do nothing)', async () => {
		await expect(run(world, 'macro', { operation: 'execute', macroId: rl(404), conversationIds: '1' })).rejects.toThrow(/Macro 404 was not found/);
		expect(calls(sim, 'POST')).toHaveLength(0);
	});

	it('rejects conversation numbers that are not numbers', async () => {
		const macro = seedMacro();
		await expect(run(world, 'macro', { operation: 'execute', macroId: rl(macro.id), conversationIds: '12, abc' })).rejects.toThrow(/"abc" is not a conversation number/);
		expect(calls(sim)).toHaveLength(0);
	});

	it('update keeps the visibility Chatwoot would otherwise blank', async () => {
		const macro = seedMacro();
		await run(world, 'macro', { operation: 'update', macroId: rl(macro.id), updateFields: { name: 'Escalate now' } });
		expect(calls(sim, 'PATCH')[0].body).toEqual({ name: 'Escalate now', visibility: 'global' });
		expect(sim.db.macros[0]).toMatchObject({ name: 'Escalate now', visibility: 'global' });
		// still listed (a macro with a blank visibility disappears from every list)
		expect((await run(world, 'macro', { operation: 'getAll', returnAll: true })).map((o) => o.json.name)).toEqual(['Escalate now']);
		expectRequestsMatchSpec(sim.requests);
	});

	it('gets, searches, replaces actions and deletes', async () => {
		const macro = seedMacro();
		expect((await run(world, 'macro', { operation: 'get', macroId: rl(macro.id) }))[0].json).toMatchObject({ id: macro.id, name: 'Escalate' });
		expect((await search(world, 'searchMacros')).results).toEqual([{ name: 'Escalate (global)', value: String(macro.id) }]);
		await run(world, 'macro', { operation: 'update', macroId: rl(macro.id), updateFields: { actions: { action: [{ actionName: 'assign_agent', params: 'self' }] } } });
		expect(sim.db.macros[0].actions).toEqual([{ action_name: 'assign_agent', action_params: ['self'] }]);
		expect((await run(world, 'macro', { operation: 'delete', macroId: rl(macro.id) }))[0].json).toEqual({ id: macro.id, deleted: true });
		expect(sim.db.macros).toHaveLength(0);
		await expect(run(world, 'macro', { operation: 'delete', macroId: rl(macro.id) })).rejects.toThrow(/Macro \d+ was not found/);
		expectRequestsMatchSpec(sim.requests.filter((r) => r.status !== 500));
	});
});
