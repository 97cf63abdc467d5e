import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { agentLocator } from '../../../shared/descriptions';
import { requireChanges } from '../../helpers/records';
import { membershipFields, ROLE_OPTIONS } from './fields';

const properties: INodeProperties[] = [
	agentLocator('agentId', 'The agent to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...membershipFields(),
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Full name of the agent' },
			{ displayName: 'Role', name: 'role', type: 'options', options: ROLE_OPTIONS, default: 'agent' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['update'] } }, properties);

/** PATCH /agents/{id} (agents_controller.rb#update): name on the user; role, availability, auto offline on the membership. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const agentId = getId(this, 'agentId', itemIndex, 'agent ID');
	const f = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = compact({ name: f.name, role: f.role, availability: f.availability, auto_offline: f.autoOffline });
	requireChanges(this, itemIndex, body);
	const agent = await chatwootApiRequest(this, { method: 'PATCH', path: `/agents/${agentId}`, body, subject: { resource: 'agent', id: agentId } });
	return toItems(unwrapRecord(agent));
}

export const concurrent = true;
