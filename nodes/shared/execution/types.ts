import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { RunContext } from './runContext';

/** One operation: its UI fields and what it does for one input item. */
export interface OperationModule {
	description: INodeProperties[];
	/** Returns the output items for input item `itemIndex` (the router adds pairedItem). */
	execute(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]>;
	/**
	 * Whether items may run concurrently (per the node's batching option). Operations whose
	 * order matters to the user (sending messages into one conversation) leave this false.
	 */
	concurrent?: boolean;
}

export interface ResourceModule {
	/** The `operation` selector and every operation's fields, with displayOptions set. */
	description: INodeProperties[];
	operations: Record<string, OperationModule>;
}

