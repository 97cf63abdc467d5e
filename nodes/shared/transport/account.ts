/**
 * Chatwoot answers `404 {"error":"Resource could not be found"}` both for a record that does not exist and for
 * an account ID that does not exist: `Account.find(params[:account_id])`
 * (app/controllers/concerns/ensure_current_account_helper.rb) raises inside ApplicationController's
 * `around_action :handle_with_exception` (app/controllers/concerns/request_exception_handler.rb), which renders
 * the same 404 as a missing contact. An existing account the user is not a member of answers 401 instead.
 *
 * So after a 404 on an account-scoped request, one look at the token's own accounts (`GET /api/v1/profile` →
 * `accounts[].id`, app/views/api/v1/models/_user.json.jbuilder) tells the two apart: not in the list → the
 * account does not exist. Agent-bot tokens may not read the profile (401 for bots, access_token_auth_helper.rb);
 * then nothing is known and the record keeps the blame. Asked once per execution and account.
 */
export interface AccountCheck {
	/** true: no such account; false: the account exists (the record is what is missing); undefined: unknown. */
	missing?: boolean;
	/** IDs of the accounts the token's user belongs to (not secret), for the hint. */
	memberOf?: number[];
}

type Probe = () => Promise<unknown>;

const checks = new WeakMap<object, Map<string, Promise<AccountCheck>>>();

function readAccounts(profile: unknown): number[] | undefined {
	const accounts = (profile as { accounts?: unknown } | null)?.accounts;
	if (!Array.isArray(accounts)) return undefined;
	return accounts
		.map((a) => Number((a as { id?: unknown } | null)?.id))
		.filter((id) => Number.isInteger(id));
}

/** Whether `accountId` names an account of the token's user; `readProfile` performs `GET /api/v1/profile`. */
export async function checkAccount(context: object, accountId: string, readProfile: Probe): Promise<AccountCheck> {
	let perContext = checks.get(context);
	if (!perContext) {
		perContext = new Map();
		checks.set(context, perContext);
	}
	let pending = perContext.get(accountId);
	if (!pending) {
		pending = readProfile().then(
			(profile) => {
				const memberOf = readAccounts(profile);
				if (memberOf === undefined) return {};
				return { missing: !memberOf.includes(Number(accountId)), memberOf };
			},
			() => ({}),
		);
		perContext.set(accountId, pending);
	}
	return await pending;
}

/** Whether an error thrown by `chatwootApiRequest` says the credential's account does not exist. */
export function isMissingAccountError(error: unknown): boolean {
	const context = (error as { context?: { accountMissing?: unknown } } | null)?.context;
	return context?.accountMissing === true;
}
