import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { teamLocator } from '../../../shared/descriptions';
import { unwrapList, unwrapRecord } from '../../../shared/transport';
import { namesOf, reportRequest } from './shared';

// app/controllers/api/v2/accounts/live_reports_controller.rb: counts of right now, no date range.
const properties: INodeProperties[] = [
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'options',
		options: [
			{ name: 'Nothing', value: 'none', description: 'One item: open, unattended, unassigned and pending conversations' },
			{ name: 'Team', value: 'team_id', description: 'One item per team with open conversations (team_id null: no team)' },
			{ name: 'Agent', value: 'assignee_id', description: 'One item per assignee with open conversations (assignee_id null: unassigned)' },
		],
		default: 'none',
	},
	{
		displayName: 'Only One Team',
		name: 'onlyTeam',
		type: 'boolean',
		default: false,
		description: 'Whether to count only the conversations of one team',
	},
	{ ...teamLocator('teamId', 'The team whose conversations are counted'), displayOptions: { show: { onlyTeam: [true] } } },
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getLiveMetrics'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupBy = this.getNodeParameter('groupBy', itemIndex) as string;
	const qs: IDataObject = {};
	if (this.getNodeParameter('onlyTeam', itemIndex, false) as boolean) qs.team_id = getId(this, 'teamId', itemIndex, 'team ID');
	const subject = qs.team_id !== undefined ? { resource: 'team', id: qs.team_id as number } : undefined;
	if (groupBy === 'none') return toItems(unwrapRecord(await reportRequest(this, '/live_reports/conversation_metrics', qs, subject)));

	const rows = unwrapList(await reportRequest(this, '/live_reports/grouped_conversation_metrics', { ...qs, group_by: groupBy }, subject));
	// Chatwoot answers IDs only; add the team or agent name so a row reads "Support", not "3".
	const names = await namesOf(this, groupBy === 'team_id' ? 'team' : 'agent');
	const nameKey = groupBy === 'team_id' ? 'team_name' : 'assignee_name';
	return toItems(rows.map((row) => ({ ...row, [nameKey]: row[groupBy] == null ? null : (names.get(Number(row[groupBy])) ?? null) })));
}

export const concurrent = true;
