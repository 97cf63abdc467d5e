import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { unwrapRecord } from '../../../shared/transport';
import { clientRequest, conversationPath, getContactIdentifier } from '../../helpers/client';
import { contactIdentifierField, conversationLocator } from '../descriptions';

const show = (replyType: string[]) => ({ show: { replyType } });

const properties: INodeProperties[] = [
	contactIdentifierField,
	conversationLocator('The conversation of the message'),
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1234',
		description:
			'ID of the interactive message (options, form or CSAT survey) the contact answers, from Message → Get Many',
	},
	{
		displayName: 'Reply Type',
		name: 'replyType',
		type: 'options',
		options: [
			{ name: 'CSAT Rating', value: 'csat', description: 'Rate the conversation (answer to a CSAT survey message)' },
			{
				name: 'Custom (JSON)',
				value: 'json',
				description:
					'Send your own submitted_values; Chatwoot keeps only name, title, value and csat_survey_response (feedback_message, rating) and drops other keys',
			},
			{ name: 'Form', value: 'form', description: 'Submit the fields of a form message' },
			{ name: 'Option', value: 'select', description: 'Pick one of the options of an input_select message' },
		],
		default: 'select',
		description: 'What kind of interactive message the contact answers',
	},
	{
		displayName: 'Option Title',
		name: 'optionTitle',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show(['select']),
		description: 'Title of the chosen option, as shown to the contact',
	},
	{
		displayName: 'Option Value',
		name: 'optionValue',
		type: 'string',
		default: '',
		displayOptions: show(['select']),
		description: 'Value of the chosen option. Empty: the title is used.',
	},
	{
		displayName: 'Form Values',
		name: 'formValues',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field Value',
		default: {},
		displayOptions: show(['form']),
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						description: 'The "name" of the form field in the message\'s content_attributes.items',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Rating',
		name: 'rating',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 5 },
		default: 5,
		displayOptions: show(['csat']),
		description: 'Rating from 1 (very unsatisfied) to 5 (very satisfied)',
	},
	{
		displayName: 'Feedback Message',
		name: 'feedbackMessage',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		displayOptions: show(['csat']),
	},
	{
		displayName: 'Submitted Values (JSON)',
		name: 'submittedValues',
		type: 'json',
		default: '[]',
		required: true,
		displayOptions: show(['json']),
		description: 'The submitted_values Chatwoot stores on the message, as JSON (an array or an object)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['update'] } }, properties);

function submittedValues(context: IExecuteFunctions, itemIndex: number): IDataObject | IDataObject[] {
	const replyType = context.getNodeParameter('replyType', itemIndex) as string;
	if (replyType === 'select') {
		const title = String(context.getNodeParameter('optionTitle', itemIndex, ''));
		const value = String(context.getNodeParameter('optionValue', itemIndex, '')) || title;
		return [{ title, value }];
	}
	if (replyType === 'form') {
		const collection = context.getNodeParameter('formValues', itemIndex, {}) as { field?: IDataObject[] };
		const fields = (collection.field ?? []).filter((f) => String(f.name ?? '').trim() !== '');
		if (!fields.length) {
			throw new NodeOperationError(context.getNode(), 'The form reply has no values', {
				itemIndex,
				description: 'Add at least one field under Form Values, with the name of the form field.',
			});
		}
		return fields.map((f) => ({ name: String(f.name).trim(), value: f.value ?? '' }));
	}
	if (replyType === 'csat') {
		const rating = Number(context.getNodeParameter('rating', itemIndex, 5));
		const feedback = String(context.getNodeParameter('feedbackMessage', itemIndex, ''));
		const response: IDataObject = { rating };
		if (feedback !== '') response.feedback_message = feedback;
		return { csat_survey_response: response };
	}
	const raw = context.getNodeParameter('submittedValues', itemIndex) as unknown;
	if (raw !== null && typeof raw === 'object') return raw as IDataObject | IDataObject[];
	try {
		const parsed = JSON.parse(String(raw)) as unknown;
		if (parsed === null || typeof parsed !== 'object') throw new Error('not an object or array');
		return parsed as IDataObject | IDataObject[];
	} catch {
		throw new NodeOperationError(context.getNode(), 'The field "Submitted Values (JSON)" is not a valid JSON object or array', {
			itemIndex,
			description: 'Write JSON such as [{"name": "email", "value": "jane@example.com"}].',
		});
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactIdentifier = getContactIdentifier(this, itemIndex);
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const messageId = getId(this, 'messageId', itemIndex, 'message ID');
	const body: IDataObject = { submitted_values: submittedValues(this, itemIndex) as IDataObject };
	const response = await clientRequest(
		this,
		{ method: 'PATCH', path: `${conversationPath(contactIdentifier, conversationId)}/messages/${messageId}`, body },
		{ contactIdentifier, conversationId, messageId, itemIndex },
	);
	return toItems(unwrapRecord(response));
}
