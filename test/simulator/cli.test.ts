import { spawn } from 'child_process';
import * as path from 'path';

describe('cli.js', () => {
	it('starts on an ephemeral port, seeds the demo, prints one JSON line and stops on SIGTERM', async () => {
		const child = spawn(process.execPath, [path.join(__dirname, 'cli.js'), '--port', '0', '--seed', 'demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
		const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
		const line: string = await new Promise((resolve, reject) => {
			let buf = '';
			child.stdout.on('data', (d) => {
				buf += d;
				if (buf.includes('\n')) resolve(buf.split('\n')[0]);
			});
			child.on('error', reject);
			exited.then((code) => reject(new Error(`exited early ${code}`)));
		});
		const info = JSON.parse(line);
		expect(info).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), accountId: 1, token: expect.any(String), inbox_identifier: expect.any(String), inboxIds: { api: 1, web_widget: 2 } });
		expect(info.url).not.toMatch(/:567[89]$/);
		const res = await fetch(`${info.url}/api/v1/accounts/${info.accountId}/conversations?status=all`, { headers: { api_access_token: info.token } });
		const body = await res.json();
		expect(body.data.meta.all_count).toBe(8);
		const contacts = await (await fetch(`${info.url}/api/v1/accounts/1/contacts`, { headers: { api_access_token: info.token } })).json();
		expect(contacts.meta.count).toBe(20);
		const labels = await (await fetch(`${info.url}/api/v1/accounts/1/labels`, { headers: { api_access_token: info.token } })).json();
		expect(labels.payload).toHaveLength(4); // billing, bug, vip, refund (the macro example's label)
		const inbox = await (await fetch(`${info.url}/api/v1/accounts/1/inboxes/${info.inboxIds.api}`, { headers: { api_access_token: info.token } })).json();
		expect(inbox).toMatchObject({ name: 'Website API', webhook_url: null, inbox_identifier: info.inbox_identifier });
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
	});
});
