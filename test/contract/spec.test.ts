import { checkRequest, expectRequestsMatchSpec, findOperation, uncheckedUndocumentedRoutes } from './spec';

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

	describe('strict', () => {
		it('rejects body fields the schema does not name (the review\'s misspelt create)', () => {
			const problems = checkRequest({ method: 'POST', path: '/api/v1/accounts/1/contacts', body: { nmae: 'A', emial: 'a@x.io', phonenumber: '+1' } });
			expect(problems).toEqual([
				expect.stringMatching(/body field \/nmae is not in the spec's schema/),
				expect.stringMatching(/body field \/emial/),
				expect.stringMatching(/body field \/phonenumber/),
			]);
			// nested objects are closed too; free-form objects (custom_attributes) stay open
			expect(
				checkRequest({ method: 'POST', path: '/api/v1/accounts/1/contacts', body: { name: 'A', custom_attributes: { anything: 1 }, additional_attributes: { city: 'X' } } }),
			).toEqual([]);
		});

		it('rejects values outside an enum, in bodies and in query strings', () => {
			expect(checkRequest({ method: 'POST', path: '/api/v1/accounts/1/conversations/5/toggle_status', body: { status: 'closed' } }).join('\n')).toMatch(
				/must be equal to one of the allowed values/,
			);
			expect(checkRequest({ method: 'GET', path: '/api/v1/accounts/1/contacts', query: { page: 'banana' } }).join('\n')).toMatch(/query page="banana"/);
			expect(checkRequest({ method: 'GET', path: '/api/v1/accounts/1/contacts', query: { page: '3' } })).toEqual([]);
			expect(checkRequest({ method: 'GET', path: '/api/v1/accounts/1/conversations', query: { status: 'everything' } }).join('\n')).toMatch(/query status/);
		});

		it('checks the body of undocumented routes against their documented fields', () => {
			expect(checkRequest({ method: 'PATCH', path: '/api/v1/accounts/1/conversations/2/messages/9', body: { whatever: [1, 2] } })).toEqual([
				expect.stringMatching(/body field \/whatever is not documented/),
			]);
			expect(checkRequest({ method: 'PATCH', path: '/api/v1/accounts/1/conversations/2/messages/9', body: { status: 'read' } })).toEqual([]);
			// every undocumented route lists its fields from Chatwoot's source: none is matched by route only
			expect(uncheckedUndocumentedRoutes()).toEqual([]);
			// PATCH /contacts/{id} is checked like PUT
			expect(checkRequest({ method: 'PATCH', path: '/api/v1/accounts/1/contacts/3', body: { nmae: 'B' } }).join('\n')).toMatch(/\/nmae/);
		});

		it('checks the routes listed from Chatwoot\'s source: a misspelt macro create, an undeclared query, a body where none is read', () => {
			expect(checkRequest({ method: 'POST', path: '/api/v1/accounts/1/macros', body: { name: 'M', visiblity: 'global', actions: [] } })).toEqual([
				expect.stringMatching(/body field \/visiblity is not documented for POST \/api\/v1\/accounts\/\{account_id\}\/macros/),
			]);
			expect(checkRequest({ method: 'POST', path: '/api/v1/accounts/1/macros', body: { name: 'M', visibility: 'global', actions: [] } })).toEqual([]);
			expect(checkRequest({ method: 'GET', path: '/api/v1/accounts/1/csat_survey_responses', query: { since: '1', until: '2', ratings: '5' } })).toEqual([
				expect.stringMatching(/query parameter "ratings" is not documented/),
			]);
			expect(checkRequest({ method: 'POST', path: '/api/v1/accounts/1/automation_rules/4/clone', body: { name: 'copy' } })).toEqual([
				expect.stringMatching(/body field \/name is not documented/),
			]);
		});

		it("checks the route table's not-in-spec routes: a misspelt contact-note update, a stray query on a CSV report, a body on mute", () => {
			expect(checkRequest({ method: 'PATCH', path: '/api/v1/accounts/1/contacts/3/notes/7', body: { note: { content: 'x' }, contnet: 'x' } })).toEqual([
				expect.stringMatching(/body field \/contnet is not documented for PATCH \/api\/v1\/accounts\/\{account_id\}\/contacts\/\{id\}\/notes\/\{note_id\}/),
			]);
			expect(checkRequest({ method: 'PATCH', path: '/api/v1/accounts/1/contacts/3/notes/7', body: { note: { content: 'x' } } })).toEqual([]);
			expect(checkRequest({ method: 'GET', path: '/api/v2/accounts/1/reports/agents', query: { since: '1', until: '2', group_by: 'day' } })).toEqual([
				expect.stringMatching(/query parameter "group_by" is not documented for GET \/api\/v2\/accounts\/\{account_id\}\/reports\/agents/),
			]);
			expect(checkRequest({ method: 'GET', path: '/api/v1/accounts/1/search/contacts', query: { q: 'a', page: '2' } })).toEqual([]);
			expect(checkRequest({ method: 'GET', path: '/api/v1/accounts/1/search/contacts', query: { q: 'a', from: 'agent:1' } })).toEqual([
				expect.stringMatching(/query parameter "from" is not documented/),
			]);
			expect(checkRequest({ method: 'POST', path: '/api/v1/accounts/1/conversations/5/mute', body: { muted: true } })).toEqual([
				expect.stringMatching(/body field \/muted is not documented/),
			]);
			// the route table's {portal_slug} routes are checked by the {id} entries: a stray query on Get Portal is a violation
			expect(checkRequest({ method: 'GET', path: '/api/v1/accounts/1/portals/help', query: { locale: 'en', page: '1' } })).toEqual([
				expect.stringMatching(/query parameter "page" is not documented/),
			]);
		});
	});
});
