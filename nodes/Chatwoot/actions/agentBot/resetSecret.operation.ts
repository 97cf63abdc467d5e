import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { agentBotLocator } from '../../../shared/descriptions';
import { agentBotItems, agentBotSubject, includeNewSecretsField } from './shared';

const properties: INodeProperties[] = [
	agentBotLocator('agentBotId', 'The agent bot whose webhook secret to replace'),
	{
		displayName:
			"The old webhook secret stops working at once. Chatwoot signs the bot's webhook deliveries (X-Chatwoot-Signature) with the new secret from now on (Chatwoot 4.13 and later).",
		name: 'resetNotice',
		type: 'notice',
		default: '',
	},
	includeNewSecretsField,
];

export const description = updateDisplayOptions({ show: { resource: ['agentBot'], operation: ['resetSecret'] } }, properties);

/** `POST /agent_bots/{id}/reset_secret` (administrators, account bots only; not in Chatwoot's spec): the bot with the new value. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'agentBotId', itemIndex, 'agent bot ID');
	const bot = unwrapRecord(
		await chatwootApiRequest(this, { method: 'POST', path: `/agent_bots/${id}/reset_secret`, subject: agentBotSubject(id), idempotent: false }),
	);
	return agentBotItems([bot], this.getNodeParameter('includeSecrets', itemIndex, true) as boolean);
}
