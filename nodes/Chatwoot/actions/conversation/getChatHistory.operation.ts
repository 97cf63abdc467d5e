import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { messageTypeName } from '../../../shared/helpers/simplify';
import { getAllByCursor } from '../../../shared/transport';
import { conversationLocator } from '../../../shared/descriptions';
import { conversationSubject } from './shared';

const properties: INodeProperties[] = [
	conversationLocator('The conversation whose history to get, by the number shown in Chatwoot (its display ID)'),
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'One Transcript',
				value: 'transcript',
				description: 'One item: the whole history as text plus a list of messages',
			},
			{ name: 'One Item per Message', value: 'messages', description: 'Each message as its own item, oldest first' },
		],
		default: 'transcript',
		description: 'How to output the history',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Private Notes',
				name: 'includePrivateNotes',
				type: 'boolean',
				default: false,
				description: 'Whether to include the notes agents wrote for each other (the customer never saw them)',
			},
			{
				displayName: 'Max Characters',
				name: 'maxCharacters',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Keep only the latest messages whose text fits in this many characters (0 = no limit); the oldest kept message may be cut at its start',
			},
			{
				displayName: 'Max Messages',
				name: 'maxMessages',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Keep only this many of the latest messages (0 = all)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['getChatHistory'] } }, properties);

export const concurrent = true;

interface Turn {
	role: 'user' | 'assistant';
	content: string;
	time: string | null;
	sender_type: string;
	sender_name: string | null;
	private: boolean;
	attachments: Array<{ type: string; url: string; name: string | null }>;
	message_id: number;
}

function toIso(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000).toISOString();
	if (typeof value === 'string' && value !== '') {
		const parsed = Date.parse(value);
		return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
	}
	return null;
}

/** Chatwoot message → a chat turn; null for what is not conversation (activity messages). */
function toTurn(message: IDataObject): Turn | null {
	const type = messageTypeName(message.message_type);
	if (type !== 'incoming' && type !== 'outgoing' && type !== 'template') return null;
	const sender = (message.sender ?? null) as IDataObject | null;
	const senderType = String(sender?.type ?? (type === 'incoming' ? 'contact' : 'user'));
	const attachments = Array.isArray(message.attachments) ? (message.attachments as IDataObject[]) : [];
	return {
		role: type === 'incoming' ? 'user' : 'assistant',
		content: String(message.content ?? ''),
		time: toIso(message.created_at),
		sender_type: senderType === 'user' ? 'agent' : senderType,
		sender_name: sender?.name === undefined || sender?.name === null ? null : String(sender.name),
		private: message.private === true,
		attachments: attachments
			.filter((a) => typeof a.data_url === 'string' && a.data_url !== '')
			.map((a) => ({
				type: String(a.file_type ?? 'file'),
				url: String(a.data_url),
				name: typeof a.data_url === 'string' ? decodeURIComponent(String(a.data_url).split('/').pop() ?? '') || null : null,
			})),
		message_id: Number(message.id),
	};
}

function turnText(turn: Turn): string {
	const files = turn.attachments.map((a) => `[${a.type}: ${a.url}]`);
	return [turn.content, ...files].filter((part) => part !== '').join(' ');
}

/** The latest turns that fit `maxCharacters` of text; the oldest kept one is cut at its start when needed. */
function fitCharacters(turns: Turn[], maxCharacters: number): { turns: Turn[]; cut: boolean } {
	const kept: Turn[] = [];
	let used = 0;
	for (let index = turns.length - 1; index >= 0; index--) {
		const turn = turns[index];
		const length = turn.content.length;
		if (used + length <= maxCharacters) {
			kept.unshift(turn);
			used += length;
			continue;
		}
		const room = maxCharacters - used;
		if (room > 0) kept.unshift({ ...turn, content: `…${turn.content.slice(turn.content.length - room + 1)}` });
		return { turns: kept, cut: true };
	}
	return { turns: kept, cut: false };
}

function transcriptLine(turn: Turn): string {
	const who = turn.role === 'user' ? 'User' : turn.private ? 'Assistant (private note)' : 'Assistant';
	return `${who}: ${turnText(turn)}`;
}

/**
 * The conversation as an AI-ready transcript, oldest first: role `user` for the contact, `assistant` for agents
 * and bots; activity messages ("Assigned to …") left out, private notes only on request. Reads
 * `GET /conversations/{id}/messages` page by page (Chatwoot pages backwards with `before`); agent-bot tokens may
 * not call it (not in BOT_ACCESSIBLE_ENDPOINTS), so this needs a user's token.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const output = this.getNodeParameter('output', itemIndex, 'transcript') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const maxMessages = Math.max(0, Math.floor(Number(options.maxMessages ?? 0)) || 0);
	const maxCharacters = Math.max(0, Math.floor(Number(options.maxCharacters ?? 0)) || 0);

	const messages = await getAllByCursor(
		this,
		{ path: `/conversations/${conversationId}/messages`, subject: conversationSubject(conversationId) },
		{ returnAll: true },
	);
	let turns = messages
		.map(toTurn)
		.filter((turn): turn is Turn => turn !== null)
		.filter((turn) => options.includePrivateNotes === true || !turn.private);
	const total = turns.length;
	if (maxMessages > 0 && turns.length > maxMessages) turns = turns.slice(turns.length - maxMessages);
	let cut = false;
	if (maxCharacters > 0) ({ turns, cut } = fitCharacters(turns, maxCharacters));

	if (output === 'messages') return turns.map((turn) => ({ json: { conversation_id: conversationId, ...turn } }));
	return [
		{
			json: {
				conversation_id: conversationId,
				transcript: turns.map(transcriptLine).join('\n'),
				messages: turns as unknown as IDataObject[],
				message_count: turns.length,
				omitted_count: total - turns.length,
				truncated: cut || turns.length < total,
			},
		},
	];
}
