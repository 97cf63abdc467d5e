import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { asRecord, platformRequest } from '../../helpers/request';
import { userIdField } from '../descriptions';

const properties: INodeProperties[] = [userIdField('The user to get')];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const userId = getId(this, 'userId', itemIndex, 'user ID');
	const user = await platformRequest(this, { method: 'GET', path: `/users/${userId}`, subject: { resource: 'user', id: userId } });
	return toItems(asRecord(user));
}
