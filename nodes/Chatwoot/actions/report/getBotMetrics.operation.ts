import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { rangeFields, readRange, readScope, reportRequest, scopeFields } from './shared';

/*
 * Chatwoot has two bot reports with different answers (app/controllers/api/v2/accounts/reports_controller.rb):
 * `bot_metrics` (app/builders/v2/reports/bot_metrics_builder.rb) reads only since/until and gives counts and rates
 * for the whole account; `bot_summary` (conversations/metric_builder.rb#bot_summary) takes Report On like Get Summary
 * and gives two counts plus the previous period. One operation with a choice keeps "how is my bot doing" in one place.
 */
const properties: INodeProperties[] = [
	{
		displayName: 'Return',
		name: 'botReport',
		type: 'options',
		options: [
			{
				name: 'Rates',
				value: 'metrics',
				description:
					'For the whole account: conversations in inboxes with an active agent bot, their outgoing messages, and the percent the bot resolved or handed off',
			},
			{
				name: 'Counts With Previous Period',
				value: 'summary',
				description: 'Bot resolutions and handoffs for the account, an agent, inbox, label or team, with the same counts for the period before',
			},
		],
		default: 'metrics',
	},
	...scopeFields().map((field) => ({
		...field,
		displayOptions: { show: { ...(field.displayOptions?.show ?? {}), botReport: ['summary'] } },
	})),
	...rangeFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getBotMetrics'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const view = this.getNodeParameter('botReport', itemIndex) as string;
	const range = readRange(this, itemIndex);
	if (view === 'summary') {
		const qs: IDataObject = { ...readScope(this, itemIndex), ...range };
		return toItems(unwrapRecord(await reportRequest(this, '/reports/bot_summary', qs)));
	}
	// Rates are whole percents (Chatwoot truncates), 0 when no bot conversation started in the range.
	return toItems(unwrapRecord(await reportRequest(this, '/reports/bot_metrics', range)));
}

export const concurrent = true;
