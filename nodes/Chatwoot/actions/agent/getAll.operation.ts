import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitedItems } from '../../helpers/records';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'Administrator', value: 'administrator' },
				],
				default: 'agent',
			},
			{
				displayName: 'Availability',
				name: 'availability',
				type: 'options',
				options: [
					{ name: 'Online', value: 'online' },
					{ name: 'Busy', value: 'busy' },
					{ name: 'Offline', value: 'offline' },
				],
				default: 'online',
				description: 'Only agents whose current status is this',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getAll'] } }, properties);

/** GET /agents (agents_controller.rb#index): every agent of the account in one bare array. */
export async function listAgents(context: IExecuteFunctions): Promise<IDataObject[]> {
	return unwrapList(await chatwootApiRequest(context, { method: 'GET', path: '/agents' }));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const agents = (await listAgents(this)).filter(
		(a) =>
			(!filters.role || a.role === filters.role) &&
			(!filters.availability || (a.availability_status ?? a.availability) === filters.availability),
	);
	return limitedItems(this, itemIndex, agents);
}
