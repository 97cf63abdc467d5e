import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../shared/helpers/items';

/** Inbox settings shared by inbox.create (additionalFields) and inbox.update (updateFields). Sorted by display name. */
export const inboxSettingFields: INodeProperties[] = [
	{
		displayName: 'Allow Messages After Resolved',
		name: 'allowMessagesAfterResolved',
		type: 'boolean',
		default: true,
		description: 'Whether contacts may keep writing in a resolved conversation (instead of starting a new one)',
	},
	{
		displayName: 'Enable Auto Assignment',
		name: 'enableAutoAssignment',
		type: 'boolean',
		default: true,
		description: 'Whether new conversations are assigned to the inbox agents automatically',
	},
	{
		displayName: 'Enable CSAT Survey',
		name: 'csatSurveyEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether contacts get a satisfaction survey when a conversation is resolved',
	},
	{
		displayName: 'Greeting Enabled',
		name: 'greetingEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether Chatwoot sends the greeting message when a contact starts a conversation',
	},
	{
		displayName: 'Greeting Message',
		name: 'greetingMessage',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'The greeting sent when "Greeting Enabled" is on',
	},
	{
		displayName: 'HMAC Mandatory',
		name: 'hmacMandatory',
		type: 'boolean',
		default: false,
		description:
			'Whether contacts created through the Client API must prove their identifier with an identifier_hash (API-channel inboxes)',
	},
	{
		displayName: 'Lock to Single Conversation',
		name: 'lockToSingleConversation',
		type: 'boolean',
		default: false,
		description: 'Whether a contact keeps one conversation in this inbox instead of getting a new one after resolution',
	},
	{
		displayName: 'Timezone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/Berlin',
		description: 'Timezone of the business hours (an IANA name)',
	},
];

/** Turns the chosen settings into Chatwoot's inbox body (channel fields nested under `channel`). */
export function inboxBody(fields: IDataObject, channel: IDataObject): IDataObject {
	const body = compact({
		name: typeof fields.name === 'string' ? fields.name.trim() : undefined,
		greeting_enabled: fields.greetingEnabled,
		greeting_message: fields.greetingMessage,
		enable_auto_assignment: fields.enableAutoAssignment,
		csat_survey_enabled: fields.csatSurveyEnabled,
		allow_messages_after_resolved: fields.allowMessagesAfterResolved,
		lock_to_single_conversation: fields.lockToSingleConversation,
		timezone: fields.timezone,
	});
	const channelBody = compact({
		...channel,
		webhook_url: typeof fields.callbackUrl === 'string' ? fields.callbackUrl.trim() : undefined,
		hmac_mandatory: fields.hmacMandatory,
	});
	if (Object.keys(channelBody).length) body.channel = channelBody;
	return body;
}
