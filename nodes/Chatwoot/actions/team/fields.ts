import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../shared/helpers/items';

export function teamFields(): INodeProperties[] {
	return [
		{
			displayName: 'Allow Auto Assign',
			name: 'allowAutoAssign',
			type: 'boolean',
			default: true,
			description: 'Whether conversations assigned to the team are auto-assigned to its available agents',
		},
		{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'What the team handles' },
	];
}

/** Body of POST/PATCH /teams (app/controllers/api/v1/accounts/teams_controller.rb#team_params). */
export function teamBody(fields: IDataObject): IDataObject {
	return compact({ name: fields.name, description: fields.description, allow_auto_assign: fields.allowAutoAssign });
}
