import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';
import { contactLocator, returnAllOrLimit } from '../../../shared/descriptions';
import { limitedItems } from '../../helpers/records';
import { notesPath } from './shared';

const properties: INodeProperties[] = [contactLocator('The contact whose notes to list'), ...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['contactNote'], operation: ['getAll'] } }, properties);

/** GET /contacts/{id}/notes: every note, newest first (notes_controller.rb#index, `latest`). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	const notes = unwrapList(await chatwootApiRequest(this, { method: 'GET', path: notesPath(contactId), subject: { resource: 'contact', id: contactId } }));
	return limitedItems(this, itemIndex, notes);
}

export const concurrent = true;
