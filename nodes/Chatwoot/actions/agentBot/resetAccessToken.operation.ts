import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { agentBotLocator } from '../../../shared/descriptions';
import { agentBotItems, agentBotSubject, includeNewSecretsField } from './shared';

const properties: INodeProperties[] = [
	agentBotLocator('agentBotId', 'The agent bot whose access token to replace'),
	{
		displayName:
			"The old access token stops working at once. Every workflow or integration using the old token stops working until it gets the new one.",
		name: 'resetNotice',
		type: 'notice',
		default: '',
	},
	includeNewSecretsField,
];

export const description = updateDisplayOptions({ show: { resource: ['agentBot'], operation: ['resetAccessToken'] } }, properties);

/** `POST /agent_bots/{id}/reset_access_token` (administrators, account bots only; not in Chatwoot's spec): the bot with the new value. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'agentBotId', itemIndex, 'agent bot ID');
	const bot = unwrapRecord(
		await chatwootApiRequest(this, { method: 'POST', path: `/agent_bots/${id}/reset_access_token`, subject: agentBotSubject(id), idempotent: false }),
	);
	return agentBotItems([bot], this.getNodeParameter('includeSecrets', itemIndex, true) as boolean);
}
