/* Attachment download security (review findings 1 and 2): the token never leaves with a download, and only
 * files Chatwoot stores (or hosts the user allows) are fetched. Runs Message → Get Many in n8n-core's real
 * context against the simulator; "storage" and "internal" hosts are loopback servers on other ports. */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { checkDownloadUrl, parseAllowedHosts } from '../../../../nodes/shared/transport';
import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, run, seedWorld, startWorld, TOKEN } from './setup';
import type { Sim, World } from './setup';

interface Host {
	url: string;
	requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
	close(): Promise<void>;
}

/** A loopback server answering every GET with `body` (a storage service, or an internal service an attacker aims at). */
async function startHost(body: Buffer | ((path: string) => Buffer), contentType = 'application/octet-stream'): Promise<Host> {
	const requests: Host['requests'] = [];
	const server: Server = createServer((req, res) => {
		requests.push({ path: req.url ?? '', headers: req.headers });
		const bytes = typeof body === 'function' ? body(req.url ?? '') : body;
		res.writeHead(200, { 'content-type': contentType, 'content-length': String(bytes.length) });
		res.end(bytes);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('checkDownloadUrl', () => {
	const base = 'https://chat.example.com';
	it('allows only the ActiveStorage path on the Chatwoot origin, with dot segments resolved', () => {
		expect(checkDownloadUrl(`${base}/rails/active_storage/blobs/redirect/abc/a.png`, base, [])).toMatchObject({ ok: true });
		expect(checkDownloadUrl(`${base}/api/v1/profile`, base, []).ok).toBe(false);
		expect(checkDownloadUrl(`${base}/rails/active_storage/../../api/v1/profile`, base, []).ok).toBe(false);
		expect(checkDownloadUrl(`${base}/rails/active_storage/%2e%2e/%2e%2e/api/v1/profile`, base, []).ok).toBe(false);
		// the Chatwoot host stays restricted even when listed
		expect(checkDownloadUrl(`${base}/api/v1/profile`, base, ['chat.example.com']).ok).toBe(false);
	});
	it('honours a sub-path install: other applications on the same host are not Chatwoot', () => {
		const sub = 'https://host.example.com/chatwoot';
		expect(checkDownloadUrl(`https://host.example.com/chatwoot/rails/active_storage/blobs/x/a.png`, sub, []).ok).toBe(true);
		expect(checkDownloadUrl(`https://host.example.com/rails/active_storage/blobs/x/a.png`, sub, []).ok).toBe(false);
	});
	it('refuses other hosts, loopback and non-http schemes unless allowed; allowed hosts never serve API paths', () => {
		expect(checkDownloadUrl('http://127.0.0.1:8080/secret', base, []).ok).toBe(false);
		expect(checkDownloadUrl('http://169.254.169.254/latest/meta-data/', base, []).ok).toBe(false);
		expect(checkDownloadUrl('file:///etc/passwd', base, ['*']).ok).toBe(false);
		expect(checkDownloadUrl('https://bucket.s3.amazonaws.com/a.png', base, ['bucket.s3.amazonaws.com']).ok).toBe(true);
		expect(checkDownloadUrl('https://x.cdninstagram.com/a.jpg', base, ['*.cdninstagram.com']).ok).toBe(true);
		expect(checkDownloadUrl('https://evilcdninstagram.com/a.jpg', base, ['*.cdninstagram.com']).ok).toBe(false);
		expect(checkDownloadUrl('https://public.example.com/api/v1/profile', base, ['public.example.com']).ok).toBe(false);
		expect(checkDownloadUrl('https://user:pw@bucket.s3.amazonaws.com/a.png', base, ['bucket.s3.amazonaws.com']).ok).toBe(false);
	});
	it('parses the allowed-hosts option', () => {
		expect(parseAllowedHosts(' https://A.example.com/path, *.cdn.test ,, x.test:9000 ')).toEqual(['a.example.com', '*.cdn.test', 'x.test']);
	});
});

describe('message: getAll with Download Attachments (security)', () => {
	let sim: Sim;
	let world: World;
	let storage: Host;
	let internal: Host;
	const fileBytes = Buffer.from('%PDF-1.4 stored file');

	beforeAll(async () => {
		sim = await startWorld();
		storage = await startHost(fileBytes, 'application/pdf');
		internal = await startHost(Buffer.from('{"internal":"secret data"}'), 'application/json');
	});
	afterAll(async () => {
		await storage.close();
		await internal.close();
		await sim.close();
	});
	beforeEach(() => {
		world = seedWorld(sim);
		storage.requests.length = 0;
		internal.requests.length = 0;
	});

	const getAll = async (options: Record<string, unknown> = {}) =>
		await run(world, 'message', {
			operation: 'getAll',
			conversationId: rl(world.conversation.display_id),
			returnAll: true,
			simplify: false,
			options: { downloadAttachments: true, ...options },
		});

	it('a blob redirect to a storage host on another port receives no token (and the file arrives)', async () => {
		sim.setStorageUrl(`${storage.url}/bucket`);
		sim.seed.message({
			accountId: world.accountId,
			conversationId: world.conversation.display_id,
			content: 'invoice',
			attachments: [{ filename: 'invoice.pdf', contentType: 'application/pdf', data: fileBytes }],
		});
		sim.clearRequests();
		const out = await getAll();
		const item = out.find((o) => o.json.content === 'invoice')!;
		expect(Buffer.from(item.binary!.attachment_0.data, 'base64')).toEqual(fileBytes);
		expect(storage.requests).toHaveLength(1);
		expect(storage.requests[0].path).toMatch(/^\/bucket\//);
		expect(JSON.stringify(storage.requests[0].headers)).not.toContain(TOKEN);
		expect(storage.requests[0].headers.api_access_token).toBeUndefined();
		// nor did the Chatwoot hop carry it: ActiveStorage URLs are signed, the token is not needed
		const blobHops = sim.requests.filter((r) => r.path.startsWith('/rails/active_storage/'));
		expect(blobHops).toHaveLength(1);
		expect(blobHops[0].headers.api_access_token).toBeUndefined();
		expectRequestsMatchSpec(sim.requests);
		sim.setStorageUrl(null);
	});

	it('a data_url pointing at /api/v1/profile or a loopback address is not fetched; both are listed with the reason', async () => {
		const message = sim.seed.message({
			accountId: world.accountId,
			conversationId: world.conversation.display_id,
			content: 'look at this',
			attachments: [
				{ filename: 'x', data: '', fileType: 'image', externalUrl: `${sim.url}/api/v1/profile` },
				{ filename: 'y', data: '', fileType: 'file', externalUrl: `${internal.url}/admin` },
				{ filename: 'z', data: '', fileType: 'location', externalUrl: `${internal.url}/map` },
				{ filename: 'ok.txt', contentType: 'text/plain', data: 'stored text' },
			],
		});
		sim.clearRequests();
		const out = await getAll();
		const item = out.find((o) => o.json.content === 'look at this')!;
		expect(internal.requests).toEqual([]);
		expect(sim.requests.filter((r) => r.path === '/api/v1/profile')).toEqual([]);
		expect(Object.keys(item.binary ?? {})).toEqual(['attachment_3']);
		expect(Buffer.from(item.binary!.attachment_3.data, 'base64').toString()).toBe('stored text');
		const ids = message.attachment_ids;
		expect(item.json.skipped_attachments).toEqual([
			{ index: 0, id: ids[0], file_type: 'image', reason: expect.stringContaining('not a file Chatwoot stores') },
			{ index: 1, id: ids[1], file_type: 'file', reason: expect.stringContaining('is not Chatwoot and not in Allowed Download Hosts') },
			{ index: 2, id: ids[2], file_type: 'location', reason: 'a location attachment is not a stored file' },
		]);
	});

	it('a host the user allows is fetched (without the token); a file over the size cap is skipped', async () => {
		sim.seed.message({
			accountId: world.accountId,
			conversationId: world.conversation.display_id,
			content: 'shared',
			attachments: [{ filename: 'y', data: '', fileType: 'image', externalUrl: `${internal.url}/cdn/pic.jpg` }],
		});
		sim.seed.message({
			accountId: world.accountId,
			conversationId: world.conversation.display_id,
			content: 'big',
			attachments: [{ filename: 'big.bin', contentType: 'application/octet-stream', data: Buffer.alloc(2 * 1024 * 1024 + 1, 1) }],
		});
		const out = await getAll({ allowedDownloadHosts: '127.0.0.1', maxAttachmentSizeMb: 2 });
		const shared = out.find((o) => o.json.content === 'shared')!;
		expect(internal.requests.map((r) => r.path)).toEqual(['/cdn/pic.jpg']);
		expect(internal.requests[0].headers.api_access_token).toBeUndefined();
		expect(shared.binary?.attachment_0).toBeDefined();
		const big = out.find((o) => o.json.content === 'big')!;
		expect(big.binary).toBeUndefined();
		expect(big.json.skipped_attachments).toEqual([
			{ index: 0, id: expect.any(Number), file_type: 'file', reason: expect.stringContaining('larger than Max Attachment Size') },
		]);
	});

	it('a response larger than the cap (file_size unknown, no content-length) is cut off and skipped', async () => {
		const endless = createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/octet-stream' });
			const chunk = Buffer.alloc(64 * 1024, 7);
			let sent = 0;
			const pump = () => {
				while (sent < 64 * 1024 * 1024) {
					sent += chunk.length;
					if (!res.write(chunk)) return void res.once('drain', pump);
				}
				res.end();
			};
			res.on('close', () => (sent = Infinity));
			pump();
		});
		await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
		const port = (endless.address() as AddressInfo).port;
		try {
			sim.seed.message({
				accountId: world.accountId,
				conversationId: world.conversation.display_id,
				content: 'stream',
				attachments: [{ filename: 's', data: '', fileType: 'video', externalUrl: `http://127.0.0.1:${port}/s.mp4` }],
			});
			const out = await getAll({ allowedDownloadHosts: '127.0.0.1', maxAttachmentSizeMb: 1 });
			const item = out.find((o) => o.json.content === 'stream')!;
			expect(item.binary).toBeUndefined();
			expect(item.json.skipped_attachments).toEqual([
				{ index: 0, id: expect.any(Number), file_type: 'video', reason: 'larger than Max Attachment Size' },
			]);
		} finally {
			endless.closeAllConnections();
			await new Promise<void>((resolve) => endless.close(() => resolve()));
		}
	});
});
