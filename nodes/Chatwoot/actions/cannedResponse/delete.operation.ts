import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { cannedResponseLocator } from '../../helpers/settingsLocators';
import { deleted } from '../../helpers/records';
import { cannedSubject } from './list';

const properties: INodeProperties[] = [cannedResponseLocator('The canned response to delete')];

export const description = updateDisplayOptions({ show: { resource: ['cannedResponse'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'cannedResponseId', itemIndex, 'canned response ID');
	await chatwootApiRequest(this, { method: 'DELETE', path: `/canned_responses/${id}`, subject: cannedSubject(id) });
	return deleted('cannedResponse', id);
}

export const concurrent = true;
