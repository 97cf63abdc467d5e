import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest } from '../../../shared/transport';
import { agentLocator, conversationLocator, teamLocator } from '../../../shared/descriptions';
import { conversationLock, conversationSubject } from './shared';

const properties: INodeProperties[] = [
	conversationLocator(),
	{
		displayName: 'Assign To',
		name: 'assignTo',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Agent', value: 'agent', description: 'Assign the conversation to an agent' },
			{ name: 'Agent Bot', value: 'agentBot', description: 'Hand the conversation to an agent bot' },
			{ name: 'No Agent', value: 'unassignAgent', description: 'Remove the assigned agent or bot' },
			{ name: 'No Team', value: 'unassignTeam', description: 'Remove the assigned team' },
			{ name: 'Team', value: 'team', description: 'Assign the conversation to a team' },
		],
		default: 'agent',
		description: 'Who to assign the conversation to',
	},
	{ ...agentLocator('assigneeId', 'The agent to assign'), displayOptions: { show: { assignTo: ['agent'] } } },
	{
		displayName: 'Agent Bot ID',
		name: 'agentBotId',
		type: 'number',
		required: true,
		default: 0,
		description: 'The ID of the agent bot (Settings → Bots)',
		displayOptions: { show: { assignTo: ['agentBot'] } },
	},
	{ ...teamLocator('teamId', 'The team to assign'), displayOptions: { show: { assignTo: ['team'] } } },
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['assign'] } }, properties);

export const concurrent = true;

function record(value: unknown): IDataObject | null {
	return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length
		? (value as IDataObject)
		: null;
}

/**
 * Output: `{id, assignee_type, assignee}` for agent / bot / no agent (assignee_type "User",
 * "AgentBot" or null; assignee is Chatwoot's answer: the agent or bot, or null), and `{id, team}`
 * for team / no team.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunContext,
): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const assignTo = this.getNodeParameter('assignTo', itemIndex) as string;

	let body: IDataObject;
	if (assignTo === 'agent') body = { assignee_id: getId(this, 'assigneeId', itemIndex, 'agent ID') };
	else if (assignTo === 'agentBot') {
		const botId = getId(this, 'agentBotId', itemIndex, 'agent bot ID');
		if (botId === 0) {
			throw new NodeOperationError(this.getNode(), 'No agent bot ID was given', {
				itemIndex,
				description: 'Enter the ID of the agent bot (Chatwoot → Settings → Bots).',
			});
		}
		body = { assignee_id: botId, assignee_type: 'AgentBot' };
	} else if (assignTo === 'unassignAgent') body = { assignee_id: null };
	else if (assignTo === 'team') body = { team_id: getId(this, 'teamId', itemIndex, 'team ID') };
	else body = { team_id: 0 };

	const answer = await run.exclusive([conversationLock(conversationId)], async () =>
		await chatwootApiRequest(this, {
			method: 'POST',
			path: `/conversations/${conversationId}/assignments`,
			body,
			subject: conversationSubject(conversationId),
			// Setting an explicit assignee (or none) twice leaves the same state.
			idempotent: true,
		}),
	);

	if (assignTo === 'team' || assignTo === 'unassignTeam') {
		return [{ json: { id: conversationId, team: record(answer) } }];
	}
	const assignee = record(answer);
	const assigneeType = assignee === null ? null : assignTo === 'agentBot' ? 'AgentBot' : 'User';
	return [{ json: { id: conversationId, assignee_type: assigneeType, assignee } }];
}
