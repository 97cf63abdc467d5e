import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { includeSecretsOptions, inboxOutput } from './secrets';

const properties: INodeProperties[] = [...returnAllOrLimit(), includeSecretsOptions];

export const description = updateDisplayOptions({ show: { resource: ['inbox'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	// Chatwoot returns every inbox in one response ({payload: [...]}), without pages.
	const inboxes = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: '/inboxes' })).map((inbox) =>
		inboxOutput(this, itemIndex, inbox),
	);
	if (returnAll) return toItems(inboxes);
	const limit = this.getNodeParameter('limit', itemIndex) as number;
	return toItems(inboxes.slice(0, limit));
}
