import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapList, unwrapRecord } from '../../../shared/transport';
import { membershipFields, ROLE_OPTIONS } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Jane Doe', description: 'Full name of the agent' },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email the invitation goes to; a user who already has a Chatwoot login on this server is added to the account',
	},
	{ displayName: 'Role', name: 'role', type: 'options', options: ROLE_OPTIONS, default: 'agent', description: 'Administrators can change account settings; agents answer conversations' },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: membershipFields() },
];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['create'] } }, properties);

/**
 * POST /agents (app/controllers/api/v1/accounts/agents_controller.rb#create, app/builders/agent_builder.rb):
 * invites a new user or adds an existing one; 402 when the plan's agent limit is reached.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const email = String(this.getNodeParameter('email', itemIndex)).trim();
	const body = compact({
		name: String(this.getNodeParameter('name', itemIndex)).trim(),
		email,
		role: this.getNodeParameter('role', itemIndex),
		availability: extra.availability,
		auto_offline: extra.autoOffline,
	});
	const agent = await chatwootApiRequest(this, {
		method: 'POST',
		path: '/agents',
		body,
		subject: { resource: 'agent' },
		// A retried invite would fail on the taken email; if the first attempt landed, use that agent.
		reconcile: async () => {
			const agents = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/agents' }));
			return agents.find((a) => String(a.email ?? '').toLowerCase() === email.toLowerCase());
		},
	});
	return toItems(unwrapRecord(agent));
}

export const concurrent = true;
