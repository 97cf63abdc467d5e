import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { toUnixSeconds } from '../../../shared/helpers/time';
import { agentLocator, inboxLocator, teamLocator } from '../../../shared/descriptions';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { labelIdLocator } from '../../helpers/locators';

/** GET below `/api/v2/accounts/{id}` in the reports rate-limit bucket (Rack::Attack: 100/min per user). */
export async function reportRequest(
	context: IExecuteFunctions,
	path: string,
	qs: IDataObject,
	subjectOf404?: { resource: string; id: number },
): Promise<unknown> {
	// A 404 means the agent, inbox, label or team reported on does not exist: name it.
	const subject =
		subjectOf404 ?? (qs.type && qs.type !== 'account' && qs.id !== undefined ? { resource: String(qs.type), id: qs.id as number } : { resource: 'report' });
	return await chatwootApiRequest(context, { method: 'GET', path, qs, scope: 'reports', bucket: 'reports', subject });
}

export function rangeFields(what = 'the report'): INodeProperties[] {
	return [
		{
			displayName: 'Since',
			name: 'since',
			type: 'dateTime',
			required: true,
			default: '',
			description: `Start of ${what} (included), e.g. {{ $today.minus({ days: 1 }) }}`,
		},
		{
			displayName: 'Until',
			name: 'until',
			type: 'dateTime',
			required: true,
			default: '',
			description: `End of ${what} (excluded), e.g. {{ $today }}`,
		},
	];
}

/** Since/until as Unix seconds; Chatwoot ignores the range unless both are set, so both are required. */
export function readRange(context: IExecuteFunctions, itemIndex: number): { since: number; until: number } {
	const read = (name: 'since' | 'until') => {
		const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
		const value = toUnixSeconds(raw);
		if (value === undefined) {
			throw new NodeOperationError(context.getNode(), `"${name === 'since' ? 'Since' : 'Until'}" is not a date: "${String(raw ?? '')}"`, {
				itemIndex,
				description: 'Pick a date and time, or map an ISO date or Unix time from a previous node.',
			});
		}
		return value;
	};
	const since = read('since');
	const until = read('until');
	if (until <= since) {
		throw new NodeOperationError(context.getNode(), '"Until" must be later than "Since"', {
			itemIndex,
			description: 'The report covers Since (included) to Until (excluded).',
		});
	}
	return { since, until };
}

export const SCOPES = [
	{ name: 'Account', value: 'account', description: 'The whole account' },
	{ name: 'Agent', value: 'agent', description: 'Conversations assigned to one agent and the messages they sent' },
	{ name: 'Inbox', value: 'inbox', description: 'One inbox' },
	{ name: 'Label', value: 'label', description: 'Conversations with one label' },
	{ name: 'Team', value: 'team', description: 'Conversations of one team' },
];

/** "Report On" plus the record to report on (a picker per scope). */
export function scopeFields(): INodeProperties[] {
	const show = (type: string) => ({ show: { scopeType: [type] } });
	return [
		{ displayName: 'Report On', name: 'scopeType', type: 'options', options: SCOPES, default: 'account' },
		{ ...agentLocator('agentId', 'The agent to report on'), displayOptions: show('agent') },
		{ ...inboxLocator('The inbox to report on'), displayOptions: show('inbox') },
		{ ...labelIdLocator('The label to report on'), displayOptions: show('label') },
		{ ...teamLocator('teamId', 'The team to report on'), displayOptions: show('team') },
	];
}

export function readScope(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = context.getNodeParameter('scopeType', itemIndex) as string;
	const param: Record<string, [string, string]> = {
		agent: ['agentId', 'agent ID'],
		inbox: ['inboxId', 'inbox ID'],
		label: ['labelId', 'label ID'],
		team: ['teamId', 'team ID'],
	};
	if (type === 'account') return { type };
	const [name, label] = param[type];
	return { type, id: getId(context, name, itemIndex, label) };
}

export const businessHoursField: INodeProperties = {
	displayName: 'Business Hours Only',
	name: 'businessHours',
	type: 'boolean',
	default: false,
	description: "Whether times (first response, resolution, reply) count only the inbox's business hours",
};

/** Names for the IDs of agent/team/inbox rows, so a spreadsheet row reads "Alice", not "4". */
export async function namesOf(context: IExecuteFunctions, kind: 'agent' | 'team' | 'inbox'): Promise<Map<number, string>> {
	const path = { agent: '/agents', team: '/teams', inbox: '/inboxes' }[kind];
	const records = unwrapList(await chatwootApiRequest(context, { method: 'GET', path }));
	return new Map(records.map((r) => [Number(r.id), String(r.name ?? '')]));
}

/** `{ key: {…} }` answers (per channel type) as one item per key. */
export function keyedRows(body: unknown, keyName: string): IDataObject[] {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
	return Object.entries(body as IDataObject).map(([key, value]) => ({ [keyName]: key, ...((value ?? {}) as IDataObject) }));
}
