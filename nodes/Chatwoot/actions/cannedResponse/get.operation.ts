import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { cannedResponseLocator } from '../../helpers/settingsLocators';
import { pickById } from '../../helpers/records';
import { listCannedResponses } from './list';

const properties: INodeProperties[] = [cannedResponseLocator('The canned response to get')];

export const description = updateDisplayOptions({ show: { resource: ['cannedResponse'], operation: ['get'] } }, properties);

/** Chatwoot has no route for one canned response: the list is read once per run and searched. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const id = getId(this, 'cannedResponseId', itemIndex, 'canned response ID');
	const all = await run.once('canned-responses', async () => await listCannedResponses(this));
	return toItems(await pickById(this, itemIndex, all, id, 'canned response', 'Pick it from the list, or check Settings → Canned Responses.'));
}

export const concurrent = true;
