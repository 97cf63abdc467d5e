import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toUnixSeconds } from '../../../shared/helpers/time';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { notFoundOnServerError } from '../../helpers/failures';

export const subject = (id: number) => ({ resource: 'campaign', id });

/** Campaign fields shared by create (additionalFields) and update (updateFields). Sorted by display name. */
export const campaignFields: INodeProperties[] = [
	{
		displayName: 'Audience Label IDs',
		name: 'audienceLabelIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3, 7',
		description: 'One-off campaigns (SMS, WhatsApp): contacts with these labels get the message; label IDs, comma-separated',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether the campaign is live' },
	{
		displayName: 'Only During Business Hours',
		name: 'triggerOnlyDuringBusinessHours',
		type: 'boolean',
		default: false,
		description: "Whether website visitors see it only inside the inbox's business hours",
	},
	{
		displayName: 'Page URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://shop.example.com/pricing',
		description: 'Website campaigns: the page the visitor must be on (http:// or https://)',
	},
	{
		displayName: 'Scheduled At',
		name: 'scheduledAt',
		type: 'dateTime',
		default: '',
		description: 'One-off campaigns (SMS, WhatsApp): when to send; Chatwoot uses now when empty',
	},
	{
		displayName: 'Sender Name or ID',
		name: 'senderId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: '',
		description:
			'The agent shown as the sender of website campaign messages. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Time on Page (Seconds)',
		name: 'timeOnPage',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 10,
		description: 'Website campaigns: seconds on the page before the message shows',
	},
];

/** Body fields except trigger_rules (handled by `triggerRules`). */
export function campaignBody(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	if (typeof fields.description === 'string') body.description = fields.description;
	if (fields.enabled !== undefined) body.enabled = fields.enabled;
	if (fields.triggerOnlyDuringBusinessHours !== undefined) body.trigger_only_during_business_hours = fields.triggerOnlyDuringBusinessHours;
	if (fields.senderId !== undefined && fields.senderId !== '') body.sender_id = Number(fields.senderId);
	if (fields.scheduledAt !== undefined && fields.scheduledAt !== '') {
		const at = toUnixSeconds(fields.scheduledAt);
		if (at === undefined) {
			throw new NodeOperationError(context.getNode(), `"${String(fields.scheduledAt)}" is not a date`, {
				itemIndex,
				description: 'Pick a date and time under "Scheduled At", or map an ISO date from a previous node.',
			});
		}
		body.scheduled_at = new Date(at * 1000).toISOString();
	}
	if (typeof fields.audienceLabelIds === 'string' && fields.audienceLabelIds.trim() !== '') {
		const ids = fields.audienceLabelIds.split(',').map((v) => v.trim()).filter((v) => v !== '');
		if (ids.some((v) => !/^\d+$/.test(v))) {
			throw new NodeOperationError(context.getNode(), `"${fields.audienceLabelIds}" is not a list of label IDs`, {
				itemIndex,
				description: 'Give numeric label IDs, comma-separated (Settings → Labels; the Label resource lists them).',
			});
		}
		body.audience = ids.map((id) => ({ type: 'Label', id: Number(id) }));
	}
	return body;
}

/** The given trigger rules merged over the current ones (Chatwoot stores the object as a whole). */
export function triggerRules(fields: IDataObject, current: IDataObject = {}): IDataObject | undefined {
	const rules: IDataObject = { ...current };
	let changed = false;
	if (typeof fields.url === 'string' && fields.url.trim() !== '') {
		rules.url = fields.url.trim();
		changed = true;
	}
	if (fields.timeOnPage !== undefined) {
		rules.time_on_page = Number(fields.timeOnPage);
		changed = true;
	}
	return changed ? rules : undefined;
}

export async function listCampaigns(context: IExecuteFunctions): Promise<IDataObject[]> {
	return unwrapList(await chatwootApiRequest(context, { method: 'GET', path: '/campaigns' }));
}

/** One campaign call; Chatwoot answers 500 for an unknown campaign ID (find_by → nil), mapped to "not found". */
export async function campaignCall(
	context: IExecuteFunctions,
	itemIndex: number,
	id: number,
	method: 'GET' | 'PATCH' | 'DELETE',
	body?: IDataObject,
): Promise<unknown> {
	return await notFoundOnServerError(
		context,
		itemIndex,
		`Campaign ${id}`,
		async () => (await listCampaigns(context)).some((c) => Number(c.id) === id),
		async () => await chatwootApiRequest(context, { method, path: `/campaigns/${id}`, body, subject: subject(id) }),
	);
}

/** Simplified campaign: the embedded inbox and sender records reduced to what identifies them. */
export function simplifyCampaign(record: IDataObject): IDataObject {
	const inbox = (record.inbox ?? {}) as IDataObject;
	const sender = (record.sender ?? {}) as IDataObject;
	return {
		id: record.id,
		title: record.title,
		description: record.description,
		message: record.message,
		enabled: record.enabled,
		campaign_type: record.campaign_type,
		campaign_status: record.campaign_status,
		inbox: record.inbox ? { id: inbox.id, name: inbox.name, channel_type: inbox.channel_type } : null,
		sender: sender.id !== undefined ? { id: sender.id, name: sender.name } : null,
		trigger_rules: record.trigger_rules ?? {},
		trigger_only_during_business_hours: record.trigger_only_during_business_hours,
		scheduled_at: record.scheduled_at ?? null,
		audience: record.audience ?? null,
		created_at: record.created_at,
	};
}
