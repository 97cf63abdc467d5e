import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { unwrapList } from '../../../shared/transport';
import { rangeFields, readRange, reportRequest } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'options',
		options: [
			{ name: 'Agent', value: 'agent' },
			{ name: 'Inbox', value: 'inbox' },
			{ name: 'Label', value: 'label' },
			{ name: 'Team', value: 'team' },
		],
		default: 'agent',
		description: 'One item per group that sent messages in the range: ID, name and outgoing message count',
	},
	...rangeFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getOutgoingMessageCounts'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const qs = { group_by: this.getNodeParameter('groupBy', itemIndex) as string, ...readRange(this, itemIndex) };
	return toItems(unwrapList(await reportRequest(this, '/reports/outgoing_messages_count', qs)));
}

export const concurrent = true;
