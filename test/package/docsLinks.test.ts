/**
 * The editor's "Docs" link of each node and the credential dialog's "Open docs" lead to this package's README
 * section about it (issue 17, point 7) — and the section exists, so renaming a heading breaks this test.
 */
import * as fs from 'fs';
import * as path from 'path';

import { ChatwootSuiteApi } from '../../credentials/ChatwootSuiteApi.credentials';
import { ChatwootSuiteClientApi } from '../../credentials/ChatwootSuiteClientApi.credentials';
import { ChatwootSuitePlatformApi } from '../../credentials/ChatwootSuitePlatformApi.credentials';
import { Chatwoot } from '../../nodes/Chatwoot/Chatwoot.node';
import { ChatwootClient } from '../../nodes/ChatwootClient/ChatwootClient.node';
import { ChatwootPlatform } from '../../nodes/ChatwootPlatform/ChatwootPlatform.node';
import { ChatwootTrigger } from '../../nodes/ChatwootTrigger/ChatwootTrigger.node';

const root = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { homepage: string; repository: { url: string } };
const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** GitHub's heading anchors (github-slugger): rendered text, lower case, punctuation dropped, spaces → "-". */
function slug(heading: string): string {
	const text = heading
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[`*_]/g, '')
		.trim()
		.toLowerCase();
	return text.replace(/[^\p{L}\p{N}\- ]/gu, '').replace(/ /g, '-');
}

const anchors = new Set([
	...[...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])),
	...[...readme.matchAll(/<a name="([^"]+)"><\/a>/g)].map((m) => m[1]),
]);

describe('documentation links', () => {
	it('the repository named in package.json is where the README lives', () => {
		expect(repository).toBe('https://github.com/n8n-nodes-chatwoot-suite/n8n-nodes-chatwoot-suite');
		expect(pkg.homepage).toBe(`${repository}#readme`);
	});

	it.each([
		['Chatwoot node', new Chatwoot().description.documentationUrl, 'operations'],
		['Chatwoot Client node', new ChatwootClient().description.documentationUrl, 'chatwoot-client-customer-side'],
		['Chatwoot Trigger node', new ChatwootTrigger().description.documentationUrl, 'chatwoot-trigger'],
		['Chatwoot API credential', new ChatwootSuiteApi().documentationUrl, 'chatwoot-api-credential'],
		['Chatwoot Client API credential', new ChatwootSuiteClientApi().documentationUrl, 'chatwoot-client-api-credential'],
		['Chatwoot Platform node', new ChatwootPlatform().description.documentationUrl, 'chatwoot-platform-provisioning'],
		['Chatwoot Platform API credential', new ChatwootSuitePlatformApi().documentationUrl, 'chatwoot-platform-api-credential'],
	])('%s links %s', (_name, url, fragment) => {
		expect(url).toBe(`${repository}#${fragment}`);
		expect([...anchors]).toContain(fragment);
	});

	it('the credential sections say where the token and the Account ID are', () => {
		const api = readme.slice(readme.indexOf('<a name="chatwoot-api-credential">'));
		expect(api.slice(0, 1500)).toMatch(/Access Token[\s\S]*Profile settings[\s\S]*Account ID[\s\S]*\/app\/accounts\//);
	});
});
