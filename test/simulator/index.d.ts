// Type declarations for the Chatwoot simulator (test/simulator/index.js).
// Records in `sim.db` are stored in a Chatwoot-DB-like snake_case shape; timestamps are epoch MILLISECONDS.

export type ChannelKind = 'api' | 'web_widget' | 'email';
export type ConversationStatus = 'open' | 'resolved' | 'pending' | 'snoozed';
export type MessageType = 'incoming' | 'outgoing' | 'activity' | 'template';
export type Priority = 'low' | 'medium' | 'high' | 'urgent' | null;

export interface AccountRecord { id: number; name: string; locale: string; status: string; domain: string | null; support_email: string | null; custom_attributes: Record<string, unknown>; settings: Record<string, unknown>; features: Record<string, unknown>; created_at: number; updated_at: number; /** transcript knobs (routes-settings.js): false → 402; daily limit → 429 */ email_transcript_enabled?: boolean; email_rate_limit?: number | null }
export interface UserRecord { id: number; name: string; display_name: string | null; email: string; role: 'administrator' | 'agent'; roles: Record<number, 'administrator' | 'agent'>; account_ids: number[]; access_token: string; pubsub_token: string; availability: string; auto_offline: boolean; confirmed: boolean; created_at: number; updated_at: number }
export interface AgentBotRecord { id: number; name: string; description: string | null; outgoing_url: string | null; account_id: number | null; bot_type: string; bot_config: Record<string, unknown>; access_token: string; secret: string; created_at: number; updated_at: number }
export interface InboxRecord {
	id: number; account_id: number; name: string; channel_type: 'Channel::Api' | 'Channel::WebWidget' | 'Channel::Email'; channel_id: number;
	webhook_url: string | null; hmac_mandatory: boolean; hmac_token: string | null; inbox_identifier: string | null; secret: string | null;
	website_url: string | null; website_token: string | null; widget_color: string | null; email: string | null; agent_bot_id: number | null;
	greeting_enabled: boolean; greeting_message: string | null; enable_auto_assignment: boolean; lock_to_single_conversation: boolean; timezone: string;
	created_at: number; updated_at: number; [k: string]: unknown;
}
export interface InboxMemberRecord { id: number; inbox_id: number; user_id: number; created_at: number }
export interface ContactRecord { id: number; account_id: number; name: string; email: string | null; phone_number: string | null; identifier: string | null; blocked: boolean; custom_attributes: Record<string, unknown>; additional_attributes: Record<string, unknown>; labels: string[]; contact_type: string; last_activity_at: number | null; created_at: number; updated_at: number; /** non-enumerable; set by seed.contact({inboxId}) */ readonly contact_inbox?: ContactInboxRecord }
export interface ContactInboxRecord { id: number; contact_id: number; inbox_id: number; source_id: string; hmac_verified: boolean; pubsub_token: string; created_at: number; updated_at: number }
export interface ConversationRecord {
	id: number; display_id: number; account_id: number; inbox_id: number; contact_id: number; contact_inbox_id: number | null; uuid: string;
	status: ConversationStatus; assignee_id: number | null; assignee_agent_bot_id: number | null; team_id: number | null; labels: string[]; priority: Priority;
	custom_attributes: Record<string, unknown>; additional_attributes: Record<string, unknown>; snoozed_until: number | null; muted: boolean;
	agent_last_seen_at: number | null; assignee_last_seen_at: number | null; contact_last_seen_at: number | null; first_reply_created_at: number | null;
	waiting_since: number | null; last_activity_at: number; created_at: number; updated_at: number;
}
export interface MessageRecord {
	id: number; account_id: number; inbox_id: number; /** conversation DB id */ conversation_id: number; conversation_display_id: number;
	content: string | null; message_type: MessageType; content_type: string; content_attributes: Record<string, unknown>; additional_attributes: Record<string, unknown>;
	private: boolean; status: 'sent' | 'delivered' | 'read' | 'failed'; external_error: string | null; source_id: string | null; echo_id: string | null;
	sender_type: 'Contact' | 'User' | 'AgentBot' | null; sender_id: number | null; attachment_ids: number[]; created_at: number; updated_at: number;
}
export interface LabelRecord { id: number; account_id: number; title: string; description: string; color: string; show_on_sidebar: boolean; created_at: number; updated_at: number }
export interface TeamRecord { id: number; account_id: number; name: string; description: string | null; allow_auto_assign: boolean; member_ids: number[]; created_at: number; updated_at: number }
export interface WebhookRecord { id: number; account_id: number; url: string; name: string | null; subscriptions: string[]; inbox_id: number | null; webhook_type: 'account_type'; secret: string; created_at: number; updated_at: number }
export interface AttachmentRecord { id: number; message_id: number; account_id: number; file_type: 'image' | 'audio' | 'video' | 'file'; extension: string | null; content_type: string; filename: string; file_size: number; key: string; data: Buffer; created_at: number }
export interface CustomAttributeDefinitionRecord { id: number; account_id: number; attribute_key: string; attribute_model: 'contact_attribute' | 'conversation_attribute'; attribute_display_name: string; attribute_display_type: string; [k: string]: unknown }

export interface PlatformAppRecord { id: number; name: string; access_token: string; created_at: number; updated_at: number }
export interface PlatformAppPermissibleRecord { id: number; platform_app_id: number; permissible_type: 'Account' | 'User' | 'AgentBot'; permissible_id: number; created_at: number; updated_at: number }

export interface SimDb {
	accounts: AccountRecord[]; users: UserRecord[]; agentBots: AgentBotRecord[]; inboxes: InboxRecord[]; inboxMembers: InboxMemberRecord[];
	contacts: ContactRecord[]; contactInboxes: ContactInboxRecord[]; conversations: ConversationRecord[]; messages: MessageRecord[];
	labels: LabelRecord[]; teams: TeamRecord[]; webhooks: WebhookRecord[]; attachments: AttachmentRecord[]; customAttributeDefinitions: CustomAttributeDefinitionRecord[];
	/** Platform API (routes-platform.js) */
	platformApps: PlatformAppRecord[]; platformAppPermissibles: PlatformAppPermissibleRecord[];
	// automation, reports and help center (routes-automation.js, routes-reports.js, routes-helpcenter.js)
	automationRules: any[]; macros: any[]; campaigns: any[]; reportingEvents: any[]; csatSurveyResponses: any[]; auditLogs: any[];
	portals: any[]; categories: any[]; articles: any[];
	// issue 14 (routes-settings.js): snake_case records, timestamps in epoch ms
	cannedResponses: any[]; notes: any[]; customFilters: any[]; integrationHooks: any[]; conversationParticipants: any[]; transcripts: any[];
}

export interface RequestLogEntry {
	method: string; path: string; query: Record<string, any>;
	/** parsed JSON body, or for multipart { fields, files: [{ fieldName, filename, contentType, size }] } */
	body: any;
	/** HTTP status sent; null when the socket was reset by a fault */
	status: number | null;
	/** request headers (lower-case), api_access_token replaced by '[redacted]' */
	headers: Record<string, string | string[] | undefined>;
	ip: string; at: number; fault?: string; /** where an injected fault struck: before or after the request was handled */ faultWhen?: 'before' | 'after';
}

export interface DeliveryLogEntry {
	id: number; kind: 'account' | 'api_inbox' | 'agent_bot'; url: string; event: string;
	headers: Record<string, string>;
	/** raw JSON string exactly as sent (verify signatures against this) */
	body: string;
	status: number | null; error: string | null; attempts: number; done: boolean;
	webhookId?: number; inboxId?: number; botId?: number; messageId?: number;
}

export interface RateLimitConfig {
	perIpPerMinute?: number; contactSearchPerMinute?: number; conversationsMetaPerMinute?: number; /** window length, default 60000 */ windowMs?: number;
	/** send Retry-After (seconds to the window's end); Chatwoot does not (default false) */
	retryAfterHeader?: boolean;
}
/** Puma-like capacity: at most `threads` requests handled at once, each holding its thread `serviceMs`. */
export interface CapacityConfig { threads: number; serviceMs?: number }
export interface InflightStats { now: number; max: number; routes: Record<string, { max: number; count: number }> }
export type FaultKind = '429' | '500' | '502' | '503' | '504' | 'reset';
export interface FaultConfig { rate: number; kinds?: FaultKind[] | string[]; /** 429s carry no Retry-After unless set (like Chatwoot) */ retryAfterSeconds?: number; /** at most this many faults */ limit?: number; methods?: string[]; pathPattern?: RegExp | string; /** before: nothing written; after: the request is handled, the client gets the fault; either: random per fault (429 always before) */ when?: 'before' | 'after' | 'either'; seed?: number }

export interface SimulatorOptions {
	port?: number; host?: string; latencyMs?: number; rateLimits?: RateLimitConfig | null; faults?: FaultConfig | null; capacity?: CapacityConfig | null;
	/** true (default) = Chatwoot >= 4.12: secrets returned + deliveries signed */
	webhookSecrets?: boolean;
	/** ENABLE_INBOX_EVENTS on the server (default false): inbox_created / inbox_updated are dispatched. */
	inboxEvents?: boolean;
	/** CONVERSATION_MESSAGE_PER_MINUTE_LIMIT (default 200, 0 = off): more messages per conversation per minute → 422. */
	messageFloodLimit?: number;
	/** outgoing webhook timeout, default 5000 */
	webhookTimeoutMs?: number;
	/** agent-bot webhook retry delay (429/500, 3 attempts), default 3000 */
	botRetryDelayMs?: number;
	/** request log cap (oldest 10% dropped when exceeded), default 100000 */
	maxRequestLog?: number;
}

type Obj = Record<string, unknown>;
export interface Seed {
	account(a?: { name?: string; locale?: string; status?: string; apiAccess?: boolean }): AccountRecord;
	user(a: { name?: string; email?: string; role?: 'administrator' | 'agent'; accountIds: number[]; accessToken?: string }): UserRecord;
	agentBot(a: { name?: string; accountId?: number | null; outgoingUrl?: string | null; accessToken?: string; description?: string; inboxIds?: number[] }): AgentBotRecord;
	inbox(a: { accountId: number; name?: string; channelType?: ChannelKind; webhookUrl?: string | null; hmacMandatory?: boolean; memberIds?: number[]; agentBotId?: number | null; websiteUrl?: string; email?: string; /** fixed Client API identifier (api inboxes) */ inboxIdentifier?: string; hmacToken?: string; secret?: string }): InboxRecord;
	inboxMember(a: { inboxId: number; userId: number }): InboxMemberRecord;
	contact(a: { accountId: number; name?: string; email?: string; phone_number?: string; identifier?: string; custom_attributes?: Obj; additional_attributes?: Obj; inboxId?: number; sourceId?: string; labels?: string[]; blocked?: boolean }): ContactRecord;
	contactInbox(a: { contactId: number; inboxId: number; sourceId?: string; hmacVerified?: boolean }): ContactInboxRecord;
	conversation(a: { accountId: number; inboxId: number; contactId?: number; sourceId?: string; status?: ConversationStatus; assigneeId?: number | null; teamId?: number | null; labels?: string[]; priority?: Priority; custom_attributes?: Obj; additional_attributes?: Obj }): ConversationRecord;
	message(a: { accountId: number; conversationId: number; content?: string | null; message_type?: MessageType; private?: boolean; senderType?: 'contact' | 'user' | 'agent_bot'; senderId?: number; content_type?: string; content_attributes?: Obj; attachments?: { filename: string; contentType?: string; data: Buffer | string; fileType?: string; externalUrl?: string }[] }): MessageRecord;
	label(a: { accountId: number; title: string; description?: string; color?: string; showOnSidebar?: boolean }): LabelRecord;
	team(a: { accountId: number; name: string; description?: string | null; memberIds?: number[]; allowAutoAssign?: boolean }): TeamRecord;
	webhook(a: { accountId: number; url: string; subscriptions?: string[]; name?: string | null; inboxId?: number | null; secret?: string }): WebhookRecord;
	/** a Platform App and its token; `owns` adds platform_app_permissibles rows for existing records */
	platformApp(a?: { name?: string; accessToken?: string; owns?: Array<{ type: 'Account' | 'User' | 'AgentBot'; id: number }> }): PlatformAppRecord;
	platformAppPermissible(a: { platformAppId: number; type: 'Account' | 'User' | 'AgentBot'; id: number }): PlatformAppPermissibleRecord;
	customAttribute(a: { accountId: number; attributeKey: string; attributeModel?: 'contact_attribute' | 'conversation_attribute'; displayName?: string; displayType?: string }): CustomAttributeDefinitionRecord;
	// automation, reports and help center (seed-admin.js)
	automationRule(a: { accountId: number; name?: string; description?: string | null; eventName?: string; conditions?: any[]; actions?: any[]; active?: boolean; createdAt?: number }): any;
	macro(a: { accountId: number; name?: string; visibility?: 'personal' | 'global' | null; actions?: any[]; createdById?: number | null }): any;
	reportingEvent(a: { accountId: number; name: string; value?: number; valueInBusinessHours?: number; conversationId?: number | null; inboxId?: number | null; userId?: number | null; createdAt?: number }): any;
	csatSurveyResponse(a: { accountId: number; conversationId: number; rating: number; feedbackMessage?: string | null; assignedAgentId?: number | null; createdAt?: number }): any;
	portal(a: { accountId: number; name?: string; slug: string; color?: string | null; archived?: boolean; config?: { allowed_locales?: string[]; default_locale?: string } }): any;
	category(a: { portalId: number; name?: string; slug?: string; locale?: string; description?: string | null; position?: number }): any;
	article(a: { portalId: number; title?: string; content?: string; description?: string | null; status?: 'draft' | 'published' | 'archived'; categoryId?: number | null; authorId: number; locale?: string; slug?: string; position?: number; updatedAt?: number }): any;
	auditLog(a: { accountId: number; auditableType?: string; auditableId?: number; action?: string; userId?: number | null; username?: string | null; auditedChanges?: any; createdAt?: number }): any;
	many: {
		contacts(accountId: number, n: number, fn?: (i: number) => Partial<Obj> | void): ContactRecord[];
		conversations(accountId: number, inboxId: number, n: number, fn?: (i: number) => Partial<Obj> | void): ConversationRecord[];
		messages(accountId: number, displayId: number, n: number, fn?: (i: number) => Partial<Obj> | void): MessageRecord[];
	};
}

export interface Finders {
	account(pred: (a: AccountRecord) => boolean): AccountRecord | undefined;
	user(predOrEmail: ((u: UserRecord) => boolean) | string): UserRecord | undefined;
	inbox(accountId: number, pred?: (i: InboxRecord) => boolean): InboxRecord | undefined;
	contact(accountId: number, pred?: (c: ContactRecord) => boolean): ContactRecord | undefined;
	contacts(accountId: number, pred?: (c: ContactRecord) => boolean): ContactRecord[];
	contactInbox(contactId: number, inboxId?: number): ContactInboxRecord | undefined;
	conversation(accountId: number, displayIdOrPred: number | ((c: ConversationRecord) => boolean)): ConversationRecord | undefined;
	conversations(accountId: number, pred?: (c: ConversationRecord) => boolean): ConversationRecord[];
	messages(accountId: number, displayId: number): MessageRecord[];
	message(pred: (m: MessageRecord) => boolean): MessageRecord | undefined;
	webhook(accountId: number, pred?: (w: WebhookRecord) => boolean): WebhookRecord | undefined;
	label(accountId: number, title: string): LabelRecord | undefined;
}

export interface CustomerMessageResult { contact: any; source_id: string; conversation: any; message: any }

export interface ChatwootSimulator {
	readonly url: string;
	readonly port: number;
	readonly db: SimDb;
	readonly seed: Seed;
	readonly find: Finders;
	readonly requests: RequestLogEntry[];
	readonly deliveries: DeliveryLogEntry[];
	readonly faultCount: number;
	readonly latencyMs: number;
	/** @internal escape hatches (store with indexes, domain services); shapes may change */
	readonly store: any;
	/** @internal */
	readonly X: any;
	/** injectable clock used for timestamps and rate-limit windows */
	clock: { now: () => number };
	close(): Promise<void>;
	reset(): void;
	clearRequests(): void;
	clearDeliveries(): void;
	/** db without attachment bytes (what GET /__sim/state returns) */
	state(): Omit<SimDb, 'attachments'> & { attachments: Omit<AttachmentRecord, 'data'>[] };
	stats(): { requests: number; faults: number; rateLimited: number };
	setLatency(ms: number): void;
	setRateLimits(cfg: RateLimitConfig | null): void;
	setFaults(cfg: FaultConfig | null): void;
	setCapacity(cfg: CapacityConfig | null): void;
	inflightStats(): InflightStats;
	resetInflight(): void;
	setWebhookSigning(on: boolean): void;
	/** 'enterprise' serves enterprise-only routes (audit logs); 'community' (default) answers them 404. */
	setEdition(edition: 'community' | 'enterprise'): void;
	/** Blob redirects go to `<url>/<key>/<filename>` (a storage service on another host); null = the disk route. */
	setStorageUrl(url: string | null): void;
	setInboxEvents(on: boolean): void;
	flushDeliveries(): Promise<void>;
	customerMessage(a: { inboxId: number; sourceId?: string; contactId?: number; conversationId?: number; content: string; name?: string; email?: string }): CustomerMessageResult;
}

export function startSimulator(options?: SimulatorOptions): Promise<ChatwootSimulator>;
export interface DemoInfo {
	url: string; accountId: number; token: string; agentToken: string; /** Platform App token (Chatwoot Platform node) */ platformToken: string; adminId: number; agentId: number;
	apiInboxId: number; widgetInboxId: number; inbox_identifier: string; hmac_token: string;
	inboxIds: { api: number; web_widget: number }; teamId: number;
}
/** Seeds the demo data set (1 account "Acme Support", admin + agent with fixed tokens, API + widget inbox, 3 labels, 1 team, 20 contacts, 8 conversations). */
export function seedDemo(sim: ChatwootSimulator): DemoInfo;
/** sha256=<hex HMAC_SHA256(secret, `${timestamp}.${rawBody}`)> === signatureHeader */
export function verifySignature(secret: string, timestamp: string, rawBody: string, signatureHeader: string): boolean;
export class HttpError extends Error { status: number; body: unknown; headers: Record<string, string> }
