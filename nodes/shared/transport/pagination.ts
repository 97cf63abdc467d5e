import type { IDataObject } from 'n8n-workflow';

import { listMeta, unwrapList } from './envelope';
import { chatwootApiRequest } from './request';
import type { ChatwootContext, ChatwootRequest } from './request';

export interface ListOptions {
	returnAll: boolean;
	/** Ignored when returnAll is true. */
	limit?: number;
	/** How many pages may be in flight at once where the total is known. */
	concurrency?: number;
}

type PageRequest = Omit<ChatwootRequest, 'method'> & { method?: ChatwootRequest['method'] };

function wanted(options: ListOptions): number {
	if (options.returnAll) return Number.POSITIVE_INFINITY;
	const limit = Number(options.limit ?? 50);
	return Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : 50;
}

function withPage(request: PageRequest, page: number): ChatwootRequest {
	return { ...request, method: request.method ?? 'GET', qs: { ...request.qs, page } };
}

/** Runs `task` over `inputs` with at most `concurrency` in flight, keeping result order. */
export async function mapConcurrent<I, O>(inputs: I[], concurrency: number, task: (input: I, index: number) => Promise<O>): Promise<O[]> {
	const results = new Array<O>(inputs.length);
	let next = 0;
	const workers = Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, async () => {
		while (next < inputs.length) {
			const index = next++;
			results[index] = await task(inputs[index], index);
		}
	});
	await Promise.all(workers);
	return results;
}

/**
 * Page numbers with a known total (`meta.count`): contacts list and filter, 15 per page.
 * After the first page the remaining ones are fetched concurrently, in order.
 */
export async function getAllWithTotal(
	context: ChatwootContext,
	request: PageRequest,
	options: ListOptions,
	pageSize = 15,
): Promise<IDataObject[]> {
	const max = wanted(options);
	const first = await chatwootApiRequest(context, withPage(request, 1));
	const records = unwrapList(first);
	const total = Number(listMeta(first).count);
	if (records.length >= max) return records.slice(0, max);
	if (!Number.isFinite(total) || records.length < pageSize) return records;
	const lastPage = Math.ceil(Math.min(total, max) / pageSize);
	const pages = Array.from({ length: Math.max(0, lastPage - 1) }, (_, i) => i + 2);
	const rest = await mapConcurrent(pages, options.concurrency ?? 10, async (page) =>
		unwrapList(await chatwootApiRequest(context, withPage(request, page))),
	);
	const all = records.concat(...rest);
	return all.slice(0, max);
}

/**
 * Page numbers without a total: conversations (25 per page) stop at a short page;
 * contact search reports `meta.has_more` (its `meta.count` is the page's size, not a total).
 * Sequential on purpose: without a total the last page is only known once a short page arrives,
 * so parallel requests would be guesses past the end (wasted requests against the 3000/min limit
 * and, for search, against its 100/min limit). The conversation list's meta holds assignee-tab
 * counts (mine/unassigned/all), not a total for every filter (q ignores status), and asking
 * GET /conversations/meta first would spend its 30/min limit.
 */
export async function getAllUntilShortPage(
	context: ChatwootContext,
	request: PageRequest,
	options: ListOptions,
	pageSize: number,
): Promise<IDataObject[]> {
	const max = wanted(options);
	const all: IDataObject[] = [];
	for (let page = 1; all.length < max; page++) {
		const body = await chatwootApiRequest(context, withPage(request, page));
		const records = unwrapList(body);
		all.push(...records);
		const hasMore = listMeta(body).has_more;
		if (records.length === 0) break;
		if (hasMore === false) break;
		if (hasMore !== true && records.length < pageSize) break;
	}
	return all.slice(0, max);
}

/**
 * Message cursor: without `before` Chatwoot returns the latest 20; `before=<smallest id>`
 * returns the 20 before it. Output is oldest first; with a limit, the latest `limit` messages.
 */
export async function getAllByCursor(
	context: ChatwootContext,
	request: PageRequest,
	options: ListOptions,
): Promise<IDataObject[]> {
	const max = wanted(options);
	let collected: IDataObject[] = [];
	let before: number | undefined;
	while (collected.length < max) {
		const qs = before === undefined ? { ...request.qs } : { ...request.qs, before };
		const body = await chatwootApiRequest(context, { ...request, method: request.method ?? 'GET', qs });
		const records = unwrapList(body);
		const older = before === undefined ? records : records.filter((r) => Number(r.id) < before!);
		if (older.length === 0) break;
		collected = older.concat(collected);
		const smallest = Math.min(...older.map((r) => Number(r.id)));
		if (!Number.isFinite(smallest)) break;
		before = smallest;
	}
	collected.sort((a, b) => Number(a.id) - Number(b.id));
	return collected.length > max ? collected.slice(collected.length - max) : collected;
}
