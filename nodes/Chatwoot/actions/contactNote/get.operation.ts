import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { contactLocator } from '../../../shared/descriptions';
import { contactNoteLocator } from '../../helpers/settingsLocators';
import { notesPath, noteSubject } from './shared';

const properties: INodeProperties[] = [contactLocator('The contact the note is on'), contactNoteLocator('The note to get')];

export const description = updateDisplayOptions({ show: { resource: ['contactNote'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	const noteId = getId(this, 'noteId', itemIndex, 'note ID');
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'GET', path: notesPath(contactId, noteId), subject: noteSubject(noteId) })));
}

export const concurrent = true;
