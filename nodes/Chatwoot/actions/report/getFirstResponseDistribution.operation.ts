import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { keyedRows, rangeFields, readRange, reportRequest } from './shared';

const properties: INodeProperties[] = [...rangeFields()];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getFirstResponseDistribution'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const body = await reportRequest(this, '/reports/first_response_time_distribution', { ...readRange(this, itemIndex) });
	// {"Channel::Api": {"0-1h": 3, "1-4h": 1, …}} → one item per channel type
	return toItems(keyedRows(body, 'channel_type'));
}

export const concurrent = true;
