import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

/** What the request that failed was about, so messages can name it. */
export interface RequestSubject {
	/** Human name of the resource, e.g. "contact", "conversation". */
	resource?: string;
	id?: string | number;
	accountId?: string | number;
	baseUrl?: string;
	/** Set for Platform API requests (`/platform/api/v1`), whose errors and IDs differ from an account's. */
	api?: 'platform';
	/** Set after a 404 when the token's user has no account with this ID (see account.ts). */
	accountMissing?: boolean;
	/** The accounts the token's user belongs to, when known. */
	memberOf?: number[];
}

export interface HttpFailure {
	status?: number;
	body?: unknown;
	headers: Record<string, string>;
	code?: string;
	message?: string;
	/** A 429 whose Retry-After was longer than the node waits (milliseconds asked for). */
	retryAfterTooLongMs?: number;
}

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

function asObject(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/** Reads status, body, headers and network code out of whatever n8n's HTTP helper threw. */
export function readHttpFailure(error: unknown): HttpFailure {
	const failure: HttpFailure = { headers: {} };
	const seen = new Set<unknown>();
	let current: unknown = error;
	let httpCode: number | undefined;
	let foundResponse = false;
	while (asObject(current) && !seen.has(current)) {
		seen.add(current);
		const obj = asObject(current)!;
		const response = asObject(obj.response);
		if (response && !foundResponse) {
			foundResponse = true;
			const status = Number(response.status ?? response.statusCode);
			if (Number.isFinite(status) && status > 0) failure.status = status;
			failure.body = response.data ?? response.body;
			const headers = asObject(response.headers);
			if (headers) {
				for (const [key, value] of Object.entries(headers)) failure.headers[key.toLowerCase()] = String(value);
			}
		}
		if (httpCode === undefined && obj.httpCode !== undefined && obj.httpCode !== null) {
			const status = Number(obj.httpCode);
			if (Number.isFinite(status) && status > 0) httpCode = status;
		}
		if (!failure.code && typeof obj.code === 'string' && NETWORK_CODES.has(obj.code)) failure.code = obj.code;
		// n8n's NodeApiError for a dropped connection carries the code only as httpCode ('ECONNRESET').
		if (!failure.code && typeof obj.httpCode === 'string' && NETWORK_CODES.has(obj.httpCode)) failure.code = obj.httpCode;
		if (!failure.message && typeof obj.message === 'string') failure.message = obj.message;
		// n8n's NodeApiError keeps axios' own text ("socket hang up") in messages[] and a JSON body in context.data.
		if (Array.isArray(obj.messages) && !failure.code) {
			const text = obj.messages.map(String).join(' ');
			const code = [...NETWORK_CODES].find((c) => text.includes(c));
			if (code) failure.code = code;
			else if (/socket hang up/i.test(text)) failure.code = 'ECONNRESET';
		}
		const context = asObject(obj.context);
		if (failure.body === undefined && context && context.data !== undefined) failure.body = context.data;
		current = obj.cause;
	}
	if (failure.status === undefined && httpCode !== undefined && !failure.code) failure.status = httpCode;
	if (!failure.code && failure.status === undefined && failure.message) {
		const code = [...NETWORK_CODES].find((c) => failure.message!.includes(c));
		if (code) failure.code = code;
		else if (/socket hang up/i.test(failure.message)) failure.code = 'ECONNRESET';
	}
	if (typeof failure.body === 'string') {
		try {
			failure.body = JSON.parse(failure.body);
		} catch {
			// plain-text bodies (Rack::Attack's "Retry later") stay strings
		}
	}
	return failure;
}

function bodyText(body: unknown, key: 'error' | 'message'): string | undefined {
	const obj = asObject(body);
	const value = obj?.[key];
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * `render_could_not_create_error(record.errors.messages)` (automation rules, macros, help center) sends
 * `{error: {field: ["message", ...]}}`: a hash, not a string.
 */
function fieldErrors(body: unknown): string | undefined {
	const errors = asObject(asObject(body)?.error);
	if (!errors) return undefined;
	const texts = Object.values(errors)
		.flatMap((v) => (Array.isArray(v) ? v : [v]))
		.filter((v) => typeof v === 'string' && v.trim() !== '');
	return texts.length ? texts.join(' ') : undefined;
}

function subjectName(subject: RequestSubject): string {
	const name = subject.resource ?? 'record';
	return subject.id !== undefined && subject.id !== '' ? `${name} ${subject.id}` : `the requested ${name}`;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface FriendlyError {
	message: string;
	description: string;
	httpCode?: string;
}

/** Turns an HTTP failure into a message a non-developer understands, with a hint what to do. */
export function describeFailure(failure: HttpFailure, subject: RequestSubject = {}): FriendlyError {
	const { status, body } = failure;
	const httpCode = status !== undefined ? String(status) : undefined;
	const account = subject.accountId !== undefined ? `account ${subject.accountId}` : 'this account';
	const error = bodyText(body, 'error');
	const apiMessage = bodyText(body, 'message');

	if (status === undefined) {
		const where = subject.baseUrl ? ` at ${subject.baseUrl}` : '';
		// Plain words, not the errno: n8n rewrites messages that contain codes such as ECONNRESET.
		const reasons: Record<string, string> = {
			ECONNREFUSED: 'the connection was refused',
			ECONNRESET: 'the connection was closed unexpectedly',
			EPIPE: 'the connection was closed unexpectedly',
			ETIMEDOUT: 'the request timed out',
			ECONNABORTED: 'the request timed out',
			ERR_SOCKET_CONNECTION_TIMEOUT: 'the request timed out',
			ENOTFOUND: 'the host name was not found',
			EAI_AGAIN: 'the host name could not be looked up',
			EHOSTUNREACH: 'the host is unreachable',
			ENETUNREACH: 'the network is unreachable',
		};
		const reason = (failure.code && reasons[failure.code]) ?? 'a network error occurred';
		return {
			message: `Could not reach Chatwoot${where}: ${reason}`,
			description:
				'Check the Base URL in the Chatwoot credential and that the Chatwoot server is running and reachable from n8n.',
		};
	}
	if (status === 401) {
		if (error === 'Invalid Access Token') {
			return {
				httpCode,
				message: 'Chatwoot rejected the access token',
				description:
					'The token in the Chatwoot credential is wrong or was reset. Copy it again from Chatwoot → Profile settings → Access Token (or Settings → Bots for an agent bot) and save the credential.',
			};
		}
		if (error === 'You are not authorized to access this account') {
			return {
				httpCode,
				message: `The access token is valid, but it has no access to ${account}`,
				description:
					"Check the Account ID in the credential: it is the number after /app/accounts/ in Chatwoot's address bar, and the token's user must be a member of that account.",
			};
		}
		if (error === 'Bot is not authorized to access this account') {
			return {
				httpCode,
				message: `The agent bot has no access to ${account}`,
				description:
					"An agent bot works only in the account it was created in, or in accounts where it is connected to an inbox. Check the Account ID in the Chatwoot credential (the number after /app/accounts/ in Chatwoot's address bar).",
			};
		}
		if (error === 'Account is suspended') {
			return { httpCode, message: `Chatwoot ${account} is suspended`, description: 'Ask your Chatwoot administrator to reactivate the account.' };
		}
		if (error === 'Access to this endpoint is not authorized for bots') {
			return {
				httpCode,
				message: 'Agent-bot tokens cannot do this in Chatwoot',
				description:
					"Chatwoot lets agent bots only read and update conversations, send messages, assign and label. Use a user's access token (Profile settings → Access Token) for this operation. Turn on \"Belongs to an Agent Bot\" in the credential and the node says so before calling Chatwoot. (Chatwoot gives the same answer to a Platform App token, which works only with the Chatwoot Platform node.)",
			};
		}
		if (error === 'You are not authorized to do this action') {
			return {
				httpCode,
				message: "Your Chatwoot role doesn't allow this action",
				description: 'This needs an administrator in Chatwoot. Use the access token of an administrator, or ask one to do it.',
			};
		}
		if (error === 'Invalid User IDs') {
			// app/controllers/api/v1/accounts/team_members_controller.rb#validate_member_id_params
			return {
				httpCode,
				message: 'One of the agents is not a member of this Chatwoot account',
				description: 'Pick the agents from the list, or check the IDs under Settings → Agents. Nothing was changed.',
			};
		}
		if (error === 'Non permissible resource') {
			// PlatformController#validate_platform_app_permissible: the record exists, but no
			// platform_app_permissibles row links it to this app (only create adds one).
			const name = subjectName(subject);
			return {
				httpCode,
				message: `This Platform App may not access ${name}`,
				description: `${capitalise(name)} exists in Chatwoot, but this Platform App did not create it. Chatwoot lets a Platform App read, change or delete only the accounts, users and agent bots it created itself (through this node or the Platform API with the same token); records made in the Chatwoot UI, by Super Admin or by another Platform App stay hidden. Use a record this app created, or create it with this node first.`,
			};
		}
		if (subject.api === 'platform') {
			// PlatformController#set_platform_app: any token whose owner is not a PlatformApp.
			return {
				httpCode,
				message: 'Chatwoot did not accept the Platform App token',
				description:
					"The Platform API needs the token of a Platform App (Chatwoot Super Admin → Platform Apps → your app). A user's or agent bot's access token is refused here, even an administrator's. Copy the Platform App's token into the Chatwoot Platform credential.",
			};
		}
		return {
			httpCode,
			message: 'Chatwoot did not accept the credential',
			description: 'Check the access token in the Chatwoot credential; no valid token reached Chatwoot.',
		};
	}
	if (status === 403) {
		return { httpCode, message: `Chatwoot refused the request: ${error ?? 'forbidden'}`, description: 'Check that this operation is allowed for this inbox or record type.' };
	}
	if (status === 404 && subject.api === 'platform') {
		const name = subjectName(subject);
		return {
			httpCode,
			message: `${capitalise(name)} was not found in Chatwoot`,
			description: 'Check the ID: the Platform API uses the installation-wide IDs it returned when the record was created. It may also have been deleted (Chatwoot deletes accounts and users in the background).',
		};
	}
	if (status === 404 && subject.accountMissing && subject.accountId !== undefined) {
		const where = subject.baseUrl ? ` at ${subject.baseUrl}` : '';
		const memberOf = subject.memberOf?.length
			? ` The token's user belongs to account${subject.memberOf.length > 1 ? 's' : ''} ${subject.memberOf.join(', ')}.`
			: '';
		return {
			httpCode,
			message: `Chatwoot account ${subject.accountId} does not exist${where}`,
			description: `Open the Chatwoot credential and correct its Account ID: it is the number after /app/accounts/ in Chatwoot's address bar.${memberOf}`,
		};
	}
	if (status === 404) {
		const name = subjectName(subject);
		return {
			httpCode,
			message: `${capitalise(name)} was not found in Chatwoot ${account}`,
			description: `Check the ID (for conversations, the number shown in Chatwoot's UI), and that it belongs to ${account} and is visible to the token's user.`,
		};
	}
	if (status === 422) {
		if (apiMessage) {
			const attributes = (asObject(body)?.attributes as unknown[]) ?? [];
			const fields = Array.isArray(attributes) && attributes.length ? ` Fields: ${attributes.join(', ')}.` : '';
			return { httpCode, message: `Chatwoot rejected the data: ${apiMessage}`, description: `Correct the values and run again.${fields}` };
		}
		return {
			httpCode,
			message: `Chatwoot rejected the request: ${error ?? fieldErrors(body) ?? 'invalid data'}`,
			description: 'Correct the values and run again.',
		};
	}
	if (status === 429 && failure.retryAfterTooLongMs !== undefined) {
		const seconds = Math.ceil(failure.retryAfterTooLongMs / 1000);
		return {
			httpCode,
			message: `Chatwoot's rate limit was hit and Chatwoot asked to wait ${seconds} seconds, longer than this node waits`,
			description:
				'A proxy or Chatwoot in front of it is throttling this account for a long time. Run again later, or lower Items in Parallel and spread the work with a Wait node.',
		};
	}
	if (status === 429) {
		return {
			httpCode,
			message: "Chatwoot's rate limit was hit and retries ran out",
			description:
				'Chatwoot allows about 3,000 requests per minute per IP (contact search: 100 per minute). Lower the batch concurrency, add a Wait node, or run again later.',
		};
	}
	if (status === 402) {
		return { httpCode, message: `Chatwoot's plan doesn't include this: ${error ?? 'payment required'}`, description: 'Check your Chatwoot plan.' };
	}
	if (status >= 500) {
		const text = typeof body === 'string' ? body.trim() : '';
		const detail = error ?? (text !== '' && text.length < 200 && !text.startsWith('<') ? text : undefined);
		return {
			httpCode,
			message: `Chatwoot had a server error (HTTP ${status})${detail ? `: ${detail}` : ''}`,
			description: 'This is on the Chatwoot side. Retries ran out; run again later or check the Chatwoot server logs.',
		};
	}
	return {
		httpCode,
		message: `Chatwoot answered HTTP ${status}${error ? `: ${error}` : ''}`,
		description: 'Check the values of this operation.',
	};
}

/** Removes every occurrence of secrets (the access token, HMAC keys) from a text. */
export function redact(text: string, secrets: Array<string | undefined>): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
	}
	return out;
}

/**
 * Builds the NodeApiError a user sees. The original error is NOT attached: n8n's own error
 * carries the request config, whose headers hold the access token.
 */
export function toNodeApiError(
	node: INode,
	failure: HttpFailure,
	subject: RequestSubject,
	secrets: Array<string | undefined>,
): NodeApiError {
	const friendly = describeFailure(failure, subject);
	const message = redact(friendly.message, secrets);
	const description = redact(friendly.description, secrets);
	const safeBody = failure.body === undefined ? null : JSON.parse(redact(JSON.stringify(failure.body) ?? 'null', secrets));
	const errorResponse = { message, description, httpCode: friendly.httpCode ?? null, body: safeBody } as JsonObject;
	const error = new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: friendly.httpCode,
	});
	// Lets callers that treat a 404 as "the record is gone" tell a missing account apart (isMissingAccountError).
	if (subject.accountMissing && failure.status === 404) error.context.accountMissing = true;
	return error;
}
