import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { asRecord, platformRequest } from '../../helpers/request';
import { accountBody, accountFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Acme Inc.',
		description: 'Name of the new Chatwoot account (usually your customer)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: accountFields,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const name = this.getNodeParameter('name', itemIndex) as string;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = accountBody(this, { ...fields, name }, itemIndex);
	// POST creates a new account each time: never repeated after an uncertain failure.
	const account = await platformRequest(this, { method: 'POST', path: '/accounts', body, subject: { resource: 'account' } });
	return toItems(asRecord(account));
}
