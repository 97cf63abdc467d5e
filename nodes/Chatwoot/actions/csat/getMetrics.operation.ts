import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { csatFilters, csatQuery } from './shared';

const properties: INodeProperties[] = [csatFilters];

export const description = updateDisplayOptions({ show: { resource: ['csat'], operation: ['getMetrics'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const body = await chatwootApiRequest(this, {
		method: 'GET',
		path: '/csat_survey_responses/metrics',
		qs: csatQuery(this, itemIndex),
		subject: { resource: 'CSAT metrics' },
	});
	const metrics = unwrapRecord(body);
	const total = Number(metrics.total_count ?? 0);
	const sent = Number(metrics.total_sent_messages_count ?? 0);
	// Response rate, as Chatwoot's CSAT report page shows it (responses per survey sent).
	return toItems({ ...metrics, response_rate: sent > 0 ? Math.round((total / sent) * 10000) / 100 : null });
}

export const concurrent = true;
