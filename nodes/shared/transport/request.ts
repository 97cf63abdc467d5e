import { NodeOperationError, sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { checkAccount } from './account';
import { readHttpFailure, toNodeApiError } from './errors';
import type { HttpFailure, RequestSubject } from './errors';
import { BOT_ALLOWED_SUMMARY, botMayCall } from './botAccess';
import { limiterFor } from './limiter';
import { backoffDelay, classifyFailure, DEFAULT_RETRY, parseRetryAfter, untilNextWindow } from './retry';
import type { RetryPolicy } from './retry';
import { InvalidBaseUrlError, normaliseBaseUrl } from './url';

export type ChatwootContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export const API_CREDENTIAL = 'chatwootSuiteApi';
export const CLIENT_CREDENTIAL = 'chatwootSuiteClientApi';
export const PLATFORM_CREDENTIAL = 'chatwootSuitePlatformApi';

export interface ChatwootRequest {
	method: IHttpRequestMethods;
	/** Path below the scope's prefix, e.g. `/contacts/5`. */
	path: string;
	/**
	 * - account (default): `/api/v1/accounts/{accountId}`
	 * - reports: `/api/v2/accounts/{accountId}`
	 * - root: the path as given (e.g. `/api/v1/profile`)
	 * - public: Client API, `/public/api/v1/inboxes/{inboxIdentifier}`
	 * - platform: Platform API, `/platform/api/v1`, with the Platform App credential
	 */
	scope?: 'account' | 'reports' | 'root' | 'public' | 'platform';
	/** Overrides the credential's default account. */
	accountId?: string | number;
	body?: IDataObject | IDataObject[] | FormData;
	qs?: IDataObject;
	/** Names the record in error messages ("Contact 12 was not found…"). */
	subject?: RequestSubject;
	/** Whether repeating the request is harmless. Default: every method but POST. */
	idempotent?: boolean;
	/**
	 * For a non-idempotent POST whose first attempt may have landed (502, reset, timeout):
	 * looks for the record it would have created. Found → used as the answer; not found → retried.
	 */
	reconcile?: () => Promise<unknown>;
	/** Rate-limit bucket (see CHATWOOT_LIMITS_PER_MINUTE). */
	bucket?: string;
	retry?: Partial<RetryPolicy>;
	encoding?: IHttpRequestOptions['encoding'];
	returnFullResponse?: boolean;
}

export interface ApiCredential {
	baseUrl: string;
	accessToken: string;
	accountId: string;
	/** Whether the credential says its token is an agent bot's (default: a user's). */
	agentBot: boolean;
}

export interface ClientCredential {
	baseUrl: string;
	inboxIdentifier: string;
	hmacToken?: string;
}

export interface PlatformCredential {
	baseUrl: string;
	accessToken: string;
}

const credentialCache = new WeakMap<object, Map<string, Promise<IDataObject>>>();

async function rawCredentials(context: ChatwootContext, type: string): Promise<IDataObject> {
	let perContext = credentialCache.get(context);
	if (!perContext) {
		perContext = new Map();
		credentialCache.set(context, perContext);
	}
	let pending = perContext.get(type);
	if (!pending) {
		pending = context.getCredentials(type) as Promise<IDataObject>;
		perContext.set(type, pending);
		pending.catch(() => perContext!.delete(type));
	}
	return await pending;
}

function checkedBaseUrl(context: ChatwootContext, raw: unknown): string {
	try {
		return normaliseBaseUrl(raw);
	} catch (error) {
		if (error instanceof InvalidBaseUrlError) {
			throw new NodeOperationError(context.getNode(), error.message, {
				description: 'Open the Chatwoot credential and correct the Base URL.',
			});
		}
		throw new NodeOperationError(context.getNode(), error as Error);
	}
}

export async function getApiCredential(context: ChatwootContext): Promise<ApiCredential> {
	const raw = await rawCredentials(context, API_CREDENTIAL);
	return {
		baseUrl: checkedBaseUrl(context, raw.baseUrl),
		accessToken: String(raw.accessToken ?? ''),
		accountId: String(raw.accountId ?? '').trim(),
		agentBot: raw.agentBot === true,
	};
}

export async function getClientCredential(context: ChatwootContext): Promise<ClientCredential> {
	const raw = await rawCredentials(context, CLIENT_CREDENTIAL);
	const hmacToken = String(raw.hmacToken ?? '').trim();
	return {
		baseUrl: checkedBaseUrl(context, raw.baseUrl),
		inboxIdentifier: String(raw.inboxIdentifier ?? '').trim(),
		hmacToken: hmacToken === '' ? undefined : hmacToken,
	};
}

export async function getPlatformCredential(context: ChatwootContext): Promise<PlatformCredential> {
	const raw = await rawCredentials(context, PLATFORM_CREDENTIAL);
	return { baseUrl: checkedBaseUrl(context, raw.baseUrl), accessToken: String(raw.accessToken ?? '') };
}

function resolveAccountId(context: ChatwootContext, override: string | number | undefined, fallback: string): string {
	const value = override !== undefined && String(override).trim() !== '' ? String(override).trim() : fallback;
	if (!/^\d+$/.test(value)) {
		throw new NodeOperationError(context.getNode(), `The Chatwoot account ID "${value}" is not a number`, {
			description: "Enter the number after /app/accounts/ in Chatwoot's address bar as the credential's Account ID.",
		});
	}
	return value;
}

interface Target {
	scope: NonNullable<ChatwootRequest['scope']>;
	credentialType: string;
	url: string;
	secrets: Array<string | undefined>;
	subject: RequestSubject;
}

async function resolveTarget(context: ChatwootContext, request: ChatwootRequest): Promise<Target> {
	const scope = request.scope ?? 'account';
	if (scope === 'public') {
		const credential = await getClientCredential(context);
		const inbox = encodeURIComponent(credential.inboxIdentifier);
		return {
			scope,
			credentialType: CLIENT_CREDENTIAL,
			url: `${credential.baseUrl}/public/api/v1/inboxes/${inbox}${request.path}`,
			secrets: [credential.hmacToken],
			subject: { baseUrl: credential.baseUrl, ...request.subject },
		};
	}
	if (scope === 'platform') {
		const credential = await getPlatformCredential(context);
		return {
			scope,
			credentialType: PLATFORM_CREDENTIAL,
			url: `${credential.baseUrl}/platform/api/v1${request.path}`,
			secrets: [credential.accessToken],
			subject: { baseUrl: credential.baseUrl, api: 'platform', ...request.subject },
		};
	}
	const credential = await getApiCredential(context);
	if (credential.agentBot && !botMayCall(request.method, request.path, scope)) {
		// Chatwoot would answer 401 (validate_bot_access_token!); saying so here keeps a multi-step operation
		// from stopping half-way and names what a bot may do instead.
		throw new NodeOperationError(context.getNode(), 'Agent bots may not do this in Chatwoot', {
			description: `The credential uses an agent-bot token, and Chatwoot lets agent bots only ${BOT_ALLOWED_SUMMARY}. Use a credential with a user's access token (Profile settings → Access Token) for this operation. Nothing was sent to Chatwoot for this request.`,
		});
	}
	let prefix = '';
	let accountId: string | undefined;
	if (scope === 'account' || scope === 'reports') {
		accountId = resolveAccountId(context, request.accountId, credential.accountId);
		prefix = `/api/${scope === 'reports' ? 'v2' : 'v1'}/accounts/${accountId}`;
	}
	return {
		scope,
		credentialType: API_CREDENTIAL,
		url: `${credential.baseUrl}${prefix}${request.path}`,
		secrets: [credential.accessToken],
		subject: { baseUrl: credential.baseUrl, accountId, ...request.subject },
	};
}

function hasContent(body: ChatwootRequest['body']): boolean {
	if (body === undefined) return false;
	if (typeof FormData !== 'undefined' && body instanceof FormData) return true;
	if (Array.isArray(body)) return true;
	return Object.keys(body).length > 0;
}

/**
 * The one way this package talks to Chatwoot: n8n's authenticated HTTP helper, account
 * scoping, one limiter per execution, retries that never repeat a write that may have landed,
 * and errors that name the record and never contain the token.
 */
export async function chatwootApiRequest(context: ChatwootContext, request: ChatwootRequest): Promise<unknown> {
	const target = await resolveTarget(context, request);
	const policy: RetryPolicy = { ...DEFAULT_RETRY, ...request.retry };
	const idempotent = request.idempotent ?? request.method !== 'POST';
	const limiter = limiterFor(context);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: target.url,
		json: true,
		arrayFormat: 'brackets',
	};
	if (request.qs && Object.keys(request.qs).length) options.qs = request.qs;
	if (hasContent(request.body)) options.body = request.body as IHttpRequestOptions['body'];
	if (request.encoding) options.encoding = request.encoding;
	// Full responses for every status: n8n's NodeApiError drops the response headers (Retry-After)
	// and plain-text bodies, so statuses are read here and only network failures throw.
	options.returnFullResponse = true;
	options.ignoreHttpStatusErrors = true;

	for (let attempt = 1; ; attempt++) {
		await limiter.acquire(request.bucket);
		let failure: HttpFailure;
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				target.credentialType,
				options,
			)) as FullResponse;
			const status = Number(response.statusCode);
			if (status >= 200 && status < 300) return request.returnFullResponse ? response : response.body;
			failure = { status, body: parseBody(response.body), headers: lowerCaseHeaders(response.headers) };
		} catch (error) {
			failure = readHttpFailure(error);
		}
		const kind = classifyFailure(failure);
		const canRetry = attempt < policy.maxAttempts;
		if (kind === 'final' || !canRetry) {
			throw toNodeApiError(context.getNode(), failure, await blameFor(context, target, failure), target.secrets);
		}
		if (kind === 'rateLimited') {
			const retryAfter = parseRetryAfter(failure.headers['retry-after']);
			if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) {
				throw toNodeApiError(context.getNode(), { ...failure, retryAfterTooLongMs: retryAfter }, target.subject, target.secrets);
			}
			// The whole run waits: for Retry-After when given, else for Chatwoot's next fixed rate-limit window.
			limiter.pause(retryAfter ?? untilNextWindow(failure.headers.date, policy));
			continue;
		}
		if (kind === 'uncertain' && !idempotent) {
			if (!request.reconcile) {
				throw toNodeApiError(context.getNode(), failure, target.subject, target.secrets);
			}
			await sleep(backoffDelay(attempt, policy));
			const landed = await request.reconcile();
			if (landed !== undefined && landed !== null) return landed;
			continue;
		}
		await sleep(backoffDelay(attempt, policy));
	}
}

/**
 * Who a final failure is about. A 404 on an account-scoped path is also what Chatwoot answers for an account ID
 * that does not exist (see account.ts): ask once whether the account exists before blaming the record.
 */
async function blameFor(context: ChatwootContext, target: Target, failure: HttpFailure): Promise<RequestSubject> {
	const accountId = target.subject.accountId;
	const accountScoped = target.scope === 'account' || target.scope === 'reports';
	if (failure.status !== 404 || !accountScoped || accountId === undefined) {
		return target.subject;
	}
	const check = await checkAccount(context, String(accountId), async () =>
		await chatwootApiRequest(context, { method: 'GET', path: '/api/v1/profile', scope: 'root', retry: { maxAttempts: 1 } }),
	);
	if (!check.missing) return target.subject;
	return { ...target.subject, accountMissing: true, memberOf: check.memberOf };
}

interface FullResponse {
	body: unknown;
	headers?: Record<string, unknown>;
	statusCode: number;
	statusMessage?: string;
}

function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

function lowerCaseHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(headers ?? {})) out[key.toLowerCase()] = String(value);
	return out;
}
