import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import {
	agentBotItems,
	avatarUrlField,
	botFields,
	descriptionField,
	includeSecretsOption,
	optionIncludeSecrets,
	outgoingUrlField,
} from './shared';

const properties: INodeProperties[] = [
	{
		// Not `name`: n8n's editor offers no $fromAI button for a top-level parameter called name.
		displayName: 'Name',
		name: 'botName',
		type: 'string',
		required: true,
		default: '',
		description: 'The bot name agents and customers see',
	},
	{ ...outgoingUrlField },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [avatarUrlField, descriptionField],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [includeSecretsOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['agentBot'], operation: ['create'] } }, properties);

/** Output: the bot as Chatwoot returns it (`POST /agent_bots`, administrators only), token and secret only on request. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = botFields({
		name: this.getNodeParameter('botName', itemIndex) as string,
		outgoingUrl: (this.getNodeParameter('outgoingUrl', itemIndex, '') as string) || undefined,
		...additional,
	});
	const bot = unwrapRecord(await chatwootApiRequest(this, { method: 'POST', path: '/agent_bots', body }));
	return agentBotItems([bot], optionIncludeSecrets(this, itemIndex));
}
