import type { INodeProperties } from 'n8n-workflow';

export const noteSubject = (id?: number) => ({ resource: 'note', id });

/** Routes of app/controllers/api/v1/accounts/contacts/notes_controller.rb (views: app/views/api/v1/models/_note.json.jbuilder). */
export const notesPath = (contactId: number, noteId?: number) => `/contacts/${contactId}/notes${noteId === undefined ? '' : `/${noteId}`}`;

export const contentField = (required: boolean): INodeProperties => ({
	displayName: 'Content',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 4 },
	required,
	default: '',
	description: 'Text of the note (Markdown); only agents see notes',
});
