import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems, toLabelList } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { contactLocator, labelsField } from '../../../shared/descriptions';
import { addingLabels, assertLabelsExist, changeLabels } from '../../helpers/labels';

const properties: INodeProperties[] = [
	contactLocator('The contact to label'),
	labelsField('Labels to add; the contact keeps its other labels'),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['addLabels'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const contactId = getId(this, 'contactId', itemIndex, 'contact ID');
	const labels = toLabelList(this.getNodeParameter('labels', itemIndex, []));
	if (labels.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No labels to add', { itemIndex, description: 'Choose at least one label.' });
	}
	await assertLabelsExist(this, run, labels, itemIndex);
	const result = await changeLabels(this, run, { kind: 'contact', id: contactId }, addingLabels(labels));
	return toItems(result);
}
