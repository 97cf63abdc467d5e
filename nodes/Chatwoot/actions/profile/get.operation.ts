import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['get'] } }, properties);

/** The access token never leaves through an output: the profile view includes it (app/views/api/v1/models/_user.json.jbuilder). */
export function withoutToken(profile: IDataObject): IDataObject {
	const rest = { ...profile };
	delete rest.access_token;
	return rest;
}

/** GET /api/v1/profile (app/controllers/api/v1/profiles_controller.rb#show): the token's own user. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const profile = unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: '/api/v1/profile', scope: 'root', subject: { resource: 'profile' } }));
	return toItems(withoutToken(profile));
}
