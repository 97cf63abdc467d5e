import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withoutCredentials } from '../../../shared/helpers/credentials';

/**
 * Chatwoot shows administrators an inbox's credentials (app/views/api/v1/models/_inbox.json.jbuilder):
 * the API channel's webhook signing `secret` and identity-validation `hmac_token`, the web widget's
 * `hmac_token`, e-mail IMAP/SMTP passwords, Twilio's `auth_token`, WhatsApp's `provider_config`. Anyone
 * who can open an execution would see them, so they are left out unless the user asks for them.
 */
export const includeSecretsOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Include Secrets',
			name: 'includeSecrets',
			type: 'boolean',
			default: false,
			description:
				"Whether to output the inbox's credentials as Chatwoot returns them to administrators (the API channel's webhook signing secret and HMAC token, e-mail passwords, provider tokens). Anyone who can open this workflow's executions sees them. Off: they are removed.",
		},
	],
};

export function inboxOutput(context: IExecuteFunctions, itemIndex: number, inbox: IDataObject): IDataObject {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return options.includeSecrets === true ? inbox : withoutCredentials(inbox);
}
