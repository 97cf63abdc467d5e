import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperation } from '../../shared/execution/runOperation';
import type { ResourceModule } from '../../shared/execution/types';
import * as account from './account/Account.resource';
import * as accountUser from './accountUser/AccountUser.resource';
import * as agentBot from './agentBot/AgentBot.resource';
import * as user from './user/User.resource';

export const resources: Record<string, ResourceModule> = { account, accountUser, agentBot, user };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, resources);
}
