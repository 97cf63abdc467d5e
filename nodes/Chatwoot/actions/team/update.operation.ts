import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { teamLocator } from '../../../shared/descriptions';
import { requireChanges } from '../../helpers/records';
import { teamBody, teamFields } from './fields';

const properties: INodeProperties[] = [
	teamLocator('teamId', 'The team to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...teamFields(), { displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name (stored in lower case)' }],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['team'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const teamId = getId(this, 'teamId', itemIndex, 'team ID');
	const body = teamBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	requireChanges(this, itemIndex, body);
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'PATCH', path: `/teams/${teamId}`, body, subject: { resource: 'team', id: teamId } })));
}

export const concurrent = true;
