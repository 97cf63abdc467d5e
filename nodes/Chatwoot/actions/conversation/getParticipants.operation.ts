import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { conversationLocator, returnAllOrLimit } from '../../../shared/descriptions';
import { limitedItems } from '../../helpers/records';
import { listParticipants } from './participants';

const properties: INodeProperties[] = [conversationLocator(), ...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['getParticipants'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	return limitedItems(this, itemIndex, await listParticipants(this, conversationId));
}

export const concurrent = true;
