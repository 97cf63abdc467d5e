import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { describeFailure, readHttpFailure, redact, toNodeApiError } from '../../../../nodes/shared/transport/errors';

const node: INode = {
	id: '1',
	name: 'Chatwoot',
	type: 'n8n-nodes-chatwoot-suite.chatwoot',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const TOKEN = 'tok_SECRET_9f8e7d6c5b4a';

function axiosLike(status: number, data: unknown, headers: Record<string, string> = {}) {
	const cause = Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, data, headers },
		config: { headers: { api_access_token: TOKEN } },
	});
	return Object.assign(new Error('wrapped'), { httpCode: String(status), cause });
}

describe('readHttpFailure', () => {
	it('finds status, body and headers in an n8n NodeApiError-like chain', () => {
		const failure = readHttpFailure(axiosLike(429, 'Retry later\n', { 'Retry-After': '7' }));
		expect(failure).toMatchObject({ status: 429, body: 'Retry later\n', headers: { 'retry-after': '7' } });
	});

	it('parses JSON bodies that arrive as text', () => {
		expect(readHttpFailure(axiosLike(404, '{"error":"Resource could not be found"}')).body).toEqual({
			error: 'Resource could not be found',
		});
	});

	it('recognises network errors', () => {
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const failure = readHttpFailure(Object.assign(new Error('x'), { cause: reset }));
		expect(failure.code).toBe('ECONNRESET');
		expect(failure.status).toBeUndefined();
		expect(readHttpFailure(new Error('connect ECONNREFUSED 127.0.0.1:1')).code).toBe('ECONNREFUSED');
	});
});

describe('describeFailure', () => {
	const subject = { resource: 'contact', id: 42, accountId: 3, baseUrl: 'https://chat.example.com' };
	it.each([
		[401, { error: 'Invalid Access Token' }, /rejected the access token/, /Profile settings/],
		[401, { error: 'You are not authorized to access this account' }, /no access to account 3/, /Account ID/],
		[401, { error: 'Bot is not authorized to access this account' }, /agent bot has no access to account 3/, /Account ID/],
		[401, { error: 'Access to this endpoint is not authorized for bots' }, /Agent-bot tokens/, /user's access token/],
		[401, { error: 'You are not authorized to do this action' }, /role/, /administrator/],
		[401, { errors: ['You need to sign in or sign up before continuing.'] }, /did not accept the credential/, /token/],
		[404, { error: 'Resource could not be found' }, /Contact 42 was not found in Chatwoot account 3/, /Check the ID/],
		[422, { message: 'Email has already been taken', attributes: ['email'] }, /rejected the data: Email has already been taken/, /Fields: email/],
		[422, { error: 'Specify search string with parameter q' }, /rejected the request: Specify search string/, /Correct/],
		[429, 'Retry later\n', /rate limit/, /3,000 requests per minute/],
		[500, '<html>oops</html>', /^Chatwoot had a server error \(HTTP 500\)$/, /Chatwoot side/],
		[502, '', /server error \(HTTP 502\)/, /later/],
	])('%i %j', (status, body, message, hint) => {
		const friendly = describeFailure({ status, body, headers: {} }, subject);
		expect(friendly.message).toMatch(message);
		expect(friendly.description).toMatch(hint);
		expect(friendly.httpCode).toBe(String(status));
	});

	it('explains unreachable servers with the base URL', () => {
		expect(describeFailure({ headers: {}, code: 'ECONNREFUSED' }, subject).message).toBe(
			'Could not reach Chatwoot at https://chat.example.com: the connection was refused',
		);
	});
});

describe('toNodeApiError', () => {
	it('never carries the token, even when Chatwoot echoes it', () => {
		const failure = readHttpFailure(axiosLike(422, { error: `token ${TOKEN} is odd` }));
		const error = toNodeApiError(node, failure, { resource: 'contact' }, [TOKEN]);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('422');
		const everything = JSON.stringify({ message: error.message, description: error.description, cause: error.cause, messages: error.messages, stack: error.stack });
		expect(everything).not.toContain(TOKEN);
		expect(everything).toContain('[redacted]');
	});

	it('redacts every occurrence and ignores empty secrets', () => {
		expect(redact('a SECRET b SECRET', ['SECRET', undefined, ''])).toBe('a [redacted] b [redacted]');
	});
});
