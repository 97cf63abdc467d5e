import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { contactLocator } from '../../../shared/descriptions';
import { contactNoteLocator } from '../../helpers/settingsLocators';
import { deleted } from '../../helpers/records';
import { notesPath, noteSubject } from './shared';

const properties: INodeProperties[] = [contactLocator('The contact the note is on'), contactNoteLocator('The note to delete')];

export const description = updateDisplayOptions({ show: { resource: ['contactNote'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	const noteId = getId(this, 'noteId', itemIndex, 'note ID');
	await chatwootApiRequest(this, { method: 'DELETE', path: notesPath(contactId, noteId), subject: noteSubject(noteId) });
	return deleted('contactNote', noteId);
}

export const concurrent = true;
