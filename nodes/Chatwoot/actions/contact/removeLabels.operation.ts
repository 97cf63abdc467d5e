import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems, toLabelList } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { contactLocator, labelsField } from '../../../shared/descriptions';
import { changeLabels, removingLabels } from '../../helpers/labels';

const properties: INodeProperties[] = [
	contactLocator('The contact to remove labels from'),
	labelsField('Labels to remove; the contact keeps its other labels'),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['removeLabels'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	const labels = toLabelList(this.getNodeParameter('labels', itemIndex, []));
	if (labels.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No labels to remove', { itemIndex, description: 'Choose at least one label.' });
	}
	const result = await changeLabels(this, run, { kind: 'contact', id: contactId }, removingLabels(labels));
	return toItems(result);
}
