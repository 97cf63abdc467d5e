import type { IHttpRequestMethods } from 'n8n-workflow';

/**
 * What an agent-bot access token may call: Chatwoot's `AccessTokenAuthHelper::BOT_ACCESSIBLE_ENDPOINTS`
 * (app/controllers/concerns/access_token_auth_helper.rb, f66b551c), checked by `validate_bot_access_token!` in
 * `Api::BaseController` before every action. Anything else answers 401 "Access to this endpoint is not
 * authorized for bots". Here as account-scoped method + path patterns (config/routes.rb), so a request can be
 * refused before it is sent.
 */
const BOT_ACCESSIBLE: Array<{ methods: IHttpRequestMethods[]; path: RegExp; endpoint: string }> = [
	{ methods: ['GET'], path: /^\/conversations\/\d+$/, endpoint: 'conversations#show' },
	{ methods: ['PATCH', 'PUT'], path: /^\/conversations\/\d+$/, endpoint: 'conversations#update' },
	{ methods: ['POST'], path: /^\/conversations$/, endpoint: 'conversations#create' },
	{ methods: ['POST'], path: /^\/conversations\/\d+\/toggle_status$/, endpoint: 'conversations#toggle_status' },
	{ methods: ['POST'], path: /^\/conversations\/\d+\/toggle_typing_status$/, endpoint: 'conversations#toggle_typing_status' },
	{ methods: ['POST'], path: /^\/conversations\/\d+\/toggle_priority$/, endpoint: 'conversations#toggle_priority' },
	{ methods: ['POST'], path: /^\/conversations\/\d+\/custom_attributes$/, endpoint: 'conversations#custom_attributes' },
	{ methods: ['POST'], path: /^\/conversations\/\d+\/messages$/, endpoint: 'conversations/messages#create' },
	{ methods: ['POST'], path: /^\/conversations\/\d+\/assignments$/, endpoint: 'conversations/assignments#create' },
	{ methods: ['GET', 'POST'], path: /^\/conversations\/\d+\/labels$/, endpoint: 'conversations/labels#index,create' },
];

/** What a bot token may do, in words, for error messages and the README. */
export const BOT_ALLOWED_SUMMARY =
	'get, create and update conversations, set their status, priority, typing indicator and custom attributes, send messages, assign, and read or set labels';

/** Whether Chatwoot lets an agent-bot token make this account-scoped request (`path` below /api/v1/accounts/{id}). */
export function botMayCall(method: IHttpRequestMethods, path: string, scope: string = 'account'): boolean {
	if (scope !== 'account') return false;
	const bare = path.split('?')[0];
	return BOT_ACCESSIBLE.some((rule) => rule.methods.includes(method) && rule.path.test(bare));
}
