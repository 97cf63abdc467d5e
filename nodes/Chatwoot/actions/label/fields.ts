import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../shared/helpers/items';

export function labelFields(): INodeProperties[] {
	return [
		{ displayName: 'Color', name: 'color', type: 'color', default: '#1f93ff', description: 'Colour of the label in Chatwoot' },
		{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'What the label means, shown to agents' },
		{ displayName: 'Show on Sidebar', name: 'showOnSidebar', type: 'boolean', default: true, description: "Whether the label appears in Chatwoot's sidebar as a conversation folder" },
	];
}

/** Body of POST/PATCH /labels (app/controllers/api/v1/accounts/labels_controller.rb#permitted_params). */
export function labelBody(fields: IDataObject): IDataObject {
	return compact({ title: fields.title, description: fields.description, color: fields.color, show_on_sidebar: fields.showOnSidebar });
}

export const titleDescription =
	'Letters, numbers, - and _ only, no spaces (app/models/label.rb); Chatwoot stores it in lower case. Contacts and conversations carry labels by this title.';
