import type { IExecuteFunctions } from 'n8n-workflow';

/** Pages fetched at once by lists with a known total (Batching → Pages in Parallel). */
export const DEFAULT_PAGES_IN_PARALLEL = 10;

/** Input items processed at once by operations that allow it (Batching → Items in Parallel). */
export const DEFAULT_ITEMS_IN_PARALLEL = 10;

/** Reads Batching → Pages in Parallel (1–20, default 10) for `getAllWithTotal`'s `concurrency`. */
export function pagesInParallel(context: IExecuteFunctions): number {
	const value = Number(context.getNodeParameter('batching.pagesInParallel', 0, DEFAULT_PAGES_IN_PARALLEL));
	return Number.isFinite(value) && value >= 1 ? Math.min(Math.floor(value), 20) : DEFAULT_PAGES_IN_PARALLEL;
}

/** Reads Batching → Items in Parallel (1–50, default 10). */
export function itemsInParallel(context: IExecuteFunctions): number {
	const value = Number(context.getNodeParameter('batching.itemsInParallel', 0, DEFAULT_ITEMS_IN_PARALLEL));
	return Number.isFinite(value) && value >= 1 ? Math.min(Math.floor(value), 50) : DEFAULT_ITEMS_IN_PARALLEL;
}
