import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as getBotMetrics from './getBotMetrics.operation';
import * as getConversationCounts from './getConversationCounts.operation';
import * as getEvents from './getEvents.operation';
import * as getFirstResponseDistribution from './getFirstResponseDistribution.operation';
import * as getGroupSummary from './getGroupSummary.operation';
import * as getInboxLabelMatrix from './getInboxLabelMatrix.operation';
import * as getLiveMetrics from './getLiveMetrics.operation';
import * as getMetric from './getMetric.operation';
import * as getOutgoingMessageCounts from './getOutgoingMessageCounts.operation';
import * as getSummary from './getSummary.operation';

export const operations: Record<string, OperationModule> = {
	getBotMetrics,
	getConversationCounts,
	getEvents,
	getFirstResponseDistribution,
	getGroupSummary,
	getInboxLabelMatrix,
	getLiveMetrics,
	getMetric,
	getOutgoingMessageCounts,
	getSummary,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Get Bot Metrics',
				value: 'getBotMetrics',
				description:
					'How the agent bot did in a date range: bot conversations, messages, resolution and handoff rates, or bot resolutions and handoffs with the previous period',
				action: 'Get bot metrics',
			},
			{
				name: 'Get Conversation Counts',
				value: 'getConversationCounts',
				description: 'Open, unattended and unassigned conversations right now, for the account or per agent',
				action: 'Get live conversation counts',
			},
			{
				name: 'Get Events',
				value: 'getEvents',
				description: 'Raw reporting events (first response, reply, resolution…) with their durations, newest first (Chatwoot Enterprise)',
				action: 'Get reporting events',
			},
			{
				name: 'Get First Response Distribution',
				value: 'getFirstResponseDistribution',
				description: 'How many first replies took under 1h, 1-4h, 4-8h, 8-24h or longer, per channel type',
				action: 'Get the first response time distribution',
			},
			{
				name: 'Get Inbox Label Matrix',
				value: 'getInboxLabelMatrix',
				description: 'Conversations per inbox and label in a date range, one item per pair',
				action: 'Get the inbox label matrix',
			},
			{
				name: 'Get Live Metrics',
				value: 'getLiveMetrics',
				description:
					'Open, unattended, unassigned and pending conversations right now, optionally for one team or per team or agent',
				action: 'Get live conversation metrics',
			},
			{
				name: 'Get Metric Over Time',
				value: 'getMetric',
				description: 'One metric (conversations, messages, response or resolution time) per hour, day, week, month or year',
				action: 'Get a report metric over time',
			},
			{
				name: 'Get Outgoing Message Counts',
				value: 'getOutgoingMessageCounts',
				description: 'Messages sent per agent, team, inbox or label in a date range',
				action: 'Get outgoing message counts',
			},
			{
				name: 'Get Summary',
				value: 'getSummary',
				description: 'Totals and averages of a date range for the account, an agent, inbox, label or team, with the previous period',
				action: 'Get a report summary',
			},
			{
				name: 'Get Summary per Group',
				value: 'getGroupSummary',
				description: 'Conversations, resolutions and average times per agent, team, inbox, label or channel',
				action: 'Get a summary per group',
			},
		],
		default: 'getSummary',
	},
	{
		displayName:
			"Reports need an administrator's access token (Enterprise: or a custom role with report_manage). Chatwoot allows 100 report requests per minute per user.",
		name: 'reportNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['report'] } },
	},
	...getBotMetrics.description,
	...getConversationCounts.description,
	...getEvents.description,
	...getFirstResponseDistribution.description,
	...getGroupSummary.description,
	...getInboxLabelMatrix.description,
	...getLiveMetrics.description,
	...getMetric.description,
	...getOutgoingMessageCounts.description,
	...getSummary.description,
];
