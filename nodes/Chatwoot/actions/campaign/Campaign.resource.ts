import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { create, delete: del, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a proactive message: shown to website visitors on a page (ongoing) or sent to labelled contacts by SMS/WhatsApp (one-off)',
				action: 'Create a campaign',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a campaign', action: 'Delete a campaign' },
			{ name: 'Get', value: 'get', description: 'Get a campaign by its number', action: 'Get a campaign' },
			{ name: 'Get Many', value: 'getAll', description: 'List the campaigns of the account', action: 'Get many campaigns' },
			{ name: 'Update', value: 'update', description: 'Change, enable or disable a campaign', action: 'Update a campaign' },
		],
		default: 'getAll',
	},
	{
		displayName: "Campaigns need an administrator's access token and a website, SMS or WhatsApp inbox (WhatsApp campaigns also need the account's whatsapp_campaign feature)",
		name: 'campaignNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['campaign'] } },
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
