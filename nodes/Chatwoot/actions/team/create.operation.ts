import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapList, unwrapRecord } from '../../../shared/transport';
import { teamBody, teamFields } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. billing', description: 'Name of the team; Chatwoot stores it in lower case and it must be unique' },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: teamFields() },
];

export const description = updateDisplayOptions({ show: { resource: ['team'], operation: ['create'] } }, properties);

/** POST /teams (app/controllers/api/v1/accounts/teams_controller.rb#create). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('name', itemIndex)).trim();
	const body = teamBody({ ...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject), name });
	const team = await chatwootApiRequest(this, {
		method: 'POST',
		path: '/teams',
		body,
		subject: { resource: 'team' },
		// Team names are unique (case-insensitive): a first attempt that landed is found by name.
		reconcile: async () => unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/teams' })).find((t) => String(t.name) === name.toLowerCase()),
	});
	return toItems(unwrapRecord(team));
}

export const concurrent = true;
