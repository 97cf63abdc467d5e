import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RunContext } from '../../../shared/execution/runContext';
import { chatwootApiRequest, unwrapList } from '../../../shared/transport';

export function agentIdsField(description: string): INodeProperties {
	return {
		displayName: 'Agent Names or IDs',
		name: 'agentIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		required: true,
		default: [],
		description: `${description}; an expression may give a list or comma-separated IDs. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/** Reads the agent IDs: picked options, an array from an expression, or "1, 2, 3". */
export function readAgentIds(context: IExecuteFunctions, itemIndex: number): number[] {
	const raw = context.getNodeParameter('agentIds', itemIndex, []) as unknown;
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	const texts = list.map((v) => String(v).trim()).filter((v) => v !== '');
	const invalid = texts.filter((v) => !/^\d+$/.test(v));
	if (invalid.length) {
		throw new NodeOperationError(context.getNode(), `"${invalid.join('", "')}" is not a valid agent ID`, {
			itemIndex,
			description: 'Pick agents from the list, or give numeric user IDs (a list or comma-separated).',
		});
	}
	if (texts.length === 0) {
		throw new NodeOperationError(context.getNode(), 'No agents given', {
			itemIndex,
			description: 'Pick at least one agent, or map their IDs from a previous node.',
		});
	}
	return [...new Set(texts.map(Number))];
}

export async function listMembers(context: IExecuteFunctions, inboxId: number): Promise<IDataObject[]> {
	return unwrapList(
		await chatwootApiRequest(context, {
			method: 'GET',
			path: `/inbox_members/${inboxId}`,
			subject: { resource: 'inbox', id: inboxId },
		}),
	);
}

/**
 * Chatwoot's PATCH /inbox_members replaces the whole member set. To add or remove without
 * dropping members someone else added, the current set is read and the merged set written,
 * with one lock per inbox so items of this run about the same inbox never interleave.
 */
export async function changeMembers(
	context: IExecuteFunctions,
	run: RunContext,
	inboxId: number,
	change: { add?: number[]; remove?: number[] },
): Promise<IDataObject> {
	return await run.exclusive([`inbox-members:${inboxId}`], async () => {
		const before = (await listMembers(context, inboxId)).map((a) => Number(a.id));
		const wanted = new Set(before);
		for (const id of change.add ?? []) wanted.add(id);
		for (const id of change.remove ?? []) wanted.delete(id);
		const added = [...wanted].filter((id) => !before.includes(id));
		const removed = before.filter((id) => !wanted.has(id));
		let agents: IDataObject[];
		if (added.length === 0 && removed.length === 0) {
			agents = await listMembers(context, inboxId);
		} else if (wanted.size === 0) {
			// An empty user_ids list is not a valid replacement set; remove the last members explicitly.
			await chatwootApiRequest(context, {
				method: 'DELETE',
				path: '/inbox_members',
				body: { inbox_id: String(inboxId), user_ids: removed },
				subject: { resource: 'inbox', id: inboxId },
			});
			agents = [];
		} else {
			// Writing the same full set twice is harmless, so the transport may retry this PATCH.
			const response = await chatwootApiRequest(context, {
				method: 'PATCH',
				path: '/inbox_members',
				body: { inbox_id: String(inboxId), user_ids: [...wanted] },
				subject: { resource: 'inbox', id: inboxId },
			});
			const listed = unwrapList(response);
			agents = listed.length && listed.every((a) => a.id !== undefined) ? listed : await listMembers(context, inboxId);
		}
		return { inbox_id: inboxId, agent_ids: agents.map((a) => Number(a.id)), added, removed, agents };
	});
}
