import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { RunContext } from '../helpers/runContext';
import { mapConcurrent } from '../transport';
import { itemsInParallel } from './common.descriptions';
import { resources } from './resources';

function errorMessage(error: unknown): string {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (!error.description) return error.message;
		return /[.!?]$/.test(error.message) ? `${error.message} ${error.description}` : `${error.message}. ${error.description}`;
	}
	return error instanceof Error ? error.message : String(error);
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.operations[operation];
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const run = new RunContext();
	const concurrency = module.concurrent ? itemsInParallel(this) : 1;

	const perItem = await mapConcurrent(
		items.map((_, index) => index),
		concurrency,
		async (itemIndex): Promise<INodeExecutionData[]> => {
			try {
				const output = await module.execute.call(this, itemIndex, run);
				return output.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
			} catch (error) {
				if (this.continueOnFail()) {
					return [{ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } }];
				}
				if (error instanceof NodeApiError) {
					error.context = { ...error.context, itemIndex };
					// NodeApiError's constructor hands back the same instance.
					throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
				}
				if (error instanceof NodeOperationError) error.context = { ...error.context, itemIndex };
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
		},
	);
	return [perItem.flat()];
}
