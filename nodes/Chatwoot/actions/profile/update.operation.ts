import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, getApiCredential, unwrapRecord } from '../../../shared/transport';
import { requireChanges } from '../../helpers/records';
import { withoutToken } from './get.operation';

export const AVAILABILITY_OPTIONS = [
	{ name: 'Online', value: 'online' },
	{ name: 'Busy', value: 'busy' },
	{ name: 'Offline', value: 'offline' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Availability',
				name: 'availability',
				type: 'options',
				options: AVAILABILITY_OPTIONS,
				default: 'online',
				description: "Your status in the credential's account, as agents see it next to your name",
			},
			{ displayName: 'Display Name', name: 'displayName', type: 'string', default: '', description: 'Name shown to customers' },
			{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'e.g. name@email.com', description: 'Login email; Chatwoot may ask to confirm it' },
			{ displayName: 'Message Signature', name: 'messageSignature', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Signature Chatwoot can append to your replies' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Full name' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['update'] } }, properties);

/**
 * PUT /api/v1/profile with `{profile: {...}}` (profiles_controller.rb#update); availability is
 * per account and has its own route, POST /api/v1/profile/availability
 * `{profile: {account_id, availability}}` (profiles_controller.rb#availability).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const f = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const profile = compact({ name: f.name, display_name: f.displayName, email: f.email, message_signature: f.messageSignature });
	requireChanges(this, itemIndex, compact({ ...profile, availability: f.availability }));
	let result: IDataObject = {};
	if (Object.keys(profile).length) {
		result = unwrapRecord(await chatwootApiRequest(this, { method: 'PUT', path: '/api/v1/profile', scope: 'root', body: { profile }, subject: { resource: 'profile' } }));
	}
	if (f.availability) {
		const { accountId } = await getApiCredential(this);
		result = unwrapRecord(
			await chatwootApiRequest(this, {
				method: 'POST',
				path: '/api/v1/profile/availability',
				scope: 'root',
				body: { profile: { account_id: Number(accountId), availability: f.availability } },
				// Setting the same availability twice is harmless.
				idempotent: true,
				subject: { resource: 'profile' },
			}),
		);
	}
	return toItems(withoutToken(result));
}
