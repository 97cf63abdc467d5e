import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { unwrapList, unwrapRecord } from '../../../shared/transport';
import { reportRequest } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Count For',
		name: 'countFor',
		type: 'options',
		options: [
			{ name: 'Account', value: 'account', description: 'One item: open, unattended and unassigned conversations right now' },
			{ name: 'Each Agent', value: 'agent', description: 'One item per agent: their open and unattended conversations right now' },
		],
		default: 'account',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getConversationCounts'] } }, properties);

/** Chatwoot pages the per-agent list by 25 (V2::ReportBuilder::AGENT_RESULTS_PER_PAGE). */
const AGENTS_PER_PAGE = 25;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const type = this.getNodeParameter('countFor', itemIndex) as string;
	if (type === 'account') return toItems(unwrapRecord(await reportRequest(this, '/reports/conversations', { type })));
	const agents: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const rows = unwrapList(await reportRequest(this, '/reports/conversations', { type, page }));
		agents.push(...rows);
		if (rows.length < AGENTS_PER_PAGE) break;
	}
	return toItems(agents);
}

export const concurrent = true;
