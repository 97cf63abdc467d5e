import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { agentLocator, conversationLocator, teamLocator } from '../../../shared/descriptions';
import { nodeError } from '../contact/lookup';
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
 * The record at `path`, or the HTTP code when Chatwoot refuses it (401: agent-bot tokens may not read agents or teams,
 * then Chatwoot's answer to the assignment decides; 404: unknown). Other failures are the request's own errors.
 */
async function readable(context: IExecuteFunctions, path: string): Promise<unknown> {
	try {
		return await chatwootApiRequest(context, { method: 'GET', path });
	} catch (error) {
		if (error instanceof NodeApiError && ['401', '404'].includes(String(error.httpCode))) return String(error.httpCode);
		throw nodeError(context, error);
	}
}

/**
 * Chatwoot answers an assignment to an agent outside the account or an unknown team with `null` (200) AFTER removing the
 * current assignee/team (Conversations::AssignmentService#assign_agent: `account.users.find_by(id:)` → nil;
 * AssignmentsController#set_team: `teams.find_by(id:)` → nil), and an unknown agent bot with `null` and no change.
 * So the node checks the agent / team first (when the token may read them) and treats a `null` answer as an error.
 */
async function assertAssignable(context: IExecuteFunctions, assignTo: string, id: number, itemIndex: number): Promise<void> {
	if (assignTo === 'agent') {
		const agents = await readable(context, '/agents');
		if (typeof agents === 'string') return;
		if (!unwrapList(agents).some((agent) => Number((agent as IDataObject).id) === id)) {
			throw new NodeOperationError(context.getNode(), `Agent ${id} is not an agent of this account`, {
				itemIndex,
				description:
					'Chatwoot would silently unassign the conversation instead. Pick the agent from the list (Settings → Agents shows who belongs to the account). Nothing was changed.',
			});
		}
	} else if (assignTo === 'team') {
		if ((await readable(context, `/teams/${id}`)) === '404') {
			throw new NodeOperationError(context.getNode(), `Team ${id} does not exist in this account`, {
				itemIndex,
				description: 'Chatwoot would silently remove the team instead. Pick the team from the list. Nothing was changed.',
			});
		}
	}
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

	const requestedId = assignTo === 'team' ? (body.team_id as number) : (body.assignee_id as number | null);
	if (assignTo === 'agent' || assignTo === 'team') await assertAssignable(this, assignTo, requestedId as number, itemIndex);

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

	const wanted = assignTo === 'agent' || assignTo === 'agentBot' || assignTo === 'team';
	if (wanted && record(answer) === null) {
		const what = assignTo === 'agent' ? `agent ${requestedId}` : assignTo === 'team' ? `team ${requestedId}` : `agent bot ${requestedId}`;
		const effect =
			assignTo === 'agentBot'
				? 'Chatwoot left the conversation unchanged.'
				: `Chatwoot removed the conversation's current ${assignTo === 'team' ? 'team' : 'assignee'} instead.`;
		throw new NodeOperationError(this.getNode(), `Chatwoot did not assign conversation ${conversationId} to ${what}`, {
			itemIndex,
			description: `Chatwoot answered "null": the ${assignTo === 'agentBot' ? 'agent bot is not available to this account' : `${assignTo} is not part of this account`}. ${effect}`,
		});
	}
	if (assignTo === 'team' || assignTo === 'unassignTeam') {
		return [{ json: { id: conversationId, team: record(answer) } }];
	}
	const assignee = record(answer);
	const assigneeType = assignee === null ? null : assignTo === 'agentBot' ? 'AgentBot' : 'User';
	return [{ json: { id: conversationId, assignee_type: assigneeType, assignee } }];
}
