import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { chatwootApiRequest, getApiCredential, unwrapList } from '../../shared/transport';
import type { RunContext } from '../../shared/execution/runContext';

/** A contact or a conversation (by display ID): both keep labels under `/<kind>s/{id}/labels`. */
export interface Labelled {
	kind: 'contact' | 'conversation';
	id: number;
}

const path = (record: Labelled) => `/${record.kind}s/${record.id}/labels`;
const subject = (record: Labelled) => ({ resource: record.kind, id: record.id });

export async function readLabels(context: IExecuteFunctions, record: Labelled): Promise<string[]> {
	const body = await chatwootApiRequest(context, { method: 'GET', path: path(record), subject: subject(record) });
	return unwrapList(body).map(String);
}

/**
 * Chatwoot's `POST …/labels` REPLACES the whole set, so adding or removing means read, change,
 * write, while holding this record's label lock for the run: several items labelling the same
 * record all land. Nothing is written when the set does not change. Output: `{id, labels}`.
 */
export async function changeLabels(
	context: IExecuteFunctions,
	run: RunContext,
	record: Labelled,
	change: (current: string[]) => string[],
): Promise<IDataObject> {
	return await run.exclusive([`${record.kind}-labels:${record.id}`], async () => {
		const current = await readLabels(context, record);
		const next = change(current);
		if (next.length === current.length && next.every((label, i) => label === current[i])) {
			return { id: record.id, labels: current };
		}
		const body = await chatwootApiRequest(context, {
			method: 'POST',
			path: path(record),
			body: { labels: next },
			subject: subject(record),
			// Writing the same full set twice is harmless.
			idempotent: true,
		});
		const written = unwrapList(body).map(String);
		return { id: record.id, labels: written.length || next.length === 0 ? written : next };
	});
}

const key = (label: string) => label.toLowerCase();

/** Keeps the current labels and appends the new ones (Chatwoot label titles are case-insensitive). */
export const addingLabels = (toAdd: string[]) => (current: string[]) => {
	const known = new Set(current.map(key));
	return [...current, ...toAdd.filter((label) => !known.has(key(label)))];
};

export const removingLabels = (toRemove: string[]) => (current: string[]) => {
	const drop = new Set(toRemove.map(key));
	return current.filter((label) => !drop.has(key(label)));
};

/**
 * Chatwoot stores any string as a label, but only labels defined under Settings → Labels show
 * up in its UI; a typo would silently create an invisible one. So adding checks the account's
 * labels first (once per run). Agent-bot tokens may not list labels: Chatwoot then decides.
 */
export async function assertLabelsExist(
	context: IExecuteFunctions,
	run: RunContext,
	labels: string[],
	itemIndex: number,
): Promise<void> {
	// An agent-bot token may not list the account's labels (BOT_ACCESSIBLE_ENDPOINTS): Chatwoot decides.
	if ((await getApiCredential(context)).agentBot) return;
	let known: Set<string>;
	try {
		known = await run.once('account-labels', async () => {
			const body = await chatwootApiRequest(context, { method: 'GET', path: '/labels' });
			return new Set(unwrapList(body).map((label) => key(String(label.title))));
		});
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '401') return;
		// NodeApiError / NodeOperationError constructors hand back an error of their own kind unchanged.
		if (error instanceof NodeApiError) throw new NodeApiError(context.getNode(), error as unknown as JsonObject);
		throw new NodeOperationError(context.getNode(), error as Error);
	}
	const unknown = labels.filter((label) => !known.has(key(label)));
	if (unknown.length === 0) return;
	const list = unknown.map((label) => `"${label}"`).join(', ');
	throw new NodeOperationError(
		context.getNode(),
		unknown.length === 1
			? `The label ${list} does not exist in this Chatwoot account`
			: `The labels ${list} do not exist in this Chatwoot account`,
		{ itemIndex, description: 'Create it in Chatwoot under Settings → Labels, or pick an existing label from the list.' },
	);
}
