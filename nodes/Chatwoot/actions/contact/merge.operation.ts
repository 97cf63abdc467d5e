import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { contactLocator, locator } from '../../../shared/descriptions';
import type { RunContext } from '../../../shared/execution/runContext';
import { addingLabels, changeLabels, readLabels } from '../../helpers/labels';
import { getContact, nodeError } from './lookup';

const properties: INodeProperties[] = [
	{
		displayName:
			'The contact to merge is DELETED: its conversations, inboxes and labels move to the base contact, and its details fill only what the base contact lacks. This cannot be undone. (Chatwoot itself drops the merged contact\'s labels; this node re-adds them to the base contact.)',
		name: 'mergeNotice',
		type: 'notice',
		default: '',
	},
	{
		...contactLocator('The contact that is kept and receives everything from the other one'),
		displayName: 'Base Contact (Kept)',
	},
	locator({
		name: 'mergeeContactId',
		displayName: 'Contact to Merge (Deleted)',
		searchListMethod: 'searchContacts',
		urlSegment: 'contacts',
		urlExample: 'https://app.chatwoot.com/app/accounts/1/contacts/8',
		description: 'The duplicate contact: merged into the base contact, then deleted',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['merge'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const baseId = getId(this, 'contactId', itemIndex, 'base contact ID');
	const mergeeId = getId(this, 'mergeeContactId', itemIndex, 'contact ID to merge');
	if (baseId === mergeeId) {
		throw new NodeOperationError(this.getNode(), `Cannot merge contact ${baseId} into itself`, {
			itemIndex,
			description: 'Choose two different contacts: the base contact to keep and the duplicate to merge into it.',
		});
	}
	// ContactMergeAction destroys the mergee with its taggings and copies no labels: read them first, re-add them after.
	const mergeeLabels = await readLabels(this, { kind: 'contact', id: mergeeId });
	const response = await chatwootApiRequest(this, {
		method: 'POST',
		path: '/actions/contact_merge',
		body: { base_contact_id: baseId, mergee_contact_id: mergeeId },
		subject: { resource: 'contact', id: `${baseId} or ${mergeeId}` },
		// Answer lost: the merge landed if the mergee is gone (then the base is the result).
		reconcile: async () => {
			try {
				await getContact(this, mergeeId);
				return undefined;
			} catch (error) {
				if (error instanceof NodeApiError && error.httpCode === '404') return await getContact(this, baseId);
				throw nodeError(this, error);
			}
		},
	});
	const record = unwrapRecord(response);
	if (mergeeLabels.length) await changeLabels(this, run, { kind: 'contact', id: baseId }, addingLabels(mergeeLabels));
	return toItems(record);
}
