import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { InvalidBaseUrlError, normaliseBaseUrl } from '../transport/url';

/**
 * The "Test" button of the Chatwoot API credential (`chatwootSuiteApi`), wired up with `testedBy` on every node
 * that uses the credential.
 *
 * Why not a declarative `test` request: Chatwoot answers a non-existent Account ID with exactly the same
 * `404 {"error":"Resource could not be found"}` as the conversation-0 probe on a valid account
 * (`EnsureCurrentAccountHelper#ensure_current_account` → `Account.find` inside `handle_with_exception`), so no single
 * request tells them apart. Two requests do:
 * 1. `GET /api/v1/profile` (users only): the token's user and its `accounts[]` (id, name, status). A bot token is
 *    refused there with 401 "Access to this endpoint is not authorized for bots" (`AccessTokenAuthHelper`).
 * 2. `GET /api/v1/accounts/{id}/conversations/0` for both kinds: proves the account-scoped API is reachable
 *    (Chatwoot Cloud answers 403 "API access is not enabled for this account" for plans without API access,
 *    `Api::V1::Accounts::BaseController` since 4.16), and for a bot that the bot may act in the account (401 "Bot is not
 *    authorized to access this account" otherwise).
 */

type Probe = { statusCode: number; body: unknown };

const FAILURE_TEXT: Record<string, string> = {
	'Invalid Access Token':
		'Chatwoot rejected the access token. Copy it again from Profile settings → Access Token (or Settings → Bots for an agent bot).',
	'You are not authorized to access this account':
		"The token is valid, but it has no access to this Account ID. Use the number after /app/accounts/ in Chatwoot's address bar.",
	'Bot is not authorized to access this account':
		'This agent-bot token belongs to another account and the bot is not connected to an inbox of this Account ID. Use the Account ID the bot was created in.',
	'Account is suspended': 'This Chatwoot account is suspended.',
	// Conversation show is open to agent bots, so on the probe only a token that is neither a user's nor a bot's gets
	// this: a Platform App's (AccessTokenAuthHelper#validate_bot_access_token!). On /profile bots get it too.
	'Access to this endpoint is not authorized for bots':
		"This is a Platform App token: it works only with the Platform API (use it in a Chatwoot Platform API credential). Here, use a user's access token (Profile settings → Access Token) or an agent bot's token.",
	'API access is not enabled for this account':
		"Chatwoot refuses API access for this account (Chatwoot Cloud enables the API only on some plans). Upgrade the account's plan or ask Chatwoot support.",
};

const NO_TOKEN = 'You need to sign in or sign up before continuing.';
const BOT_REFUSED = 'Access to this endpoint is not authorized for bots';
const NOT_FOUND = 'Resource could not be found';
const NOT_CHATWOOT = 'This address did not answer like a Chatwoot server. Check the Base URL (for example https://app.chatwoot.com).';

function errorOf(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const { error, errors } = body as IDataObject;
	if (typeof error === 'string') return error;
	if (Array.isArray(errors) && typeof errors[0] === 'string') return errors[0];
	return undefined;
}

function fail(message: string): INodeCredentialTestResult {
	return { status: 'Error', message };
}

/** The verdict for an answer that is one of Chatwoot's known refusals, else undefined. */
function refusal(probe: Probe): INodeCredentialTestResult | undefined {
	const error = errorOf(probe.body);
	if (error === NO_TOKEN) {
		return fail(
			'Chatwoot received no access token. Enter the access token; if it is entered, a proxy in front of Chatwoot drops headers with underscores such as api_access_token (nginx: underscores_in_headers on;).',
		);
	}
	if (error !== undefined && FAILURE_TEXT[error]) return fail(FAILURE_TEXT[error]);
	return undefined;
}

export async function chatwootApiCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as ICredentialDataDecryptedObject;
	let baseUrl: string;
	try {
		baseUrl = normaliseBaseUrl(data.baseUrl);
	} catch (error) {
		return fail(error instanceof InvalidBaseUrlError ? error.message : NOT_CHATWOOT);
	}
	const token = String(data.accessToken ?? '');
	const accountId = Number(data.accountId);
	if (!Number.isInteger(accountId) || accountId <= 0) return fail('The Account ID must be a whole number, the one after /app/accounts/ in Chatwoot\'s address bar.');

	const get = async (path: string): Promise<Probe | undefined> => {
		try {
			// CredentialTestContext offers n8n's legacy `request` helper only (n8n-core credentials-test-context.js), no
			// httpRequest: it is the one way a programmatic credential test can reach the server.
			// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
			const response = (await this.helpers.request({
				method: 'GET',
				uri: `${baseUrl}${path}`,
				headers: { api_access_token: token, Accept: 'application/json' },
				json: true,
				simple: false,
				resolveWithFullResponse: true,
				// the token goes to the credential's Chatwoot only, never to a redirect target
				followRedirect: false,
				timeout: 20000,
			})) as { statusCode: number; body: unknown };
			return { statusCode: response.statusCode, body: response.body };
		} catch {
			return undefined;
		}
	};

	const profile = await get('/api/v1/profile');
	if (!profile) return fail(`Could not reach ${baseUrl}. Check the Base URL and that n8n can reach the Chatwoot server.`);
	// agent bots (and Platform App tokens, told apart by the probe below) may not read /profile
	const isBot = profile.statusCode === 401 && errorOf(profile.body) === BOT_REFUSED;
	const profileRefusal = isBot ? undefined : refusal(profile);
	if (profileRefusal) return profileRefusal;
	let accountName: string | undefined;
	if (!isBot) {
		const accounts = (profile.body as IDataObject | undefined)?.accounts;
		if (profile.statusCode !== 200 || !Array.isArray(accounts)) return fail(NOT_CHATWOOT);
		const account = (accounts as IDataObject[]).find((entry) => Number(entry.id) === accountId);
		if (!account) {
			const known = (accounts as IDataObject[]).map((entry) => `${String(entry.id)} (${String(entry.name)})`).join(', ');
			return fail(
				`The token's user is not a member of account ${accountId}${known ? `; it can use account ${known}` : ''}. Use the number after /app/accounts/ in Chatwoot's address bar.`,
			);
		}
		if (account.status === 'suspended') return fail(FAILURE_TEXT['Account is suspended']);
		accountName = typeof account.name === 'string' ? account.name : undefined;
	}

	// Conversation 0 never exists: a 404 "Resource could not be found" means the account-scoped API accepted the
	// token (and, for a bot, that the bot may act in this account).
	const probe = await get(`/api/v1/accounts/${accountId}/conversations/0`);
	if (!probe) return fail(`Could not reach ${baseUrl}. Check the Base URL and that n8n can reach the Chatwoot server.`);
	const probeRefusal = refusal(probe);
	if (probeRefusal) return probeRefusal;
	if (probe.statusCode !== 404 || errorOf(probe.body) !== NOT_FOUND) return fail(NOT_CHATWOOT);
	if (isBot) {
		// Chatwoot gives a bot no request that tells "account does not exist" from "conversation 0 does not exist".
		return {
			status: 'OK',
			message: `Agent-bot token accepted for account ${accountId}. (Chatwoot cannot confirm to an agent bot that the Account ID exists: if it is wrong, every call answers "not found".)`,
		};
	}
	return { status: 'OK', message: `Connection successful: account ${accountId}${accountName ? ` (${accountName})` : ''}.` };
}
