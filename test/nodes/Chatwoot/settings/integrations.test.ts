/* customFilter, integration, search: run through n8n against the simulator. */
import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, run, search, seedWorld, startWorld, writes } from './setup';
import type { Sim, World } from './setup';

describe('saved filters, integrations, search', () => {
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

	describe('customFilter', () => {
		it('saves a conversation folder with the condition builder, lists, gets, renames, replaces conditions, deletes', async () => {
			const out = await run(world, 'customFilter', {
				operation: 'create',
				name: 'Urgent open',
				filterType: 'conversation',
				conditions: {
					condition: [
						{ attribute: 'status', operator: 'equal_to', value: 'open' },
						{ attribute: 'priority', operator: 'equal_to', value: 'urgent' },
					],
				},
				combinator: 'and',
			});
			const saved = sim.db.customFilters[0];
			expect(saved).toMatchObject({
				name: 'Urgent open',
				filter_type: 'conversation',
				user_id: world.admin.id,
				query: {
					payload: [
						{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'], query_operator: 'AND' },
						{ attribute_key: 'priority', filter_operator: 'equal_to', values: ['urgent'], query_operator: null },
					],
				},
			});
			expect(out[0].json).toMatchObject({ id: saved.id, name: 'Urgent open' });
			expect(await run(world, 'customFilter', { operation: 'getAll', filterType: 'contact', returnAll: true })).toHaveLength(0);
			expect(await run(world, 'customFilter', { operation: 'getAll', filterType: 'conversation', returnAll: true })).toHaveLength(1);
			const picked = (await search(world, 'searchCustomFilters', 'urgent')) as { results: Array<{ value: string }> };
			expect(picked.results.map((r) => r.value)).toEqual([String(saved.id)]);

			await run(world, 'customFilter', { operation: 'update', customFilterId: rl(saved.id), name: 'Urgent', replaceConditions: false });
			expect(saved.name).toBe('Urgent');
			expect(saved.query.payload).toHaveLength(2);
			await run(world, 'customFilter', {
				operation: 'update',
				customFilterId: rl(saved.id),
				replaceConditions: true,
				filterType: 'contact',
				conditions: { condition: [{ attribute: 'customAttribute', customAttributeKey: 'plan', operator: 'equal_to', value: 'pro' }] },
			});
			expect(saved).toMatchObject({ name: 'Urgent', filter_type: 'contact', query: { payload: [{ attribute_key: 'plan', values: ['pro'], query_operator: null }] } });
			expect((await run(world, 'customFilter', { operation: 'get', customFilterId: rl(saved.id) }))[0].json).toMatchObject({ filter_type: 'contact' });
			await run(world, 'customFilter', { operation: 'delete', customFilterId: rl(saved.id) });
			expect(sim.db.customFilters).toHaveLength(0);
			expectRequestsMatchSpec(sim.requests);
		});

		it("does not see another user's saved filters (they belong to the user who saved them)", async () => {
			const now = Date.now();
			const theirs = sim.store.insert('customFilters', { account_id: world.accountId, user_id: world.agent.id, name: 'Alan only', filter_type: 'conversation', query: { payload: [] }, created_at: now, updated_at: now });
			await expect(run(world, 'customFilter', { operation: 'get', customFilterId: rl(theirs.id) })).rejects.toThrow(new RegExp(`Saved filter ${theirs.id} was not found`));
			expect(await run(world, 'customFilter', { operation: 'getAll', filterType: 'conversation', returnAll: true })).toHaveLength(0);
		});

		// one condition builder for every filter (lib/filters/filter_keys.yml): a saved contact segment gets the same
		// key mapping and operator checks as contact Filter, a conversation folder those of conversation Filter
		it('saves a contact segment with Chatwoot keys (Company → company_name) and refuses an operator the attribute does not allow, before any request', async () => {
			await run(world, 'customFilter', {
				operation: 'create',
				name: 'Acme people',
				filterType: 'contact',
				conditions: { condition: [{ attribute: 'company', operator: 'contains', value: 'acme' }, { attribute: 'phone_number', operator: 'starts_with', value: '+49' }] },
				combinator: 'or',
			});
			expect(sim.db.customFilters[0].query.payload).toEqual([
				{ attribute_key: 'company_name', filter_operator: 'contains', values: ['acme'], query_operator: 'OR' },
				{ attribute_key: 'phone_number', filter_operator: 'starts_with', values: ['+49'], query_operator: null },
			]);
			sim.clearRequests();
			await expect(
				run(world, 'customFilter', {
					operation: 'create',
					name: 'Bad folder',
					filterType: 'conversation',
					conditions: { condition: [{ attribute: 'status', operator: 'contains', value: 'open' }] },
				}),
			).rejects.toThrow(/Condition 1: Chatwoot does not allow "Contains" for status/);
			expect(sim.requests).toHaveLength(0);
			expect(sim.db.customFilters).toHaveLength(1);
		});

		it('refuses an update that changes nothing, before any request', async () => {
			await expect(run(world, 'customFilter', { operation: 'update', customFilterId: rl(1), name: '', replaceConditions: false })).rejects.toThrow(/Nothing to update/);
			expect(sim.requests).toHaveLength(0);
		});
	});

	describe('integration', () => {
		it('lists apps, creates an inbox hook, updates and deletes it', async () => {
			const apps = await run(world, 'integration', { operation: 'getAll', returnAll: true });
			expect(apps.map((a) => a.json.id)).toContain('dialogflow');
			const created = await run(world, 'integration', {
				operation: 'createHook',
				appId: 'dialogflow',
				settingsJson: '{"project_id": "bot-1", "credentials": {"x": 1}}',
				additionalFields: { inboxId: rl(world.apiInbox.id) },
			});
			const hook = sim.db.integrationHooks[0];
			expect(hook).toMatchObject({ app_id: 'dialogflow', inbox_id: world.apiInbox.id, status: 'enabled', settings: { project_id: 'bot-1', credentials: { x: 1 } } });
			expect(created[0].json).toMatchObject({ id: hook.id, app_id: 'dialogflow', status: true, inbox: { id: world.apiInbox.id } });
			expect(writes(world)[0].body).toEqual({ hook: { app_id: 'dialogflow', status: 1, settings: { project_id: 'bot-1', credentials: { x: 1 } }, inbox_id: world.apiInbox.id } });
			const one = await run(world, 'integration', { operation: 'get', appId: 'dialogflow' });
			expect(one[0].json).toMatchObject({ id: 'dialogflow', enabled: true, hooks: [{ id: hook.id }] });
			const picked = (await search(world, 'searchIntegrationHooks', 'dialog')) as { results: Array<{ name: string; value: string }> };
			expect(picked.results).toEqual([{ name: `Dialogflow · API (hook ${hook.id})`, value: String(hook.id) }]);
			await run(world, 'integration', { operation: 'updateHook', hookId: rl(hook.id), updateFields: { enabled: false } });
			expect(hook.status).toBe('disabled');
			await run(world, 'integration', { operation: 'deleteHook', hookId: rl(hook.id) });
			expect(sim.db.integrationHooks).toHaveLength(0);
			expectRequestsMatchSpec(sim.requests);
		});

		it('explains a feature-flagged app and a second hook of a single-hook app', async () => {
			await expect(run(world, 'integration', { operation: 'createHook', appId: 'leadsquared', settingsJson: '{}' })).rejects.toThrow(
				/leadsquared integration is not enabled on this Chatwoot/,
			);
			await run(world, 'integration', { operation: 'createHook', appId: 'openai', settingsJson: '{"api_key": "sk-test"}' });
			await expect(run(world, 'integration', { operation: 'createHook', appId: 'openai', settingsJson: '{}' })).rejects.toThrow(/already connected/);
			expect(sim.db.integrationHooks).toHaveLength(1);
		});

		it('offers the apps in the app picker', async () => {
			const { loadOptions } = await import('../../../helpers/n8n-harness');
			const { Chatwoot } = await import('../../../../nodes/Chatwoot/Chatwoot.node');
			const { credentials } = await import('../message/setup');
			const list = (await loadOptions(new Chatwoot(), 'getIntegrationApps', { credentials: credentials(world), kind: 'loadOptions' })) as Array<{ value: string }>;
			expect(list.map((o) => o.value)).toContain('openai');
		});
	});

	describe('search', () => {
		it('searches everything at once, tagging each result with its type', async () => {
			sim.seed.message({ accountId: world.accountId, conversationId: world.conversation.display_id, content: 'Where is my carlabox order?', message_type: 'incoming' });
			const out = await run(world, 'search', { operation: 'search', query: 'carla', searchIn: 'all' });
			const types = out.map((o) => o.json.result_type);
			expect(types).toContain('contact');
			expect(types).toContain('conversation');
			expect(types).toContain('message');
			expect(out.find((o) => o.json.result_type === 'contact')!.json).toMatchObject({ id: world.contact.id, email: 'carla@example.test' });
			expect(sim.requests.map((r) => r.path)).toEqual([`/api/v1/accounts/${world.accountId}/search`]);
			expectRequestsMatchSpec(sim.requests);
		});

		it('pages one type until a short page, and stops at the limit', async () => {
			sim.seed.many.contacts(world.accountId, 20, (i: number) => ({ name: `Zed ${i}`, email: `zed${i}@example.test` }));
			sim.clearRequests();
			const all = await run(world, 'search', { operation: 'search', query: 'zed', searchIn: 'contacts', returnAll: true });
			expect(all).toHaveLength(20);
			expect(sim.requests.map((r) => r.query.page)).toEqual(['1', '2']);
			sim.clearRequests();
			const some = await run(world, 'search', { operation: 'search', query: 'zed', searchIn: 'contacts', returnAll: false, limit: 3 });
			expect(some).toHaveLength(3);
			expect(sim.requests).toHaveLength(1);
			expectRequestsMatchSpec(sim.requests);
		});
	});
});
