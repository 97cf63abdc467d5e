import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { contactLocator } from '../../../shared/descriptions';
import { contactNoteLocator } from '../../helpers/settingsLocators';
import { contentField, notesPath, noteSubject } from './shared';

const properties: INodeProperties[] = [contactLocator('The contact the note is on'), contactNoteLocator('The note to change'), { ...contentField(true), description: 'New text of the note (replaces the old text)' }];

export const description = updateDisplayOptions({ show: { resource: ['contactNote'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	const noteId = getId(this, 'noteId', itemIndex, 'note ID');
	const content = String(this.getNodeParameter('content', itemIndex, ''));
	if (content.trim() === '') {
		throw new NodeOperationError(this.getNode(), 'The note is empty', { itemIndex, description: 'Enter the new text; to remove a note use Delete.' });
	}
	const note = await chatwootApiRequest(this, { method: 'PATCH', path: notesPath(contactId, noteId), body: { note: { content } }, subject: noteSubject(noteId) });
	return toItems(unwrapRecord(note));
}

export const concurrent = true;
