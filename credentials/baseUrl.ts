/**
 * The base-URL rules of nodes/shared/transport/url.ts (normaliseBaseUrl), as an n8n
 * expression: credential tests run inside n8n, not through this package's code.
 * test/nodes/Chatwoot/transport/credentialExpression.test.ts keeps both in step.
 */
export const NORMALISED_BASE_URL =
	'={{ String($credentials.baseUrl).trim().replace(/[?#].*$/, "").replace(/\\/+$/, "").replace(/^(https?:\\/\\/[^\\/]+.*?)\\/(?:app|api|public|platform\\/api)(?:\\/.*)?$/i, "$1").replace(/\\/+$/, "") }}';
