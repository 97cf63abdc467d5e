import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { agentBotLocator, inboxLocator } from '../shared/descriptions';
import { ACCOUNT_EVENTS, AGENT_BOT_EVENTS, API_INBOX_EVENTS } from './filters';

const EVENT_INFO: Record<string, { name: string; description: string }> = {
	contact_created: { name: 'Contact Created', description: 'A contact was created' },
	contact_updated: {
		name: 'Contact Updated',
		description:
			'A contact was changed. Chatwoot also sends this after every message a contact sends (last activity); see Options → Ignore Contact Activity Updates.',
	},
	conversation_created: { name: 'Conversation Created', description: 'A conversation was started' },
	conversation_opened: { name: 'Conversation Opened', description: 'A conversation was opened, e.g. handed off by the bot (agent bots only)' },
	conversation_resolved: { name: 'Conversation Resolved', description: 'A conversation was resolved (agent bots only)' },
	conversation_status_changed: {
		name: 'Conversation Status Changed',
		description: 'A conversation was opened, resolved, set pending or snoozed',
	},
	conversation_typing_off: { name: 'Conversation Typing Off', description: 'Someone stopped typing in a conversation' },
	conversation_typing_on: { name: 'Conversation Typing On', description: 'Someone started typing in a conversation' },
	conversation_updated: {
		name: 'Conversation Updated',
		description: 'A conversation changed (assignee, team, labels, attributes, priority…)',
	},
	inbox_created: {
		name: 'Inbox Created',
		description:
			'An inbox was created. Chatwoot sends this only when its server sets ENABLE_INBOX_EVENTS; channel credentials (secrets, tokens, passwords) are removed from the payload.',
	},
	inbox_updated: {
		name: 'Inbox Updated',
		description:
			'An inbox was changed. Chatwoot sends this only when its server sets ENABLE_INBOX_EVENTS; channel credentials (secrets, tokens, passwords) are removed from the payload.',
	},
	message_created: { name: 'Message Created', description: 'A message or private note was posted' },
	message_updated: { name: 'Message Updated', description: 'A message was edited, its status changed or a form was answered' },
	webwidget_triggered: { name: 'Web Widget Triggered', description: 'A visitor opened the website live-chat widget' },
};

/** The API inbox of the API Inbox Callback source: its list shows API-channel inboxes only (the others have no callback URL). */
function apiInboxLocator(): INodeProperties {
	const base = inboxLocator('The API inbox whose callback URL this trigger uses. Only inboxes of the API channel have one.');
	return {
		...base,
		modes: base.modes!.map((mode) =>
			mode.name === 'list' ? { ...mode, typeOptions: { ...mode.typeOptions, searchListMethod: 'searchApiInboxes' } } : mode,
		),
	};
}

/** Under Events: the loop guard is on by default but sits in Options, so say what it drops (issue 17). */
const LOOP_GUARD_HINT =
	"Messages sent with this credential's token, also those its user types in Chatwoot, start nothing unless you turn off Options → Ignore Messages From This Credential";

function eventOptions(events: readonly string[]): INodePropertyOptions[] {
	return events.map((value) => ({ ...EVENT_INFO[value], value })).sort((a, b) => a.name.localeCompare(b.name));
}

export const properties: INodeProperties[] = [
	{
		// The one thing that fails silently; the rest is in the fields and README → Chatwoot Trigger.
		displayName: `Chatwoot sends no events to private addresses (localhost, 192.168.x, Docker) unless its server sets SAFE_FETCH_ALLOW_PRIVATE_NETWORK=true. <a href="https://github.com/n8n-nodes-chatwoot-suite/n8n-nodes-chatwoot-suite#chatwoot-trigger" target="_blank">Setup, signatures and filters</a>`,
		name: 'privateNetworkNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Account Webhook',
				value: 'accountWebhook',
				description:
					"An account-wide webhook, created and removed with this workflow; every event type is available. Managing webhooks needs an administrator's access token.",
			},
			{
				name: 'Agent Bot',
				value: 'agentBot',
				description:
					"An agent bot's outgoing URL, the bot connected to the chosen inboxes while this workflow is active: Chatwoot's own mechanism for bots and AI agents",
			},
			{
				name: 'API Inbox Callback',
				value: 'apiInbox',
				description:
					"Set the callback (webhook) URL of one API inbox to this workflow while it is active (or listening for a test event); the previous URL is restored afterwards. Managing it needs an administrator's access token.",
			},
		],
		default: 'accountWebhook',
	},
	{
		displayName:
			"While this workflow is active the agent bot's outgoing URL points to n8n and the bot is connected to the chosen inboxes (new conversations there start as Pending until the bot hands them off); when it stops, the bot's previous URL and each inbox's previous bot are restored, and a bot the trigger created is deleted. To reply as the bot, use a Chatwoot credential with the bot's access token.",
		name: 'agentBotNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['agentBot'] } },
	},
	{
		displayName: 'Agent Bot',
		name: 'agentBotMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Create a Bot', value: 'create', description: 'A bot named after this workflow, deleted when it stops' },
			{
				name: 'Use an Existing Bot',
				value: 'existing',
				description: "One of the account's bots (Settings → Bots); its outgoing URL is restored when the workflow stops",
			},
		],
		default: 'create',
		displayOptions: { show: { source: ['agentBot'] } },
	},
	{
		...agentBotLocator('agentBotId', 'The bot whose outgoing URL this trigger uses'),
		displayOptions: { show: { source: ['agentBot'], agentBotMode: ['existing'] } },
	},
	{
		displayName: 'Inbox Names or IDs',
		name: 'inboxIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getInboxes' },
		required: true,
		default: [],
		description:
			'The inboxes to connect the bot to (any channel); it replaces the bot an inbox had, until the workflow stops. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { source: ['agentBot'] } },
	},
	{
		...apiInboxLocator(),
		displayOptions: { show: { source: ['apiInbox'] } },
	},
	{
		...inboxLocator('Only events of this inbox start the workflow. Leave empty for every inbox. Contact and inbox events carry no inbox and are not filtered by it.'),
		required: false,
		displayOptions: { show: { source: ['accountWebhook'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: eventOptions(ACCOUNT_EVENTS),
		default: ['message_created'],
		description: 'The events that start the workflow; the webhook subscribes to exactly these',
		hint: LOOP_GUARD_HINT,
		displayOptions: { show: { source: ['accountWebhook'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: eventOptions(API_INBOX_EVENTS),
		default: ['message_created'],
		description:
			"The events that start the workflow. Chatwoot sends an API inbox's conversation, message and typing events to its callback URL without subscriptions; this only filters what starts the workflow.",
		hint: LOOP_GUARD_HINT,
		displayOptions: { show: { source: ['apiInbox'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: eventOptions(AGENT_BOT_EVENTS),
		default: ['message_created'],
		description:
			'The events that start the workflow (Chatwoot sends a bot these, for its inboxes and the conversations assigned to it; no subscriptions)',
		displayOptions: { show: { source: ['agentBot'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Accept Unsigned Deliveries (Insecure)',
				name: 'acceptUnsigned',
				type: 'boolean',
				default: false,
				description:
					'Whether to run on deliveries without a signature, for Chatwoot versions that do not sign (account webhooks before 4.12.0, API inbox callbacks and agent bots before 4.13.0). Insecure: anyone who learns the webhook URL can start the workflow with a forged event. Once Chatwoot has shown a secret or sent one signed delivery, unsigned deliveries are refused again regardless.',
			},
			{
				displayName: 'Conversation Statuses',
				name: 'conversationStatuses',
				type: 'multiOptions',
				options: [
					{ name: 'Open', value: 'open' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Resolved', value: 'resolved' },
					{ name: 'Snoozed', value: 'snoozed' },
				],
				default: [],
				description:
					'Only events about conversations in one of these statuses start the workflow (after the change, for status changes). Empty means every status.',
			},
			{
				displayName: 'Ignore Contact Activity Updates',
				name: 'ignoreContactActivity',
				type: 'boolean',
				default: true,
				description:
					"Whether to drop Contact Updated events that only change the contact's last activity time. Chatwoot sends one after every message a contact sends.",
			},
			{
				displayName: 'Ignore Messages From This Credential',
				name: 'ignoreOwnMessages',
				type: 'boolean',
				default: true,
				description:
					"Whether to drop messages and typing events of the credential's own user, so a workflow that replies never triggers itself. Chatwoot cannot tell messages this user typed in Chatwoot apart from those n8n sent with the token.",
			},
			{
				displayName: 'Include Private Notes',
				name: 'includePrivate',
				type: 'boolean',
				default: false,
				description: 'Whether private notes (and private typing) start the workflow; Chatwoot sends them as outgoing messages',
			},
			{
				displayName: 'Label Names or IDs',
				name: 'labels',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getLabels' },
				default: [],
				description:
					'Only events about conversations with at least one of these labels start the workflow. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Message Types',
				name: 'messageTypes',
				type: 'multiOptions',
				options: [
					{ name: 'Incoming', value: 'incoming', description: 'Sent by the contact' },
					{ name: 'Outgoing', value: 'outgoing', description: 'Sent by an agent, a bot or an automation' },
					{ name: 'Template', value: 'template', description: 'Template messages (e.g. WhatsApp templates, CSAT)' },
				],
				default: [],
				description: 'Only messages of these types start the workflow. Empty means every type.',
			},
			{
				displayName: 'Sender Types',
				name: 'senderTypes',
				type: 'multiOptions',
				options: [
					{ name: 'Agent', value: 'user' },
					{ name: 'Agent Bot', value: 'agent_bot' },
					{ name: 'Contact', value: 'contact' },
				],
				default: [],
				description: 'Only messages (and typing events) of these senders start the workflow. Empty means every sender.',
			},
			{
				displayName: 'Signature Tolerance (Seconds)',
				name: 'signatureTolerance',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3600 },
				default: 300,
				description:
					"Every delivery must carry Chatwoot's signature (X-Chatwoot-Signature, made with the secret of the webhook or API inbox, which this node fetches from Chatwoot and never stores in the workflow): a forged, altered, stale or repeated delivery is answered 401 and starts nothing. Chatwoot signs account webhooks from 4.12.0 and API inbox callbacks from 4.13.0. This is how far a delivery's X-Chatwoot-Timestamp may be from n8n's clock before it is refused as stale: 1 to 3600 seconds (0 or an empty value means 300; the check cannot be turned off). Signatures are remembered for twice this time, so a captured delivery cannot be replayed.",
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: false,
				description:
					'Whether to return a flat summary (event, account, inbox, conversation, message, sender, contact, attachments, labels, ISO times) instead of the payload as Chatwoot sends it',
			},
		],
	},
];
