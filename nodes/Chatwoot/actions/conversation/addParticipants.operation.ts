import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { conversationLocator } from '../../../shared/descriptions';
import { agentIdsField, readAgentIds } from '../inbox/members';
import { changeParticipants } from './participants';

const properties: INodeProperties[] = [conversationLocator(), agentIdsField('Agents to add as participants (they follow the conversation without being its assignee); existing participants stay')];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['addParticipants'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const ids = readAgentIds(this, itemIndex);
	return toItems(await changeParticipants(this, run, conversationId, { add: ids }));
}

export const concurrent = true;
