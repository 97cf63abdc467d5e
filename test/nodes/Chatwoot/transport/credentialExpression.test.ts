import { ChatwootSuiteApi } from '../../../../credentials/ChatwootSuiteApi.credentials';
import { ChatwootSuiteClientApi } from '../../../../credentials/ChatwootSuiteClientApi.credentials';
import { ChatwootSuitePlatformApi } from '../../../../credentials/ChatwootSuitePlatformApi.credentials';
import { normaliseBaseUrl } from '../../../../nodes/shared/transport/url';

/**
 * The credential test runs inside n8n as an expression, not through our code: evaluate that
 * expression's JavaScript and check it agrees with normaliseBaseUrl on every accepted URL.
 */
function evaluate(expression: string, baseUrl: string): string {
	const body = expression.replace(/^=\{\{\s*/, '').replace(/\s*\}\}$/, '');
	// eslint-style sandbox: the expression only uses String and regex replace.
	return new Function('$credentials', `return (${body});`)({ baseUrl }) as string;
}

describe('credential test base URL expression', () => {
	const samples = [
		'https://app.chatwoot.com',
		'https://app.chatwoot.com/',
		' https://app.chatwoot.com/api/v1/ ',
		'https://app.chatwoot.com/app/accounts/1/dashboard',
		'https://example.com/chatwoot/api/v1',
		'http://127.0.0.1:3000/app/login?x=1',
		'https://api.example.com',
		'https://chat.example.com/platform/api/v1/',
		'https://example.com/chatwoot/platform/api/v1/accounts',
		'https://example.com/platform',
	];
	// chatwootSuiteApi is tested programmatically (normaliseBaseUrl itself); the Client and Platform credentials keep declarative tests.
	for (const credential of [new ChatwootSuiteClientApi(), new ChatwootSuitePlatformApi()]) {
		it.each(samples)(`${credential.name}: %s`, (sample) => {
			const baseURL = credential.test!.request.baseURL as string;
			expect(evaluate(baseURL, sample)).toBe(normaliseBaseUrl(sample));
		});
	}

	it('sends the token only as the api_access_token header', () => {
		const credential = new ChatwootSuiteApi();
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { api_access_token: '={{$credentials.accessToken}}' } },
		});
	});
});
