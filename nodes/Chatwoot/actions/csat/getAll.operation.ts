import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { getAllUntilShortPage } from '../../../shared/transport';
import { returnAllOrLimit, simplifyField } from '../../../shared/descriptions';
import { csatFilters, csatQuery, simplifyCsat } from './shared';

const properties: INodeProperties[] = [...returnAllOrLimit(), csatFilters, simplifyField];

export const description = updateDisplayOptions({ show: { resource: ['csat'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	// 25 per page, a bare array without a total (CsatSurveyResponsesController::RESULTS_PER_PAGE)
	const responses = await getAllUntilShortPage(
		this,
		{ path: '/csat_survey_responses', qs: csatQuery(this, itemIndex), subject: { resource: 'CSAT survey response' } },
		{ returnAll, limit },
		25,
	);
	return toItems(this.getNodeParameter('simplify', itemIndex, true) ? responses.map(simplifyCsat) : responses);
}

export const concurrent = true;
