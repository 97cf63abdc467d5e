import type { IDataObject } from 'n8n-workflow';

/**
 * Names of fields that hold a credential in Chatwoot's inbox and channel records: the API channel's
 * `secret` (webhook signing) and `hmac_token` (identity validation), e-mail `imap_password` /
 * `smtp_password` and OAuth tokens in `provider_config`, Twilio `auth_token` / `api_key_secret`,
 * Facebook/Instagram/TikTok `*access_token`, Telegram `bot_token`, Line `line_channel_secret` /
 * `line_channel_token`, WhatsApp `provider_config.api_key` (columns listed in app/models/channel/*.rb,
 * rendered for administrators by app/views/api/v1/models/_inbox.json.jbuilder and, as the raw channel
 * row, in inbox_created/inbox_updated webhooks: app/presenters/inbox/event_data_presenter.rb).
 */
const CREDENTIAL_KEY = /secret|password|token|api_key|access_key|private_key/i;

/** Public by design: the web widget's token is embedded in every page that shows the widget. */
const PUBLIC_KEYS = new Set(['website_token', 'web_widget_script']);

export function isCredentialKey(key: string): boolean {
	return CREDENTIAL_KEY.test(key) && !PUBLIC_KEYS.has(key);
}

/**
 * A copy without credential fields (string values under a credential-like name), at any depth.
 * Flags such as `has_api_key_secret: true` stay. Returns the names removed.
 */
export function withoutCredentials<T>(value: T, removed: string[] = [], path = ''): T {
	if (Array.isArray(value)) return value.map((v, i) => withoutCredentials(v, removed, `${path}[${i}]`)) as T;
	if (value === null || typeof value !== 'object') return value;
	const out: IDataObject = {};
	for (const [key, inner] of Object.entries(value as IDataObject)) {
		const name = path ? `${path}.${key}` : key;
		if (isCredentialKey(key) && (typeof inner === 'string' || inner === null)) {
			if (typeof inner === 'string' && inner !== '') removed.push(name);
			continue;
		}
		out[key] = withoutCredentials(inner, removed, name);
	}
	return out as T;
}
