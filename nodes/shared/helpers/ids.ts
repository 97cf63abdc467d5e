/**
 * Reading a Chatwoot ID the way people paste it: `42`, ` 42 `, `#42` (how Chatwoot's UI shows conversation
 * numbers) or an address copied from Chatwoot's browser tab. Every mode of every resource locator accepts all
 * of them, because n8n keeps a value when the user switches mode (From List → By URL → By ID leaves the URL).
 *
 * Where Chatwoot's web UI puts each ID in its addresses (app/javascript/dashboard/routes/…):
 * `accounts/:accountId/contacts/:contactId`; `…/conversations/:conversation_id`, also below
 * `inbox/:inbox_id/`, `label/:label/`, `team/:teamId/`; `…/inbox/:inbox_id` and `…/settings/inboxes/:inboxId`;
 * `…/team/:teamId` and `…/settings/teams/:teamId/edit`; a message link is its conversation's address with
 * `?messageId=` (modules/conversations/components/MessageContextMenu.vue).
 */

/** URL path segments that precede each kind of ID, keyed by the parameter's name. */
const URL_SEGMENTS: Record<string, string[]> = {
	contactId: ['contacts'],
	mergeeContactId: ['contacts'],
	conversationId: ['conversations'],
	inboxId: ['inboxes', 'inbox'],
	teamId: ['teams', 'team'],
	macroId: ['macros'],
	// saved conversation filters open at `…/custom_view/:id`
	customFilterId: ['custom_view'],
	// Platform node: `…/app/accounts/:accountId/…`, Super Admin's `/super_admin/accounts/:id`, `/agent_bots/:id`, `/users/:id`
	accountId: ['accounts'],
	agentBotId: ['agent_bots'],
	userId: ['users'],
};

/** The ID kinds whose address carries them as a query parameter. */
const URL_QUERY: Record<string, string> = {
	messageId: 'messageId',
};

/** The parameter's own name: `additionalFields.inboxId` → `inboxId`. */
function baseName(parameterName: string): string {
	return parameterName.split('.').pop() ?? parameterName;
}

/** The URL path segments that hold the ID of this parameter (empty when Chatwoot's UI has no address for it). */
export function urlSegmentsFor(parameterName: string): string[] {
	return URL_SEGMENTS[baseName(parameterName)] ?? [];
}

function fromUrl(text: string, parameterName: string): string | undefined {
	if (!text.includes('/') || /\s/.test(text)) return undefined;
	// Also without a scheme (`chat.example.com/app/…`) or as a path (`/app/accounts/1/contacts/7`).
	const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('/') ? text : `http://${text}`;
	let url: URL;
	try {
		url = new URL(absolute, 'http://relative.invalid');
	} catch {
		return undefined;
	}
	const query = URL_QUERY[baseName(parameterName)];
	if (query) {
		const value = url.searchParams.get(query)?.trim();
		return value && /^\d+$/.test(value) ? value : undefined;
	}
	const parts = url.pathname.split('/').filter((part) => part !== '');
	const segments = urlSegmentsFor(parameterName);
	// The last match wins: `inbox/3/conversations/42` is conversation 42 of inbox 3.
	for (let i = parts.length - 2; i >= 0; i--) {
		if (segments.includes(parts[i]) && /^\d+$/.test(parts[i + 1])) return parts[i + 1];
	}
	return undefined;
}

/**
 * The numeric ID in what the user entered, or undefined when there is none. `raw` is a plain value or a
 * resource locator's `{ mode, value }`; the mode does not matter.
 */
export function parseChatwootId(raw: unknown, parameterName: string): number | undefined {
	const value = raw !== null && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
	if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
	const text = String(value ?? '').trim();
	const plain = /^#?\s*(\d+)$/.exec(text);
	const digits = plain ? plain[1] : fromUrl(text, parameterName);
	if (digits === undefined) return undefined;
	const id = Number(digits);
	return Number.isSafeInteger(id) ? id : undefined;
}

/**
 * The editor-side check of a locator mode: the same forms parseChatwootId accepts (a number, `#42`, spaces,
 * or an address with `/<segment>/<number>`), so switching modes never turns a good value into an error.
 * n8n's editor anchors it itself (`^${regex}$`, NodeHelpers.validateResourceLocatorParameter).
 */
export function idValidationRegex(segments: string[]): string {
	const plain = '\\s*#?\\s*\\d+\\s*';
	if (!segments.length) return `(?:${plain})`;
	return `(?:${plain}|\\s*\\S*/(?:${segments.join('|')})/\\d+(?:[/?#]\\S*)?\\s*)`;
}

/** n8n's extractValue for a "By URL" mode (exactly one group): the same forms as above. */
export function idExtractRegex(segments: string[]): string {
	return `(?:^\\s*#?\\s*|/(?:${segments.join('|')})/)(\\d+)`;
}
