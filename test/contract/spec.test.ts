import { checkRequest, expectRequestsMatchSpec, findOperation } from './spec';

describe('contract checker', () => {
	it('prefers literal segments over path parameters', () => {
		expect(findOperation('GET', '/api/v1/accounts/1/contacts/search')?.template).toBe(
			'/api/v1/accounts/{account_id}/contacts/search',
		);
		expect(findOperation('GET', '/api/v1/accounts/1/contacts/42')?.template).toBe('/api/v1/accounts/{account_id}/contacts/{id}');
	});

	it('accepts a request that matches the spec', () => {
		expect(checkRequest({ method: 'GET', path: '/api/v1/accounts/1/contacts', query: { page: '2', sort: 'name' } })).toEqual([]);
		expect(
			checkRequest({
				method: 'POST',
				path: '/api/v1/accounts/1/conversations/5/labels',
				body: { labels: ['vip', 'billing'] },
			}),
		).toEqual([]);
	});

	it('rejects unknown routes, undeclared query parameters and wrongly typed bodies', () => {
		expect(checkRequest({ method: 'GET', path: '/api/v1/accounts/1/nonsense' })[0]).toMatch(/no such operation/);
		expect(checkRequest({ method: 'GET', path: '/api/v1/accounts/1/inboxes', query: { foo: '1' } })[0]).toMatch(
			/query parameter "foo"/,
		);
		const problems = checkRequest({
			method: 'POST',
			path: '/api/v1/accounts/1/conversations/5/labels',
			body: { labels: 'vip' },
		});
		expect(problems.join('\n')).toMatch(/labels/);
	});

	it('applies the documented deviations of API-NOTES §6', () => {
		expect(checkRequest({ method: 'POST', path: '/api/v1/accounts/1/contacts', body: { name: 'Ann', email: 'a@x.io' } })).toEqual([]);
		expect(
			checkRequest({
				method: 'POST',
				path: '/api/v1/accounts/1/webhooks',
				body: { url: 'https://n8n.example/webhook/x', subscriptions: ['inbox_created'] },
			}),
		).toEqual([]);
		expect(checkRequest({ method: 'PATCH', path: '/api/v1/accounts/1/contacts/3', body: { name: 'B' } })).toEqual([]);
	});

	it('refuses to pass an empty request log', () => {
		expect(() => expectRequestsMatchSpec([])).toThrow(/nothing to check/);
	});
});
