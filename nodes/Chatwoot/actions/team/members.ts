import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';

const subject = (teamId: number) => ({ resource: 'team', id: teamId });

export async function listTeamMembers(context: IExecuteFunctions, teamId: number): Promise<IDataObject[]> {
	return unwrapList(await chatwootApiRequest(context, { method: 'GET', path: `/teams/${teamId}/team_members`, subject: subject(teamId) }));
}

/**
 * Adds with POST and removes with DELETE /teams/{id}/team_members
 * (app/controllers/api/v1/accounts/team_members_controller.rb): both change only the given
 * agents, so members someone else added stay. The PATCH of that controller replaces the whole
 * set and is never used. Items of one run about one team take turns so the reported
 * added/removed lists are exact.
 */
export async function changeTeamMembers(
	context: IExecuteFunctions,
	run: RunContext,
	teamId: number,
	change: { add?: number[]; remove?: number[] },
): Promise<IDataObject> {
	return await run.exclusive([`team-members:${teamId}`], async () => {
		const before = (await listTeamMembers(context, teamId)).map((a) => Number(a.id));
		const added = (change.add ?? []).filter((id) => !before.includes(id));
		const removed = (change.remove ?? []).filter((id) => before.includes(id));
		if (added.length) {
			// Adding members already added is a no-op in Chatwoot, so a retry is harmless.
			await chatwootApiRequest(context, { method: 'POST', path: `/teams/${teamId}/team_members`, body: { user_ids: added }, idempotent: true, subject: subject(teamId) });
		}
		if (removed.length) {
			await chatwootApiRequest(context, { method: 'DELETE', path: `/teams/${teamId}/team_members`, body: { user_ids: removed }, subject: subject(teamId) });
		}
		const agents = await listTeamMembers(context, teamId);
		return { team_id: teamId, agent_ids: agents.map((a) => Number(a.id)), added, removed, agents };
	});
}
