import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toUnixSeconds } from '../../../shared/helpers/time';

/** Filters of CsatSurveyResponsesController (`set_csat_survey_responses`), shared by getAll and getMetrics. */
export const csatFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Agent Names or IDs',
			name: 'agentIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getAgents' },
			default: [],
			description:
				'Only responses of conversations assigned to these agents. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ displayName: 'Inbox ID', name: 'inboxId', type: 'number', default: 0, description: 'Only responses from this inbox' },
		{
			displayName: 'Ratings',
			name: 'ratings',
			type: 'multiOptions',
			options: [1, 2, 3, 4, 5].map((r) => ({ name: `${r}`, value: r })),
			default: [],
			description: 'Only these ratings (1 = very unhappy … 5 = very happy)',
		},
		{ displayName: 'Since', name: 'since', type: 'dateTime', default: '', description: 'Responses from this time on (set Until too)' },
		{ displayName: 'Team ID', name: 'teamId', type: 'number', default: 0, description: 'Only responses of conversations of this team' },
		{ displayName: 'Until', name: 'until', type: 'dateTime', default: '', description: 'Responses before this time (set Since too)' },
	],
};

export function csatQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const f = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const since = toUnixSeconds(f.since);
	const until = toUnixSeconds(f.until);
	if ((since === undefined) !== (until === undefined)) {
		throw new NodeOperationError(context.getNode(), 'Set both "Since" and "Until", or neither', {
			itemIndex,
			description: 'Chatwoot filters CSAT responses by a date range only when it has both ends.',
		});
	}
	if (since !== undefined) Object.assign(qs, { since, until });
	const agents = Array.isArray(f.agentIds) ? f.agentIds : String(f.agentIds ?? '').split(',');
	const agentIds = agents.map((v) => String(v).trim()).filter((v) => /^\d+$/.test(v));
	if (agentIds.length) qs.user_ids = agentIds;
	if (Number(f.inboxId) > 0) qs.inbox_id = f.inboxId;
	if (Number(f.teamId) > 0) qs.team_id = f.teamId;
	if (Array.isArray(f.ratings) && f.ratings.length) qs.rating = f.ratings;
	return qs;
}

/** Simplified response: the embedded contact and agent records reduced to who they are. */
export function simplifyCsat(record: IDataObject): IDataObject {
	const contact = record.contact as IDataObject | undefined;
	const agent = record.assigned_agent as IDataObject | undefined;
	return {
		id: record.id,
		rating: record.rating,
		feedback_message: record.feedback_message ?? null,
		conversation_id: record.conversation_id,
		contact: contact ? { id: contact.id, name: contact.name, email: contact.email ?? null, phone_number: contact.phone_number ?? null } : null,
		assigned_agent: agent ? { id: agent.id, name: agent.name, email: agent.email ?? null } : null,
		created_at: record.created_at,
	};
}
