import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { RunContext } from '../../Chatwoot/helpers/runContext';
import type { ResourceModule } from '../../Chatwoot/actions/types';
import * as contact from './contact/Contact.resource';
import * as conversation from './conversation/Conversation.resource';
import * as message from './message/Message.resource';

export const resources: Record<string, ResourceModule> = { contact, conversation, message };

function errorMessage(error: unknown): string {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		return error.description ? `${error.message}. ${error.description}` : error.message;
	}
	return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the selected operation for every input item, in order (a chat's messages must keep
 * their order), adds pairedItem and turns errors into items when "Continue On Fail" is on.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.operations[operation];
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const run = new RunContext();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await module.execute.call(this, itemIndex, run);
			for (const item of result) output.push({ ...item, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
				continue;
			}
			if (error instanceof NodeApiError) {
				error.context = { ...error.context, itemIndex };
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
			}
			if (error instanceof NodeOperationError) error.context = { ...error.context, itemIndex };
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}
	return [output];
}
