import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as createHook from './createHook.operation';
import * as deleteHook from './deleteHook.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as updateHook from './updateHook.operation';

export const operations: Record<string, OperationModule> = { createHook, deleteHook, get, getAll, updateHook };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['integration'] } },
		options: [
			{ name: 'Create Hook', value: 'createHook', description: 'Connect an integration app (e.g. Dialogflow, OpenAI) with its settings', action: 'Create an integration hook' },
			{ name: 'Delete Hook', value: 'deleteHook', description: 'Disconnect an integration hook', action: 'Delete an integration hook' },
			{ name: 'Get', value: 'get', description: 'Get one integration app with its hooks', action: 'Get an integration app' },
			{ name: 'Get Many', value: 'getAll', description: 'List the integration apps, whether each is enabled, and their hooks', action: 'Get many integration apps' },
			{ name: 'Update Hook', value: 'updateHook', description: "Enable or disable an integration hook or change its settings", action: 'Update an integration hook' },
		],
		default: 'getAll',
	},
	...createHook.description,
	...deleteHook.description,
	...get.description,
	...getAll.description,
	...updateHook.description,
];
