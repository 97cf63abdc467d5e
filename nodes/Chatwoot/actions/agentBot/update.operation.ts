import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { agentBotLocator } from '../../../shared/descriptions';
import {
	agentBotItems,
	agentBotSubject,
	avatarUrlField,
	botFields,
	descriptionField,
	includeSecretsOption,
	optionIncludeSecrets,
	outgoingUrlField,
} from './shared';

const properties: INodeProperties[] = [
	agentBotLocator('agentBotId', 'The agent bot to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			avatarUrlField,
			descriptionField,
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The bot name agents and customers see' },
			outgoingUrlField,
		],
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

export const description = updateDisplayOptions({ show: { resource: ['agentBot'], operation: ['update'] } }, properties);

export const concurrent = true;

/** `PATCH /agent_bots/{id}` changes only the fields sent; system bots are not the account's to change (404). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'agentBotId', itemIndex, 'agent bot ID');
	const body = botFields(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: 'Add at least one field under Update Fields.',
		});
	}
	const bot = unwrapRecord(
		await chatwootApiRequest(this, { method: 'PATCH', path: `/agent_bots/${id}`, body, subject: agentBotSubject(id) }),
	);
	return agentBotItems([bot], optionIncludeSecrets(this, itemIndex));
}
