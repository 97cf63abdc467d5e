import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { macroLocator } from '../../helpers/locators';
import { getMacro, subject } from './shared';

const properties: INodeProperties[] = [
	macroLocator('The macro to run'),
	{
		displayName: 'Conversation IDs',
		name: 'conversationIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42, 43',
		description: 'The conversations to run the macro on, by the number shown in Chatwoot; comma-separated, or a list from an expression',
	},
	{
		displayName: 'Chatwoot runs the macro in the background: the output confirms it was queued. Unknown conversation numbers are skipped by Chatwoot without an error.',
		name: 'executeNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['macro'], operation: ['execute'] } }, properties);

function readConversationIds(context: IExecuteFunctions, itemIndex: number): number[] {
	const raw = context.getNodeParameter('conversationIds', itemIndex, '') as unknown;
	const list = (Array.isArray(raw) ? raw : String(raw ?? '').split(',')).map((v) => String(v).trim()).filter((v) => v !== '');
	const invalid = list.filter((v) => !/^\d+$/.test(v));
	if (invalid.length || list.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			list.length ? `"${invalid.join('", "')}" is not a conversation number` : 'No conversations given',
			{ itemIndex, description: 'Give the conversation numbers shown in Chatwoot (display IDs), comma-separated or as a list.' },
		);
	}
	return [...new Set(list.map(Number))];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getId(this, 'macroId', itemIndex, 'macro ID');
	const conversationIds = readConversationIds(this, itemIndex);
	// Chatwoot answers 200 for an unknown macro too (the background job then fails silently): check first.
	const macro = await getMacro(this, id);
	await chatwootApiRequest(this, {
		method: 'POST',
		path: `/macros/${id}/execute`,
		body: { conversation_ids: conversationIds },
		subject: subject(id),
		// Running the same macro twice would repeat its actions (a second message, …).
		idempotent: false,
	});
	return toItems({ macro_id: id, macro_name: macro.name, conversation_ids: conversationIds, queued: true });
}
