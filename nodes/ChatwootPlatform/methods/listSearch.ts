import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { asList, platformRequest } from '../helpers/request';

function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return values.some((v) => v !== undefined && v !== null && String(v).toLowerCase().includes(needle));
}

function toResults(records: IDataObject[], filter: string | undefined): INodeListSearchResult {
	return {
		results: records
			.filter((r) => matches(filter, r.name, r.id))
			.map((r) => ({ name: `${String(r.name ?? '')} (#${String(r.id)})`, value: String(r.id) })),
	};
}

/** Accounts this Platform App created (Platform::Api::V1::AccountsController#index). */
export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return toResults(asList(await platformRequest(this, { method: 'GET', path: '/accounts' })), filter);
}

/** Agent bots this Platform App created (Platform::Api::V1::AgentBotsController#index). */
export async function searchAgentBots(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return toResults(asList(await platformRequest(this, { method: 'GET', path: '/agent_bots' })), filter);
}
