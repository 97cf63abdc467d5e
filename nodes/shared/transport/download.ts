import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { readHttpFailure, toNodeApiError } from './errors';
import { API_CREDENTIAL, getApiCredential } from './request';
import type { ChatwootContext } from './request';

export interface DownloadedFile {
	data: Buffer;
	/** Content-Type the server sent, without parameters. */
	mimeType?: string;
	/** File name from Content-Disposition or the URL's last path segment. */
	fileName?: string;
}

function originOf(url: string): string | undefined {
	try {
		return new URL(url).origin.toLowerCase();
	} catch {
		return undefined;
	}
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

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (typeof body === 'string') return Buffer.from(body, 'binary');
	return Buffer.from(JSON.stringify(body ?? ''));
}

/**
 * Downloads a file Chatwoot links to (an attachment's `data_url`). A URL on the Chatwoot
 * instance itself is fetched with the credential; any other origin (S3, a CDN) is fetched
 * without it, so the access token never leaves the Chatwoot host, not even on a redirect.
 */
export async function downloadFile(context: ChatwootContext, url: string): Promise<DownloadedFile> {
	const credential = await getApiCredential(context);
	const sameOrigin = originOf(url) !== undefined && originOf(url) === originOf(credential.baseUrl);
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	let response: IDataObject;
	try {
		response = sameOrigin
			? ((await context.helpers.httpRequestWithAuthentication.call(context, API_CREDENTIAL, options)) as IDataObject)
			: ((await context.helpers.httpRequest(options)) as IDataObject);
	} catch (error) {
		throw toNodeApiError(context.getNode(), readHttpFailure(error), { resource: 'attachment file', baseUrl: credential.baseUrl }, [
			credential.accessToken,
		]);
	}
	const headers = response.headers as IDataObject | undefined;
	const contentType = header(headers, 'content-type')?.split(';')[0].trim();
	return {
		data: toBuffer(response.body),
		mimeType: contentType === '' ? undefined : contentType,
		fileName: fileNameOf(url, header(headers, 'content-disposition')),
	};
}
