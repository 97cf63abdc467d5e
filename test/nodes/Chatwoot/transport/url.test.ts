import { InvalidBaseUrlError, normaliseBaseUrl, sameUrl } from '../../../../nodes/shared/transport/url';

describe('normaliseBaseUrl', () => {
	it.each([
		['https://app.chatwoot.com', 'https://app.chatwoot.com'],
		['https://app.chatwoot.com/', 'https://app.chatwoot.com'],
		['https://app.chatwoot.com///', 'https://app.chatwoot.com'],
		['  https://app.chatwoot.com  ', 'https://app.chatwoot.com'],
		['https://app.chatwoot.com/api', 'https://app.chatwoot.com'],
		['https://app.chatwoot.com/api/', 'https://app.chatwoot.com'],
		['https://app.chatwoot.com/api/v1', 'https://app.chatwoot.com'],
		['https://app.chatwoot.com/api/v1/', 'https://app.chatwoot.com'],
		['https://app.chatwoot.com/app/accounts/1/dashboard', 'https://app.chatwoot.com'],
		['https://app.chatwoot.com/app/accounts/3/conversations/42?x=1#top', 'https://app.chatwoot.com'],
		['https://chat.example.com:8443/api/v1', 'https://chat.example.com:8443'],
		['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
		['HTTPS://Chat.Example.com/API/V1', 'HTTPS://Chat.Example.com'],
		['https://example.com/chatwoot/', 'https://example.com/chatwoot'],
		['https://example.com/chatwoot/api/v1', 'https://example.com/chatwoot'],
		['https://example.com/chatwoot/app/login', 'https://example.com/chatwoot'],
		['https://api.example.com', 'https://api.example.com'],
		['https://app.example.com/public/api/v1/inboxes/abc', 'https://app.example.com'],
		['https://chat.example.com/platform/api/v1/', 'https://chat.example.com'],
		['https://example.com/chatwoot/platform/api/v1/accounts/3', 'https://example.com/chatwoot'],
		// a sub-path install named "platform" stays: only /platform/api… is Chatwoot's own
		['https://example.com/platform', 'https://example.com/platform'],
	])('%s → %s', (input, expected) => {
		expect(normaliseBaseUrl(input)).toBe(expected);
	});

	it.each([['app.chatwoot.com'], ['chat.example.com/api/v1'], ['ftp://chat.example.com'], ['']])(
		'refuses %j with a message saying what to write',
		(input) => {
			expect(() => normaliseBaseUrl(input)).toThrow(InvalidBaseUrlError);
			expect(() => normaliseBaseUrl(input)).toThrow(/https:\/\/app\.chatwoot\.com/);
		},
	);
});

describe('sameUrl', () => {
	it('ignores trailing slashes, case and whitespace', () => {
		expect(sameUrl('https://n8n.example/webhook/a/', ' https://N8N.example/webhook/a')).toBe(true);
		expect(sameUrl('https://n8n.example/webhook/a', 'https://n8n.example/webhook/b')).toBe(false);
		expect(sameUrl(undefined, 'https://x')).toBe(false);
	});
});
