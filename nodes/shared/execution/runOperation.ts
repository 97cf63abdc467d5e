import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { RunContext } from './runContext';
import { mapConcurrent } from '../transport';
import { itemsInParallel } from './parallelism';
import type { ResourceModule } from './types';

function errorMessage(error: unknown): string {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (!error.description) return error.message;
		return /[.!?]$/.test(error.message) ? `${error.message} ${error.description}` : `${error.message}. ${error.description}`;
	}
	return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the selected operation for every input item (several at once for operations marked
 * `concurrent`), keeps input order, adds pairedItem, and turns errors into items when
 * "Continue On Fail" is on. Shared by the Chatwoot and Chatwoot Client nodes.
 */
export async function runOperation(
	context: IExecuteFunctions,
	catalogue: Record<string, ResourceModule>,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const module = catalogue[resource]?.operations[operation];
	if (!module) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const run = new RunContext();
	const concurrency = module.concurrent ? itemsInParallel(context) : 1;

	const perItem = await mapConcurrent(
		items.map((_, index) => index),
		concurrency,
		async (itemIndex): Promise<INodeExecutionData[]> => {
			try {
				const output = await module.execute.call(context, itemIndex, run);
				return output.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
			} catch (error) {
				if (context.continueOnFail()) {
					return [{ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } }];
				}
				if (error instanceof NodeApiError) {
					error.context = { ...error.context, itemIndex };
					// NodeApiError's constructor hands back the same instance.
					throw new NodeApiError(context.getNode(), error as unknown as JsonObject, { itemIndex });
				}
				if (error instanceof NodeOperationError) error.context = { ...error.context, itemIndex };
				throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
			}
		},
	);
	return [perItem.flat()];
}
