import { startEchoServer } from './servers';
import type { EchoServer } from './servers';

let server: EchoServer;
beforeAll(async () => {
	server = await startEchoServer();
});
afterEach(() => server.reset());
afterAll(async () => {
	await server.close();
});

describe('startEchoServer', () => {
	it('listens on 127.0.0.1 (not 5678/5679) and echoes by default', async () => {
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect([5678, 5679]).not.toContain(server.port);
		const res = await fetch(`${server.url}/a/b?x=1`, { method: 'PUT', headers: { 'x-k': 'v' }, body: '{"q":2}' });
		expect(res.status).toBe(200);
		const echoed = (await res.json()) as Record<string, unknown>;
		expect(echoed).toMatchObject({ method: 'PUT', path: '/a/b', query: { x: '1' }, body: { q: 2 }, bodyLength: 7 });
		expect(server.last().headers['x-k']).toBe('v');
		expect(server.last().text()).toBe('{"q":2}');
	});

	it('plays scripted responses in order, then falls back to the default', async () => {
		server.enqueue(
			{ status: 429, headers: { 'Retry-After': '2' }, body: 'Retry later' },
			(req) => ({ status: 201, body: { got: req.json() } }),
		);
		server.setDefault({ status: 204 });
		const r1 = await fetch(server.url, { method: 'POST', body: '{}' });
		expect(r1.status).toBe(429);
		expect(r1.headers.get('retry-after')).toBe('2');
		expect(await r1.text()).toBe('Retry later');
		const r2 = await fetch(server.url, { method: 'POST', body: '{"a":1}' });
		expect(r2.status).toBe(201);
		expect(await r2.json()).toEqual({ got: { a: 1 } });
		const r3 = await fetch(server.url);
		expect(r3.status).toBe(204);
		expect(server.requests).toHaveLength(3);
		expect(server.pending()).toBe(0);
	});

	it('can reset the socket', async () => {
		server.enqueue({ reset: true });
		await expect(fetch(server.url)).rejects.toThrow();
		expect(server.requests).toHaveLength(1);
	});
});
