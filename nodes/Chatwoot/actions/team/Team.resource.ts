import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/types';
import * as addAgents from './addAgents.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAgents from './getAgents.operation';
import * as getAll from './getAll.operation';
import * as removeAgents from './removeAgents.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { addAgents, create, delete: del, get, getAgents, getAll, removeAgents, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['team'] } },
		options: [
			{ name: 'Add Agents', value: 'addAgents', description: 'Make agents members of a team; existing members stay', action: 'Add agents to a team' },
			{ name: 'Create', value: 'create', description: 'Create a team that conversations can be assigned to', action: 'Create a team' },
			{ name: 'Delete', value: 'delete', description: 'Delete a team; its conversations lose the team but keep their agent', action: 'Delete a team' },
			{ name: 'Get', value: 'get', description: 'Get a team by ID', action: 'Get a team' },
			{ name: 'Get Agents', value: 'getAgents', description: 'List the agents who are members of a team', action: 'Get the agents of a team' },
			{ name: 'Get Many', value: 'getAll', description: 'List the teams of the account', action: 'Get many teams' },
			{ name: 'Remove Agents', value: 'removeAgents', description: 'Remove agents from a team; the other members stay', action: 'Remove agents from a team' },
			{ name: 'Update', value: 'update', description: "Change a team's name, description or auto-assignment", action: 'Update a team' },
		],
		default: 'getAll',
	},
	...addAgents.description,
	...create.description,
	...del.description,
	...get.description,
	...getAgents.description,
	...getAll.description,
	...removeAgents.description,
	...update.description,
];
