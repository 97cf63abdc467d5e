/**
 * Chatwoot base URLs arrive in many shapes: copied from the browser (`/app/accounts/1/dashboard`),
 * from API docs (`/api/v1`), with trailing slashes or whitespace. Requests and webhook-URL
 * comparisons all go through this one normaliser.
 */
export class InvalidBaseUrlError extends Error {}

export function normaliseBaseUrl(raw: unknown): string {
	const value = String(raw ?? '').trim();
	if (value === '') {
		throw new InvalidBaseUrlError(
			'The Chatwoot URL in the credential is empty. Enter the address of your Chatwoot, for example https://app.chatwoot.com.',
		);
	}
	const match = /^(https?:\/\/[^/?#\s]+)([^?#]*)/i.exec(value);
	if (!match) {
		throw new InvalidBaseUrlError(
			`The Chatwoot URL "${value}" must start with http:// or https:// (for example https://app.chatwoot.com).`,
		);
	}
	const origin = match[1].replace(/\/+$/, '');
	let path = match[2].replace(/\/+$/, '');
	// Keep sub-path installs (https://example.com/chatwoot) but drop anything Chatwoot adds itself
	// (/app/…, /api/v1, /public/api/v1, /platform/api/v1).
	path = path.replace(/\/(?:app|api|public|platform\/api)(?:\/.*)?$/i, '').replace(/\/+$/, '');
	return origin + path;
}

/** Compares two webhook URLs the way Chatwoot would treat them as the same endpoint. */
export function sameUrl(a: string | undefined | null, b: string | undefined | null): boolean {
	if (!a || !b) return false;
	const clean = (u: string) => u.trim().replace(/\/+$/, '').toLowerCase();
	return clean(a) === clean(b);
}
