import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { conversationLocator } from '../../../shared/descriptions';
import { agentIdsField, readAgentIds } from '../inbox/members';
import { changeParticipants } from './participants';

const properties: INodeProperties[] = [conversationLocator(), agentIdsField('Agents to remove from the participants; the others stay')];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['removeParticipants'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const ids = readAgentIds(this, itemIndex);
	return toItems(await changeParticipants(this, run, conversationId, { remove: ids }));
}

export const concurrent = true;
