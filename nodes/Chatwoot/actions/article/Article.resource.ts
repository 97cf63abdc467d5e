import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import { helpCenterNotice } from '../portal/Portal.resource';
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
		displayOptions: { show: { resource: ['article'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Write a help-center article (Markdown), as a draft or published',
				action: 'Create an article',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete an article', action: 'Delete an article' },
			{ name: 'Get', value: 'get', description: 'Get an article with its content', action: 'Get an article' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List or search the articles of a portal by status, category, locale, author or words',
				action: 'Get many articles',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Edit, publish, archive or move an article',
				action: 'Update an article',
			},
		],
		default: 'getAll',
	},
	helpCenterNotice('article'),
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
