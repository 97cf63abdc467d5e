import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { contactLocator } from '../../../shared/descriptions';
import { contentField, notesPath } from './shared';

const properties: INodeProperties[] = [contactLocator('The contact to add the note to'), contentField(true)];

export const description = updateDisplayOptions({ show: { resource: ['contactNote'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	const content = String(this.getNodeParameter('content', itemIndex, ''));
	if (content.trim() === '') {
		throw new NodeOperationError(this.getNode(), 'The note is empty', { itemIndex, description: 'Enter the text of the note, or map it from a previous node.' });
	}
	// Not retried after an uncertain failure: a second POST would add the note twice.
	const note = await chatwootApiRequest(this, { method: 'POST', path: notesPath(contactId), body: { note: { content } }, subject: { resource: 'contact', id: contactId } });
	return toItems(unwrapRecord(note));
}

export const concurrent = true;
