import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_ITEMS_IN_PARALLEL, DEFAULT_PAGES_IN_PARALLEL } from '../../shared/execution/parallelism';
import { resources } from './resources';

/** Operations that read a list whose total Chatwoot reports, so its pages can be fetched at once. */
const PAGED_OPERATIONS: Record<string, string[]> = { contact: ['getAll', 'filter', 'upsert'] };

/**
 * "Batching", shown only where it changes something: Items in Parallel for operations marked
 * `concurrent`, Pages in Parallel for lists with a known total. One property per resource,
 * because display conditions can't pair a resource with its operations otherwise.
 */
export function batchingFields(): INodeProperties[] {
	const fields: INodeProperties[] = [];
	for (const [resource, module] of Object.entries(resources)) {
		const concurrent = Object.entries(module.operations)
			.filter(([, operation]) => operation.concurrent === true)
			.map(([name]) => name);
		const paged = PAGED_OPERATIONS[resource] ?? [];
		const shown = [...new Set([...concurrent, ...paged])];
		if (shown.length === 0) continue;
		const options: INodeProperties[] = [
			{
				displayName: 'Items in Parallel',
				name: 'itemsInParallel',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50 },
				default: DEFAULT_ITEMS_IN_PARALLEL,
				displayOptions: { show: { '/operation': concurrent } },
				description:
					'How many input items are sent to Chatwoot at the same time. Output order stays as in the input, and every request of the run respects Chatwoot’s rate limit.',
			},
			{
				displayName: 'Pages in Parallel',
				name: 'pagesInParallel',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 20 },
				default: DEFAULT_PAGES_IN_PARALLEL,
				displayOptions: { show: { '/operation': paged } },
				description: 'How many pages of the contact list are fetched at the same time',
			},
		];
		fields.push({
			displayName: 'Batching',
			name: 'batching',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show: { resource: [resource], operation: shown } },
			options: options.filter((option) => (option.displayOptions?.show?.['/operation'] ?? []).length > 0),
		});
	}
	return fields;
}
