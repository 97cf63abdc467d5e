import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { businessHoursField, rangeFields, readRange, readScope, reportRequest, scopeFields } from './shared';

const properties: INodeProperties[] = [
	...scopeFields(),
	...rangeFields(),
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [businessHoursField] },
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getSummary'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...readScope(this, itemIndex), ...readRange(this, itemIndex) };
	if (options.businessHours !== undefined) qs.business_hours = options.businessHours;
	// Chatwoot adds `previous`: the same metrics for the period of equal length just before Since.
	return toItems(unwrapRecord(await reportRequest(this, '/reports/summary', qs)));
}

export const concurrent = true;
