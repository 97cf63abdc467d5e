import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { rangeFields, readRange, reportRequest } from './shared';

const properties: INodeProperties[] = [
	...rangeFields(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Inbox IDs', name: 'inboxIds', type: 'string', default: '', placeholder: 'e.g. 1, 4', description: 'Only these inboxes (comma-separated IDs)' },
			{ displayName: 'Label IDs', name: 'labelIds', type: 'string', default: '', placeholder: 'e.g. 2, 9', description: 'Only these labels (comma-separated IDs)' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getInboxLabelMatrix'] } }, properties);

const ids = (text: unknown) =>
	String(text ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter((v) => /^\d+$/.test(v))
		.map(Number);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...readRange(this, itemIndex) };
	if (ids(options.inboxIds).length) qs.inbox_ids = ids(options.inboxIds);
	if (ids(options.labelIds).length) qs.label_ids = ids(options.labelIds);
	const body = (await reportRequest(this, '/reports/inbox_label_matrix', qs)) as IDataObject;
	const inboxes = (body.inboxes ?? []) as IDataObject[];
	const labels = (body.labels ?? []) as IDataObject[];
	const matrix = (body.matrix ?? []) as number[][];
	// One item per inbox × label cell: ready for a pivot table.
	return toItems(
		inboxes.flatMap((inbox, i) =>
			labels.map((label, j) => ({
				inbox_id: inbox.id,
				inbox_name: inbox.name,
				label_id: label.id,
				label: label.title,
				conversations_count: matrix[i]?.[j] ?? 0,
			})),
		),
	);
}

export const concurrent = true;
