import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { explainFailure } from '../../helpers/failures';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['auditLog'], operation: ['getAll'] } }, properties);

/** Enterprise's AuditLogsController: 25 per page, newest first, `{audit_logs, per_page, total_entries, current_page}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const max = returnAll ? Number.POSITIVE_INFINITY : (this.getNodeParameter('limit', itemIndex) as number);
	const logs: IDataObject[] = [];
	for (let page = 1; logs.length < max; page++) {
		const body = (await explainFailure(
			this,
			async () => await chatwootApiRequest(this, { method: 'GET', path: '/audit_logs', qs: { page }, subject: { resource: 'audit log' } }),
			(status) =>
				status === 404
					? {
							message: 'This Chatwoot has no audit logs',
							description:
								'Audit logs are a Chatwoot Enterprise feature (Business plan and up on Chatwoot Cloud; a self-hosted Enterprise licence otherwise). Community editions answer "not found" here.',
						}
					: undefined,
		)) as IDataObject;
		const rows = Array.isArray(body?.audit_logs) ? (body.audit_logs as IDataObject[]) : [];
		logs.push(...rows);
		const total = Number(body?.total_entries);
		const perPage = Number(body?.per_page) || 25;
		if (rows.length < perPage || (Number.isFinite(total) && logs.length >= total)) break;
	}
	return toItems(logs.slice(0, max));
}
