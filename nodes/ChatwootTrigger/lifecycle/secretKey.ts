import { getApiCredential } from '../../shared/transport';
import { forgetSecret, rememberSecret } from '../secrets';
import type { Context } from './state';

/** One cache entry per Chatwoot record: the same webhook or inbox has the same secret for every workflow. */
export function secretKeyFor(baseUrl: string, accountId: string | number, recordId: string): string {
	return `${baseUrl.toLowerCase()}|${String(accountId)}|${recordId}`;
}

export async function secretKey(context: Context, recordId: string): Promise<string> {
	const { baseUrl, accountId } = await getApiCredential(context);
	return secretKeyFor(baseUrl, accountId, recordId);
}

export async function rememberSecretOf(context: Context, recordId: string, secret: string | undefined): Promise<void> {
	rememberSecret(await secretKey(context, recordId), secret, Date.now());
}

export async function forgetSecretOf(context: Context, recordId: string): Promise<void> {
	forgetSecret(await secretKey(context, recordId));
}
