import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { resources } from './resources';
import { runOperation } from '../../shared/execution/runOperation';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, resources);
}
