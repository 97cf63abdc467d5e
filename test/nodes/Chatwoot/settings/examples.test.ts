/* The importable examples of part A (onboard-agent.json, daily-triage.json): each Chatwoot node,
 * run with its saved parameters (expressions resolved from the previous nodes' outputs) through the
 * harness, does what the example says. */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { expectRequestsMatchSpec } from '../../../contract/spec';
import { run, seedWorld, startWorld } from './setup';
import type { Sim, World } from './setup';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: IDataObject;
	executeOnce?: boolean;
}

const load = (file: string) => JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../examples', file), 'utf8')) as { nodes: WorkflowNode[]; connections: IDataObject };
const chain = (file: string) => load(file).nodes.filter((n) => n.type === 'n8n-nodes-chatwoot-suite.chatwoot');

/**
 * Replaces `$('Node').first()`, `$('Node').all()` and `$json` in the saved expressions with the outputs
 * the earlier nodes produced here, then runs the node like n8n would (once when executeOnce is set).
 */
async function runNodeOf(world: World, n: WorkflowNode, outputs: Record<string, INodeExecutionData[]>, input: INodeExecutionData[]) {
	const resolve = (value: unknown, item: IDataObject): unknown => {
		if (typeof value === 'string' && value.startsWith('=')) {
			const body = value.slice(1).replace(/\{\{([\s\S]+?)\}\}/g, (_, code: string) => {
				const $ = (name: string) => ({ first: () => outputs[name][0], all: () => outputs[name] });
				// eslint-disable-next-line @typescript-eslint/no-implied-eval
				return String(new Function('$', '$json', `return (${code});`)($, item));
			});
			return body;
		}
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			return Object.fromEntries(Object.entries(value as IDataObject).map(([k, v]) => [k, resolve(v, item)]));
		}
		return value;
	};
	const items = n.executeOnce ? input.slice(0, 1) : input;
	const out: INodeExecutionData[] = [];
	for (const item of items) {
		const { resource, ...rest } = resolve(n.parameters, item.json) as IDataObject;
		out.push(...(await run(world, String(resource), rest)));
	}
	return out;
}

describe('examples (part A)', () => {
	let sim: Sim;
	let world: World;

	beforeAll(async () => {
		sim = await startWorld();
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(() => {
		world = seedWorld(sim);
	});

	it('onboard-agent.json: invites the new hire and adds them to the team and inbox named in "New Hire"', async () => {
		const team = sim.seed.team({ accountId: world.accountId, name: 'support', memberIds: [world.agent.id] });
		sim.seed.team({ accountId: world.accountId, name: 'billing' });
		const inbox = sim.seed.inbox({ accountId: world.accountId, name: 'Website API', channelType: 'api', memberIds: [world.admin.id] });
		// "New Hire" is an Edit Fields (Set) node holding the person: its output is one item with those fields
		const fields = (load('onboard-agent.json').nodes.find((n) => n.name === 'New Hire')!.parameters.assignments as any).assignments as Array<{ name: string; value: string }>;
		const outputs: Record<string, INodeExecutionData[]> = { 'New Hire': [{ json: Object.fromEntries(fields.map((f) => [f.name, f.value])) }] };
		let input = outputs['New Hire'];
		for (const n of chain('onboard-agent.json')) {
			outputs[n.name] = await runNodeOf(world, n, outputs, input);
			input = outputs[n.name];
		}
		const nia = sim.db.users.find((u) => u.email === 'nia.newhire@example.com')!;
		expect(nia.account_ids).toEqual([world.accountId]);
		expect(sim.db.teams.find((t) => t.id === team.id)!.member_ids.sort()).toEqual([world.agent.id, nia.id].sort());
		expect(sim.db.teams.find((t) => t.name === 'billing')!.member_ids).toEqual([]);
		expect(sim.db.inboxMembers.filter((m) => m.inbox_id === inbox.id).map((m) => m.user_id).sort()).toEqual([world.admin.id, nia.id].sort());
		expect(outputs['Add to Inbox']).toHaveLength(1);
		expectRequestsMatchSpec(sim.requests);
	});

	it('daily-triage.json: counts open conversations and follows every urgent open one', async () => {
		const urgent = sim.seed.conversation({ accountId: world.accountId, inboxId: world.apiInbox.id, contactId: world.contact.id, priority: 'urgent' });
		const assigned = sim.seed.conversation({ accountId: world.accountId, inboxId: world.apiInbox.id, contactId: world.contact.id, priority: 'urgent', assigneeId: world.agent.id });
		sim.seed.conversation({ accountId: world.accountId, inboxId: world.apiInbox.id, contactId: world.contact.id, priority: 'low' });
		sim.seed.conversation({ accountId: world.accountId, inboxId: world.apiInbox.id, contactId: world.contact.id, priority: 'urgent', status: 'resolved' });
		const outputs: Record<string, INodeExecutionData[]> = {};
		let input: INodeExecutionData[] = [{ json: {} }];
		for (const n of chain('daily-triage.json')) {
			outputs[n.name] = await runNodeOf(world, n, outputs, input);
			input = outputs[n.name];
		}
		expect(outputs['Open Counts'][0].json).toMatchObject({ all_count: 5, unassigned_count: 4 });
		expect(outputs['Urgent and Open'].map((o) => o.json.id).sort()).toEqual([urgent.display_id, assigned.display_id].sort());
		expect(sim.db.conversationParticipants.map((p) => [p.conversation_id, p.user_id]).sort()).toEqual([[urgent.id, world.admin.id], [assigned.id, world.admin.id]].sort());
		expectRequestsMatchSpec(sim.requests);
	});
});
