import { createHash } from 'crypto';

import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, run, seedWorld, startWorld } from './setup';
import type { Sim, World } from './setup';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('message: getAll', () => {
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

	function seed65(): number[] {
		const records = sim.seed.many.messages(world.accountId, world.conversation.display_id, 65, (i) => ({
			content: `message ${i + 1}`,
			message_type: i % 2 ? 'outgoing' : 'incoming',
		}));
		sim.clearRequests();
		return records.map((m) => m.id);
	}

	it('returns all 65 messages oldest first, paging back with before=', async () => {
		const ids = seed65();
		const all = sim.find.messages(world.accountId, world.conversation.display_id).map((m) => m.id);
		const out = await run(world, 'message', { operation: 'getAll', conversationId: rl(world.conversation.display_id), returnAll: true });
		expect(all).toHaveLength(65);
		expect(out).toHaveLength(65);
		expect(out.map((o) => o.json.id)).toEqual(all);
		expect(out.filter((o) => ids.includes(o.json.id as number)).map((o) => o.json.content)).toEqual(
			Array.from({ length: 65 }, (_, i) => `message ${i + 1}`),
		);
		// The simplified record gives the message type as a word.
		const first = out.find((o) => o.json.id === ids[0])!.json;
		expect(first).toMatchObject({ message_type: 'incoming', conversation_id: world.conversation.display_id });
		expect(out.find((o) => o.json.id === ids[1])!.json.message_type).toBe('outgoing');
		const gets = sim.requests.filter((r) => r.method === 'GET');
		expect(gets[0].query.before).toBeUndefined();
		expect(gets.slice(1).every((r) => r.query.before !== undefined)).toBe(true);
		expectRequestsMatchSpec(sim.requests);
	});

	it('with a limit of 30 returns the latest 30, oldest first', async () => {
		seed65();
		const all = sim.find.messages(world.accountId, world.conversation.display_id).map((m) => m.id);
		const out = await run(world, 'message', {
			operation: 'getAll',
			conversationId: rl(world.conversation.display_id),
			returnAll: false,
			limit: 30,
			simplify: false,
		});
		expect(out.map((o) => o.json.id)).toEqual(all.slice(-30));
		expect(out[29].json.content).toBe('message 65');
		// Raw records keep Chatwoot's integer message_type (message 36 is outgoing = 1).
		expect(out[0].json).toMatchObject({ content: 'message 36', message_type: 1 });
		expect(sim.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
	});

	it('downloads attachments into binary properties attachment_0, attachment_1', async () => {
		const image = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7) % 256));
		const text = Buffer.from('line 1\nline 2\n');
		sim.seed.message({
			accountId: world.accountId,
			conversationId: world.conversation.display_id,
			content: 'see files',
			message_type: 'incoming',
			attachments: [
				{ filename: 'scan.png', contentType: 'image/png', data: image },
				{ filename: 'notes.txt', contentType: 'text/plain', data: text },
			],
		});
		sim.seed.message({ accountId: world.accountId, conversationId: world.conversation.display_id, content: 'no files', message_type: 'outgoing' });
		sim.clearRequests();
		const out = await run(world, 'message', {
			operation: 'getAll',
			conversationId: rl(world.conversation.display_id),
			returnAll: true,
			options: { downloadAttachments: true },
		});
		const withFiles = out.find((o) => o.json.content === 'see files')!;
		const withoutFiles = out.find((o) => o.json.content === 'no files')!;
		expect(Object.keys(withFiles.binary ?? {})).toEqual(['attachment_0', 'attachment_1']);
		expect(withoutFiles.binary).toBeUndefined();
		const first = withFiles.binary!.attachment_0;
		const second = withFiles.binary!.attachment_1;
		expect([first.fileName, first.mimeType]).toEqual(['scan.png', 'image/png']);
		expect([second.fileName, second.mimeType]).toEqual(['notes.txt', 'text/plain']);
		expect(sha256(Buffer.from(first.data, 'base64'))).toBe(sha256(image));
		expect(sha256(Buffer.from(second.data, 'base64'))).toBe(sha256(text));
		// ActiveStorage URLs are signed: fetched (following the blob redirect) without the token.
		const blobs = sim.requests.filter((r) => r.path.startsWith('/rails/active_storage/'));
		expect(blobs.length).toBeGreaterThanOrEqual(2);
		expect(blobs.every((r) => r.headers.api_access_token === undefined)).toBe(true);
		expect(withFiles.json.skipped_attachments).toBeUndefined();
		expectRequestsMatchSpec(sim.requests);
	});

	it('names the conversation when it does not exist', async () => {
		await expect(run(world, 'message', { operation: 'getAll', conversationId: rl(4242), returnAll: true })).rejects.toThrow(
			/Conversation 4242 was not found/,
		);
	});
});
