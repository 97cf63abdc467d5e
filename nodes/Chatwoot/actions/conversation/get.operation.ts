import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { conversationLocator, simplifyField } from '../../../shared/descriptions';
import { conversationItems, fetchConversation } from './shared';

const properties: INodeProperties[] = [conversationLocator('The conversation to get'), simplifyField];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['get'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	return conversationItems(this, itemIndex, [await fetchConversation(this, conversationId)]);
}
