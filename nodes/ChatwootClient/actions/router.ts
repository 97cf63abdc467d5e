import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperation } from '../../shared/execution/runOperation';
import type { ResourceModule } from '../../shared/execution/types';
import * as contact from './contact/Contact.resource';
import * as conversation from './conversation/Conversation.resource';
import * as message from './message/Message.resource';

export const resources: Record<string, ResourceModule> = { contact, conversation, message };

/** Items run one at a time, in order: a chat's messages must keep their order. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, resources);
}
