import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * Interactive messages (docs/chatwoot/API-NOTES.md §1.3): Chatwoot renders `content_type` + `content_attributes.items`
 * in the web widget and maps some of them to WhatsApp, Telegram, Facebook and Line. The items are
 * built from structured fields here, never from raw JSON.
 */

const show = (contentType: string) => ({ show: { contentType: [contentType] } });

export const contentTypeField: INodeProperties = {
	displayName: 'Content Type',
	name: 'contentType',
	type: 'options',
	default: 'text',
	description: 'What kind of message to send; interactive types are rendered by the website widget and some channels',
	options: [
		{ name: 'Articles', value: 'article', description: 'Links to help-center articles' },
		{ name: 'Cards', value: 'cards', description: 'Cards with an image, text and buttons' },
		{ name: 'Email Input', value: 'input_email', description: 'Asks the contact for their email address' },
		{ name: 'Form', value: 'form', description: 'A form with fields the contact fills in' },
		{ name: 'Select Options', value: 'input_select', description: 'Buttons the contact picks one from' },
		{ name: 'Text', value: 'text', description: 'A plain text message' },
	],
};

export const interactiveFields: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'selectOptions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('input_select'),
		description: 'The choices shown to the contact',
		options: [
			{
				displayName: 'Option',
				name: 'option',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Text shown on the button' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Value Chatwoot records when the contact picks this option',
					},
				],
			},
		],
	},
	{
		displayName: 'Cards',
		name: 'cards',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Card',
		default: {},
		displayOptions: show('cards'),
		description: 'The cards to show; each card needs at least one action',
		options: [
			{
				displayName: 'Card',
				name: 'card',
				values: [
					{
						displayName: 'Actions',
						name: 'actions',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						placeholder: 'Add Action',
						default: {},
						description: 'Buttons on the card',
						options: [
							{
								displayName: 'Action',
								name: 'action',
								values: [
									{
										displayName: 'Payload',
										name: 'payload',
										type: 'string',
										default: '',
										description: 'Value sent back when the contact clicks the button',
										displayOptions: { show: { type: ['postback'] } },
									},
									{ displayName: 'Text', name: 'text', type: 'string', default: '', description: 'Button text' },
									{
										displayName: 'Type',
										name: 'type',
										type: 'options',
										default: 'link',
										options: [
											{ name: 'Link', value: 'link', description: 'Opens a URL' },
											{ name: 'Postback', value: 'postback', description: 'Sends a value back to the conversation' },
										],
									},
									{
										displayName: 'URL',
										name: 'uri',
										type: 'string',
										default: '',
										placeholder: 'https://example.com/product',
										description: 'Address the button opens',
										displayOptions: { show: { type: ['link'] } },
									},
								],
							},
						],
					},
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					{
						displayName: 'Media URL',
						name: 'mediaUrl',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/image.png',
						description: 'Address of the image shown on the card',
					},
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Form Fields',
		name: 'formFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('form'),
		description: 'The fields of the form; the answers come back as a message_updated event',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Default Value', name: 'defaultValue', type: 'string', default: '' },
					{
						displayName: 'Label',
						name: 'label',
						type: 'string',
						default: '',
						description: 'Text shown above the field',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						description: 'Key of the answer in the submitted values',
					},
					{
						displayName: 'Options',
						name: 'options',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						placeholder: 'Add Option',
						default: {},
						description: 'Choices of a select field',
						displayOptions: { show: { type: ['select'] } },
						options: [
							{
								displayName: 'Option',
								name: 'option',
								values: [
									{ displayName: 'Label', name: 'label', type: 'string', default: '' },
									{ displayName: 'Value', name: 'value', type: 'string', default: '' },
								],
							},
						],
					},
					{ displayName: 'Placeholder', name: 'placeholder', type: 'string', default: '' },
					{
						displayName: 'Required',
						name: 'required',
						type: 'boolean',
						default: false,
						description: 'Whether the contact must fill in this field',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'text',
						options: [
							{ name: 'Email', value: 'email' },
							{ name: 'Select', value: 'select' },
							{ name: 'Text', value: 'text' },
							{ name: 'Text Area', value: 'text_area' },
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Articles',
		name: 'articles',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Article',
		default: {},
		displayOptions: show('article'),
		description: 'The articles to link to',
		options: [
			{
				displayName: 'Article',
				name: 'article',
				values: [
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					{
						displayName: 'Link',
						name: 'link',
						type: 'string',
						default: '',
						placeholder: 'https://help.example.com/articles/returns',
					},
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
				],
			},
		],
	},
];

function entries(value: unknown, key: string): IDataObject[] {
	if (!value || typeof value !== 'object') return [];
	const list = (value as IDataObject)[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

function withText(target: IDataObject, key: string, value: unknown): void {
	const v = text(value);
	if (v !== '') target[key] = v;
}

/**
 * Builds `content_attributes` for the chosen content type, or undefined for plain text and
 * email input (which need none). Throws when an interactive message would be empty or
 * incomplete, before Chatwoot rejects it with a terse validation error.
 */
export function buildContentAttributes(
	context: IExecuteFunctions,
	contentType: string,
	itemIndex: number,
): IDataObject | undefined {
	const fail = (message: string, description: string) =>
		new NodeOperationError(context.getNode(), message, { itemIndex, description });

	if (contentType === 'input_select') {
		const items = entries(context.getNodeParameter('selectOptions', itemIndex, {}), 'option').map((o) => ({
			title: text(o.title),
			value: text(o.value) === '' ? text(o.title) : text(o.value),
		}));
		if (items.length === 0 || items.some((o) => o.title === '')) {
			throw fail('Every select option needs a title', 'Add at least one option under "Options" and give each a title.');
		}
		return { items };
	}
	if (contentType === 'cards') {
		const items = entries(context.getNodeParameter('cards', itemIndex, {}), 'card').map((card) => {
			const item: IDataObject = {};
			withText(item, 'title', card.title);
			withText(item, 'description', card.description);
			withText(item, 'media_url', card.mediaUrl);
			item.actions = entries(card.actions, 'action').map((a) => {
				const type = text(a.type) || 'link';
				const action: IDataObject = { type, text: text(a.text) };
				if (type === 'link') action.uri = text(a.uri);
				else action.payload = text(a.payload);
				return action;
			});
			return item;
		});
		if (items.length === 0) throw fail('A cards message needs at least one card', 'Add a card under "Cards".');
		if (items.some((c) => (c.actions as IDataObject[]).length === 0)) {
			throw fail('Every card needs at least one action', 'Chatwoot rejects cards without buttons. Add a link or postback action to each card.');
		}
		return { items };
	}
	if (contentType === 'form') {
		const items = entries(context.getNodeParameter('formFields', itemIndex, {}), 'field').map((f) => {
			const type = text(f.type) || 'text';
			const field: IDataObject = { type, name: text(f.name) };
			withText(field, 'label', f.label);
			withText(field, 'placeholder', f.placeholder);
			withText(field, 'default', f.defaultValue);
			field.required = f.required === true;
			if (type === 'select') {
				field.options = entries(f.options, 'option').map((o) => {
					const value = text(o.value) === '' ? text(o.label) : text(o.value);
					return { key: value, label: text(o.label) === '' ? value : text(o.label), value };
				});
			}
			return field;
		});
		if (items.length === 0 || items.some((f) => f.name === '')) {
			throw fail('Every form field needs a name', 'Add at least one field under "Form Fields" and give each a name (the key of the answer).');
		}
		const emptySelect = items.find((f) => f.type === 'select' && (f.options as IDataObject[]).length === 0);
		if (emptySelect) {
			throw fail(`The select field "${String(emptySelect.name)}" has no options`, 'Add its choices under the field\'s "Options".');
		}
		return { items };
	}
	if (contentType === 'article') {
		const items = entries(context.getNodeParameter('articles', itemIndex, {}), 'article').map((a) => {
			const item: IDataObject = { title: text(a.title) };
			withText(item, 'description', a.description);
			withText(item, 'link', a.link);
			return item;
		});
		if (items.length === 0 || items.some((a) => a.title === '')) {
			throw fail('Every article needs a title', 'Add at least one article under "Articles" and give each a title.');
		}
		return { items };
	}
	return undefined;
}
