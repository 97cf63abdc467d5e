import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { readHttpFailure, toNodeApiError } from './errors';
import { getApiCredential } from './request';
import type { ChatwootContext } from './request';

/**
 * Attachment downloads (security review, findings 1 and 2).
 *
 * - Never with the access token. `data_url` of a stored file is `url_for(file)` (app/models/attachment.rb
 *   #file_url): an ActiveStorage URL under `<base path>/rails/active_storage/` whose signed blob id is the
 *   permission. It answers 302 to the storage service (S3, GCS, MinIO, a CDN) on another host, and
 *   n8n's `sendCredentialsOnCrossOriginRedirect: false` strips only `Authorization`, not Chatwoot's
 *   `api_access_token` header: an authenticated download would hand the token to the storage host.
 * - Only URLs Chatwoot made. For `location`, `fallback`, `embed`, shares and Instagram messages, and for
 *   any file Chatwoot did not store, `data_url` is the `external_url` a sender chose (Attachment
 *   #metadata_for_file_type / #file_metadata). Fetching that from n8n's network position would be an SSRF;
 *   fetching an API path of the instance would be a confused deputy. So: http(s) only; the credential's
 *   origin only under its ActiveStorage path, other hosts only when the user lists them.
 * - Bounded: a size cap (checked against `file_size`, `content-length` and while reading) and a timeout.
 */
export interface DownloadedFile {
	data: Buffer;
	/** Content-Type the server sent, without parameters. */
	mimeType?: string;
	/** File name from Content-Disposition or the URL's last path segment. */
	fileName?: string;
}

export interface DownloadPolicy {
	/** Host names the user allows besides Chatwoot itself; `*.example.com` allows its subdomains. */
	allowedHosts: string[];
	maxBytes: number;
	timeoutMs: number;
}

export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 60_000;
/** Chatwoot's own default upload limit (MAXIMUM_FILE_UPLOAD_SIZE, 40 MB, app/models/attachment.rb). */
export const DEFAULT_MAX_DOWNLOAD_MB = 40;

const API_PATH = /\/(?:api|public\/api|platform\/api)\/v\d/i;

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** "a.com, *.b.com" → ['a.com', '*.b.com'] (lower case, without scheme, port or path). */
export function parseAllowedHosts(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\s,]+/)
		.map((h) => h.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/[/:].*$/, ''))
		.filter((h) => h !== '' && h !== '*');
}

function hostAllowed(host: string, allowed: string[]): boolean {
	const name = host.toLowerCase().replace(/^\[|\]$/g, '');
	return allowed.some((entry) => (entry.startsWith('*.') ? name.endsWith(entry.slice(1)) && name.length > entry.length - 1 : name === entry));
}

/** Whether a `data_url` may be fetched, and why not. */
export function checkDownloadUrl(raw: string, baseUrl: string, allowedHosts: string[]): UrlCheck {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return { ok: false, reason: 'not a valid URL' };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `${url.protocol} URLs are not downloaded` };
	if (url.username || url.password) return { ok: false, reason: 'URLs with credentials are not downloaded' };
	const base = new URL(baseUrl);
	if (url.origin === base.origin) {
		// The WHATWG parser has already resolved "..", "%2e%2e" and backslashes in the path.
		const storagePath = `${base.pathname.replace(/\/+$/, '')}/rails/active_storage/`;
		if (url.pathname.startsWith(storagePath)) return { ok: true, url: url.href };
		return { ok: false, reason: `not a file Chatwoot stores (only ${storagePath} is downloaded from the Chatwoot host)` };
	}
	if (hostAllowed(url.hostname, allowedHosts)) {
		// An allowed host may be Chatwoot under another address (FRONTEND_URL): never one of its API paths.
		if (API_PATH.test(url.pathname)) return { ok: false, reason: 'a Chatwoot API path, not a file' };
		return { ok: true, url: url.href };
	}
	return { ok: false, reason: `host ${url.hostname} is not Chatwoot and not in Allowed Download Hosts` };
}

function header(headers: IDataObject | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return value === undefined || value === null ? undefined : String(value);
}

function fileNameOf(url: string, disposition: string | undefined): string | undefined {
	if (disposition) {
		const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
		if (star) {
			try {
				return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
			} catch {
				// fall through to the plain filename
			}
		}
		const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
		if (plain) return plain[1].trim();
	}
	try {
		const last = new URL(url).pathname.split('/').filter(Boolean).pop();
		return last ? decodeURIComponent(last) : undefined;
	} catch {
		return undefined;
	}
}

class DownloadTooLargeError extends Error {}

interface Readable {
	on(event: 'data', listener: (chunk: Buffer) => void): unknown;
	on(event: 'end' | 'close', listener: () => void): unknown;
	on(event: 'error', listener: (error: Error) => void): unknown;
	destroy(error?: Error): unknown;
}

/** Reads a response stream, giving up (and closing it) past `maxBytes`. */
async function readCapped(body: unknown, maxBytes: number): Promise<Buffer> {
	if (Buffer.isBuffer(body)) {
		if (body.length > maxBytes) throw new DownloadTooLargeError();
		return body;
	}
	const stream = body as Readable;
	return await new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let done = false;
		stream.on('data', (chunk: Buffer) => {
			if (done) return;
			size += chunk.length;
			if (size > maxBytes) {
				done = true;
				stream.destroy();
				reject(new DownloadTooLargeError());
				return;
			}
			chunks.push(Buffer.from(chunk));
		});
		stream.on('end', () => {
			if (done) return;
			done = true;
			resolve(Buffer.concat(chunks));
		});
		stream.on('error', (error: Error) => {
			if (done) return;
			done = true;
			reject(error);
		});
		// aborted by the timeout: the stream closes without 'end'
		stream.on('close', () => {
			if (done) return;
			done = true;
			reject(new Error('The download was interrupted (timeout or connection closed)'));
		});
	});
}

export type DownloadResult = { ok: true; file: DownloadedFile } | { ok: false; reason: 'too-large' };

/**
 * Downloads a URL that passed checkDownloadUrl, without credentials. A NodeApiError on HTTP
 * failures and on the timeout (which covers the whole transfer, not only the first byte).
 */
export async function downloadFile(context: ChatwootContext, url: string, policy: DownloadPolicy): Promise<DownloadResult> {
	const { baseUrl, accessToken } = await getApiCredential(context);
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		timeout: policy.timeoutMs,
		abortSignal: AbortSignal.timeout(policy.timeoutMs),
		sendCredentialsOnCrossOriginRedirect: false,
	};
	const fail = (error: unknown) =>
		toNodeApiError(context.getNode(), readHttpFailure(error), { resource: 'attachment file', baseUrl }, [accessToken]);
	let response: IDataObject;
	try {
		// Plain httpRequest: no credential is attached, on this hop or after any redirect.
		response = (await context.helpers.httpRequest(options)) as IDataObject;
	} catch (error) {
		throw fail(error);
	}
	const headers = response.headers as IDataObject | undefined;
	const declared = Number(header(headers, 'content-length'));
	if (Number.isFinite(declared) && declared > policy.maxBytes) {
		(response.body as Readable | undefined)?.destroy?.();
		return { ok: false, reason: 'too-large' };
	}
	let data: Buffer;
	try {
		data = await readCapped(response.body, policy.maxBytes);
	} catch (error) {
		if (error instanceof DownloadTooLargeError) return { ok: false, reason: 'too-large' };
		throw fail(error);
	}
	const contentType = header(headers, 'content-type')?.split(';')[0].trim();
	return {
		ok: true,
		file: {
			data,
			mimeType: contentType === '' ? undefined : contentType,
			fileName: fileNameOf(url, header(headers, 'content-disposition')),
		},
	};
}
