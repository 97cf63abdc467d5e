import { expectRequestsMatchSpec } from '../../../contract/spec';
import { calls, rl, run, search, seedWorld, startWorld } from './setup';
import type { Sim, World } from './setup';

describe('automationRule', () => {
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

	it('creates a rule from the condition and action builders, the last condition without operator', async () => {
		const out = await run(world, 'automationRule', {
			operation: 'create',
			name: 'Label refunds',
			eventName: 'message_created',
			conditions: {
				condition: [
					{ attributeKey: 'content', filterOperator: 'contains', values: 'refund, money back', queryOperator: 'or' },
					{ attributeKey: 'status', filterOperator: 'equal_to', values: 'open', queryOperator: 'and' },
				],
			},
			actions: {
				action: [
					{ actionName: 'add_label', params: 'billing, refund' },
					{ actionName: 'send_message', params: 'Hi, billing will get back to you, promised.' },
				],
			},
			additionalFields: { description: 'from n8n', active: false },
		});
		const stored = sim.db.automationRules[0];
		expect(stored).toMatchObject({
			name: 'Label refunds',
			event_name: 'message_created',
			active: false,
			description: 'from n8n',
			conditions: [
				{ attribute_key: 'content', filter_operator: 'contains', values: ['refund', 'money back'], query_operator: 'OR' },
				{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'], query_operator: null },
			],
			actions: [
				{ action_name: 'add_label', action_params: ['billing', 'refund'] },
				// free text keeps its commas
				{ action_name: 'send_message', action_params: ['Hi, billing will get back to you, promised.'] },
			],
		});
		expect(out).toEqual([{ json: expect.objectContaining({ id: stored.id, name: 'Label refunds', active: false }), pairedItem: { item: 0 } }]);
		expectRequestsMatchSpec(sim.requests);
	});

	it('takes conditions on a custom attribute and raw JSON actions', async () => {
		sim.seed.customAttribute({ accountId: world.accountId, attributeKey: 'plan', attributeModel: 'conversation_attribute' });
		await run(world, 'automationRule', {
			operation: 'create',
			name: 'Enterprise to team',
			eventName: 'conversation_created',
			conditions: { condition: [{ attributeKey: '__custom', customAttributeKey: 'plan', filterOperator: 'equal_to', values: 'enterprise' }] },
			actions: {},
			additionalFields: { actionsJson: '[{"action_name":"assign_team","action_params":[1]}]' },
		});
		expect(sim.db.automationRules[0]).toMatchObject({
			conditions: [{ attribute_key: 'plan', values: ['enterprise'], query_operator: null }],
			actions: [{ action_name: 'assign_team', action_params: [1] }],
		});
	});

	it("shows Chatwoot's validation message for an unsupported condition", async () => {
		await expect(
			run(world, 'automationRule', {
				operation: 'create',
				name: 'Bad',
				eventName: 'conversation_created',
				conditions: { condition: [{ attributeKey: '__custom', customAttributeKey: 'no_such_key', filterOperator: 'equal_to', values: 'x' }] },
				actions: { action: [{ actionName: 'resolve_conversation', params: '' }] },
			}),
		).rejects.toThrow(/Automation conditions no_such_key not supported/);
		expect(sim.db.automationRules).toHaveLength(0);
	});

	it('refuses a rule without actions before calling Chatwoot', async () => {
		await expect(run(world, 'automationRule', { operation: 'create', name: 'Empty', eventName: 'conversation_created', actions: {} })).rejects.toThrow(/no actions/);
		expect(calls(sim)).toHaveLength(0);
	});

	it('gets, lists with a limit, searches, updates only the given fields, clones and deletes', async () => {
		const rule = sim.seed.automationRule({ accountId: world.accountId, name: 'Welcome', actions: [{ action_name: 'add_label', action_params: ['new'] }], conditions: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'], query_operator: null }] });
		sim.seed.automationRule({ accountId: world.accountId, name: 'Second', eventName: 'message_created' });

		const got = await run(world, 'automationRule', { operation: 'get', automationRuleId: rl(rule.id) });
		expect(got[0].json).toMatchObject({ id: rule.id, name: 'Welcome', event_name: 'conversation_created' });
		expect(await run(world, 'automationRule', { operation: 'getAll', returnAll: false, limit: 1 })).toHaveLength(1);
		expect((await run(world, 'automationRule', { operation: 'getAll', returnAll: true })).map((o) => o.json.name)).toEqual(['Welcome', 'Second']);
		expect((await search(world, 'searchAutomationRules', {}, 'sec')).results).toEqual([{ name: 'Second (message_created)', value: String(rule.id + 1) }]);

		await run(world, 'automationRule', { operation: 'update', automationRuleId: rl(rule.id), updateFields: { name: 'Welcome v2', active: false } });
		const patch = calls(sim, 'PATCH').pop()!;
		expect(patch.body).toEqual({ name: 'Welcome v2', active: false });
		// conditions and actions were not sent, so Chatwoot kept them
		expect(sim.db.automationRules.find((r) => r.id === rule.id)).toMatchObject({ name: 'Welcome v2', active: false, actions: [{ action_name: 'add_label', action_params: ['new'] }] });

		const cloned = await run(world, 'automationRule', { operation: 'clone', automationRuleId: rl(rule.id) });
		expect(cloned[0].json).toMatchObject({ name: 'Welcome v2', actions: [{ action_name: 'add_label', action_params: ['new'] }] });
		expect(cloned[0].json.id).not.toBe(rule.id);
		expect(sim.db.automationRules).toHaveLength(3);

		const deleted = await run(world, 'automationRule', { operation: 'delete', automationRuleId: rl(rule.id) });
		expect(deleted[0].json).toEqual({ id: rule.id, deleted: true });
		expect(sim.db.automationRules.map((r) => r.id)).not.toContain(rule.id);
		expectRequestsMatchSpec(sim.requests);
	});

	it('turns Chatwoot\'s server error for an unknown rule into "not found"', async () => {
		await expect(run(world, 'automationRule', { operation: 'get', automationRuleId: rl(999) })).rejects.toThrow(/Automation rule 999 was not found/);
		await expect(run(world, 'automationRule', { operation: 'clone', automationRuleId: rl(999) })).rejects.toThrow(/Automation rule 999 was not found/);
		expect(calls(sim).map((r) => r.status)).toContain(500);
	});

	it('explains that agents may not manage automation rules', async () => {
		const agentToken = 'agent-token-automation';
		sim.seed.user({ name: 'Ag', email: 'ag@acme.test', role: 'agent', accountIds: [world.accountId], accessToken: agentToken });
		const { runNode } = await import('../../../helpers/n8n-harness');
		const { Chatwoot } = await import('../../../../nodes/Chatwoot/Chatwoot.node');
		const { ChatwootSuiteApi } = await import('../../../../credentials/ChatwootSuiteApi.credentials');
		await expect(
			runNode(new Chatwoot(), {
				parameters: { resource: 'automationRule', operation: 'getAll', returnAll: true },
				credentials: [{ type: 'chatwootSuiteApi', data: { baseUrl: sim.url, accessToken: agentToken, accountId: world.accountId }, credentialClass: new ChatwootSuiteApi() }],
			}),
		).rejects.toThrow(/role doesn't allow/);
	});
});
