import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest } from '../../../shared/transport';
import { conversationLocator } from '../../../shared/descriptions';
import { conversationLock, conversationSubject } from './shared';

const properties: INodeProperties[] = [
	conversationLocator(),
	{
		displayName: 'Typing Status',
		name: 'typingStatus',
		type: 'options',
		options: [
			{ name: 'On', value: 'on', description: 'Show that someone is typing' },
			{ name: 'Off', value: 'off', description: 'Stop showing the typing indicator' },
		],
		default: 'on',
		description: 'Whether to show or hide the typing indicator',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Private',
				name: 'private',
				type: 'boolean',
				default: false,
				description: 'Whether the typing is for a private note (shown to agents only, not to the contact)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['toggleTyping'] } }, properties);

// Items about the same conversation keep their order (on → off) through the per-conversation lock.
export const concurrent = true;

/** Output: `{id, typing_status, private}`; Chatwoot answers with an empty 200. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunContext,
): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const typingStatus = this.getNodeParameter('typingStatus', itemIndex) as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const isPrivate = options.private === true;
	await run.exclusive([conversationLock(conversationId)], async () =>
		await chatwootApiRequest(this, {
			method: 'POST',
			path: `/conversations/${conversationId}/toggle_typing_status`,
			body: { typing_status: typingStatus, is_private: isPrivate },
			subject: conversationSubject(conversationId),
			idempotent: true,
		}),
	);
	return [{ json: { id: conversationId, typing_status: typingStatus, private: isPrivate } }];
}
