import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { create, delete: del, get, getAll, update };

/** Shown on portal, category and article: where the help center exists and who may write. */
export const helpCenterNotice = (resource: string): INodeProperties => ({
	displayName:
		"Help center: writing needs an administrator's access token. Self-hosted Chatwoot has it in every edition; on Chatwoot Cloud it depends on the plan.",
	name: `${resource}HelpCenterNotice`,
	type: 'notice',
	default: '',
	displayOptions: { show: { resource: [resource] } },
});

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['portal'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a help-center portal (knowledge base)', action: 'Create a portal' },
			{ name: 'Delete', value: 'delete', description: 'Delete a portal with its categories and articles', action: 'Delete a portal' },
			{ name: 'Get', value: 'get', description: 'Get a portal with its article counts', action: 'Get a portal' },
			{ name: 'Get Many', value: 'getAll', description: 'List the help-center portals of the account', action: 'Get many portals' },
			{ name: 'Update', value: 'update', description: 'Change the name, slug, locales or look of a portal', action: 'Update a portal' },
		],
		default: 'getAll',
	},
	helpCenterNotice('portal'),
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
