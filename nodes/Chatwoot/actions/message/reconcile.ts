import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';

/**
 * Sending a message is a POST that must not be repeated blindly: after a 502/504, a reset or a
 * timeout the message may already be in the conversation. Chatwoot does not persist `echo_id`
 * (it only echoes it in the create answer), so the record cannot be found by a key we chose.
 *
 * Instead this run remembers a watermark per conversation: the highest message ID known before
 * the send (read once per conversation per run, then advanced with every message this run
 * creates; items of message.create run one after another). After an uncertain failure the
 * messages newer than the watermark are listed (`after=`), and a message with the same type,
 * privacy, content type, content and number of attachments that this run has not claimed yet
 * is taken as the one that landed. Not found → the transport sends again.
 *
 * When the watermark cannot be read (e.g. an agent-bot token, which may only create messages)
 * there is no reconcile: an uncertain failure is then reported instead of risking a duplicate.
 */

interface ConversationState {
	watermark: number;
	claimed: Set<number>;
}

const runs = new WeakMap<RunContext, Map<number, Promise<ConversationState | undefined>>>();

function stateMap(run: RunContext): Map<number, Promise<ConversationState | undefined>> {
	let map = runs.get(run);
	if (!map) {
		map = new Map();
		runs.set(run, map);
	}
	return map;
}

async function readWatermark(context: IExecuteFunctions, conversationId: number): Promise<ConversationState | undefined> {
	try {
		const messages = unwrapList(
			await chatwootApiRequest(context, {
				method: 'GET',
				path: `/conversations/${conversationId}/messages`,
				retry: { maxAttempts: 3 },
			}),
		);
		const ids = messages.map((m) => Number(m.id)).filter((id) => Number.isFinite(id));
		return { watermark: ids.length ? Math.max(...ids) : 0, claimed: new Set() };
	} catch {
		return undefined;
	}
}

/** The run's reconcile state for a conversation; undefined when it could not be established. */
export async function messageWatermark(
	context: IExecuteFunctions,
	run: RunContext,
	conversationId: number,
): Promise<ConversationState | undefined> {
	const map = stateMap(run);
	let pending = map.get(conversationId);
	if (!pending) {
		pending = readWatermark(context, conversationId);
		map.set(conversationId, pending);
	}
	return await pending;
}

/** Records a message this run created, so later reconciles neither re-list nor re-claim it. */
export function recordCreated(state: ConversationState | undefined, message: IDataObject): void {
	if (!state) return;
	const id = Number(message.id);
	if (!Number.isFinite(id)) return;
	state.claimed.add(id);
	if (id > state.watermark) state.watermark = id;
}

export interface SentMessage {
	content: string;
	messageType: 'incoming' | 'outgoing';
	private: boolean;
	contentType: string;
	attachments: number;
}

const MESSAGE_TYPE_CODES: Record<string, number> = { incoming: 0, outgoing: 1, activity: 2, template: 3 };

function typeMatches(value: unknown, expected: string): boolean {
	if (typeof value === 'number') return value === MESSAGE_TYPE_CODES[expected];
	return String(value) === expected || String(value) === String(MESSAGE_TYPE_CODES[expected]);
}

export function matchesSent(record: IDataObject, sent: SentMessage): boolean {
	const attachments = Array.isArray(record.attachments) ? record.attachments.length : 0;
	return (
		typeMatches(record.message_type, sent.messageType) &&
		(record.private === true) === sent.private &&
		String(record.content_type ?? 'text') === sent.contentType &&
		String(record.content ?? '') === sent.content &&
		attachments === sent.attachments
	);
}

/** A `reconcile` for chatwootApiRequest: finds the message if the uncertain POST landed. */
export function reconcileMessage(
	context: IExecuteFunctions,
	conversationId: number,
	state: ConversationState,
	sent: SentMessage,
): () => Promise<IDataObject | undefined> {
	return async () => {
		const newer = unwrapList(
			await chatwootApiRequest(context, {
				method: 'GET',
				path: `/conversations/${conversationId}/messages`,
				qs: { after: state.watermark },
			}),
		);
		return newer
			.filter((m) => Number(m.id) > state.watermark && !state.claimed.has(Number(m.id)))
			.sort((a, b) => Number(a.id) - Number(b.id))
			.find((m) => matchesSent(m, sent));
	};
}
