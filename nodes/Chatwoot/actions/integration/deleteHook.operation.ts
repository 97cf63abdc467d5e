import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { integrationHookLocator } from '../../helpers/settingsLocators';
import { deleted } from '../../helpers/records';
import { hookSubject } from './fields';

const properties: INodeProperties[] = [integrationHookLocator()];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['deleteHook'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const hookId = getId(this, 'hookId', itemIndex, 'hook ID');
	await chatwootApiRequest(this, { method: 'DELETE', path: `/integrations/hooks/${hookId}`, subject: hookSubject(hookId) });
	return deleted('integrationHook', hookId);
}

export const concurrent = true;
