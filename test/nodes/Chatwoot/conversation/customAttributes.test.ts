import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, run, seedConversation, seedWorld, startWorld, stored } from './setup';
import type { Sim, World } from './setup';

describe('conversation: setCustomAttributes', () => {
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

	it('merge (default) keeps existing keys and overwrites given ones (fields input)', async () => {
		const conv = seedConversation(world, { custom_attributes: { plan: 'free', region: 'eu' } });
		const [out] = await run(world, {
			operation: 'setCustomAttributes',
			conversationId: rl(conv.display_id),
			customAttributesUi: { attribute: [{ key: 'plan', value: 'pro' }, { key: 'order_id', value: 'A-17' }] },
		});
		expect(stored(world, conv.display_id).custom_attributes).toEqual({ plan: 'pro', region: 'eu', order_id: 'A-17' });
		expect(out.json).toEqual({ id: conv.display_id, custom_attributes: { plan: 'pro', region: 'eu', order_id: 'A-17' } });
		expectRequestsMatchSpec(sim.requests);
	});

	it('replace drops keys that are not given (JSON input keeps types)', async () => {
		const conv = seedConversation(world, { custom_attributes: { plan: 'free', region: 'eu' } });
		await run(world, {
			operation: 'setCustomAttributes',
			conversationId: rl(conv.display_id),
			mode: 'replace',
			inputMode: 'json',
			customAttributesJson: '{"seats": 5, "trial": false}',
		});
		expect(stored(world, conv.display_id).custom_attributes).toEqual({ seats: 5, trial: false });
		// Replace does not read first.
		expect(sim.requests.filter((r: any) => r.method === 'GET')).toHaveLength(0);
		expectRequestsMatchSpec(sim.requests);
	});

	it('merge with JSON input and concurrent items on one conversation keeps every key', async () => {
		const conv = seedConversation(world, { custom_attributes: { base: 1 } });
		await run(
			world,
			{ operation: 'setCustomAttributes', conversationId: rl(conv.display_id), inputMode: 'json', customAttributesJson: '={{ JSON.stringify($json.attrs) }}' },
			{ items: [{ json: { attrs: { a: 1 } } }, { json: { attrs: { b: 2 } } }, { json: { attrs: { c: 3 } } }] },
		);
		expect(stored(world, conv.display_id).custom_attributes).toEqual({ base: 1, a: 1, b: 2, c: 3 });
	});

	it('names the JSON field when it is not an object', async () => {
		const conv = seedConversation(world);
		await expect(
			run(world, { operation: 'setCustomAttributes', conversationId: rl(conv.display_id), inputMode: 'json', customAttributesJson: '{not json' }),
		).rejects.toThrow(/Custom Attributes \(JSON\)/);
		expect(stored(world, conv.display_id).custom_attributes).toEqual({});
	});

	it('names the conversation on 404', async () => {
		await expect(
			run(world, { operation: 'setCustomAttributes', conversationId: rl(31337), customAttributesUi: { attribute: [{ key: 'a', value: 'b' }] } }),
		).rejects.toMatchObject({ httpCode: '404', message: expect.stringMatching(/Conversation 31337 was not found/) });
	});
});
