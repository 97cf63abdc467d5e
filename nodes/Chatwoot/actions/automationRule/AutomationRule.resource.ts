import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as clone from './clone.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { clone, create, delete: del, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['automationRule'] } },
		options: [
			{
				name: 'Clone',
				value: 'clone',
				description: 'Copy an automation rule with its conditions and actions (the copy has a new ID)',
				action: 'Clone an automation rule',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a rule that runs actions (label, assign, reply, resolve…) when a Chatwoot event matches conditions',
				action: 'Create an automation rule',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete an automation rule', action: 'Delete an automation rule' },
			{ name: 'Get', value: 'get', description: 'Get an automation rule with its conditions and actions', action: 'Get an automation rule' },
			{ name: 'Get Many', value: 'getAll', description: 'List the automation rules of the account', action: 'Get many automation rules' },
			{
				name: 'Update',
				value: 'update',
				description: 'Rename, pause or change the event, conditions or actions of a rule',
				action: 'Update an automation rule',
			},
		],
		default: 'getAll',
	},
	{
		displayName: 'Automation rules need an administrator\'s access token',
		name: 'automationRuleNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['automationRule'] } },
	},
	...clone.description,
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
