/**
 * Signing secrets, in memory only (security review, finding 5). Static data holds just the
 * webhook or inbox ID; each n8n process (main, or a queue-mode webhook process) fetches the secret
 * with the credential on its first delivery and keeps it here. A signature that does not match
 * may mean the secret was reset in Chatwoot (Settings → Inboxes → Reset secret): the secret is
 * fetched again, at most once a minute per registration, so forged deliveries cannot turn into a
 * flood of API calls.
 */
export const REFETCH_INTERVAL_MS = 60_000;
const MAX_ENTRIES = 1000;

export interface SecretEntry {
	/** undefined: Chatwoot has no secret for this registration (a version that does not sign it). */
	secret?: string;
	fetchedAt: number;
}

export type SecretFetcher = () => Promise<string | undefined>;

const entries = new Map<string, SecretEntry>();
const pending = new Map<string, Promise<SecretEntry>>();

function store(key: string, entry: SecretEntry): SecretEntry {
	entries.delete(key);
	entries.set(key, entry);
	while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
	return entry;
}

async function fetchOnce(key: string, fetch: SecretFetcher, nowMs: number): Promise<SecretEntry> {
	let running = pending.get(key);
	if (!running) {
		running = fetch()
			.then((secret) => store(key, { secret, fetchedAt: nowMs }))
			.finally(() => pending.delete(key));
		pending.set(key, running);
	}
	return await running;
}

/** What this process knows, fetching it on first use. Throws when Chatwoot cannot be asked. */
export async function knownSecret(key: string, fetch: SecretFetcher, nowMs: number): Promise<SecretEntry> {
	return entries.get(key) ?? (await fetchOnce(key, fetch, nowMs));
}

/** Fetches again when the last fetch is older than a minute; otherwise undefined (nothing new to try). */
export async function refreshedSecret(key: string, fetch: SecretFetcher, nowMs: number): Promise<SecretEntry | undefined> {
	const entry = entries.get(key);
	if (entry && nowMs - entry.fetchedAt < REFETCH_INTERVAL_MS) return undefined;
	return await fetchOnce(key, fetch, nowMs);
}

/** Activation already has the secret in hand: the process that activated needs no extra request. */
export function rememberSecret(key: string, secret: string | undefined, nowMs: number): void {
	store(key, { secret, fetchedAt: nowMs });
}

export function forgetSecret(key: string): void {
	entries.delete(key);
}

/** For tests: behave like a freshly started process. */
export function resetSecretCache(): void {
	entries.clear();
	pending.clear();
}
