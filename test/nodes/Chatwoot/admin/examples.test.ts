/**
 * The importable examples of the automation, report and help-center resources: their Chatwoot nodes,
 * run with their saved parameters (expressions included) through the harness, do what the example says.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';

import { expectRequestsMatchSpec } from '../../../contract/spec';
import { calls, run, seedWorld, startWorld } from './setup';
import type { Sim, World } from './setup';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: IDataObject;
}

const load = (file: string) =>
	JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../examples', file), 'utf8')) as { nodes: WorkflowNode[] };
const node = (file: string, name: string) => {
	const found = load(file).nodes.find((n) => n.name === name);
	if (!found) throw new Error(`${file} has no node "${name}"`);
	return found;
};
/** Saved parameters without the resource (run() adds it) and with the demo IDs pointed at this world. */
const params = (n: WorkflowNode) => {
	const { resource, ...rest } = n.parameters;
	return { resource: String(resource), rest };
};

describe('examples', () => {
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

	it('nightly-report.json: yesterday per agent, with names, as spreadsheet rows', async () => {
		const { resource, rest } = params(node('nightly-report.json', 'Yesterday per Agent'));
		const out = await run(world, resource, rest);
		expect(out.map((o) => o.json.name).sort()).toEqual(['Ada Admin', 'Alan Agent', 'Grace Agent']);
		const query = calls(sim).find((r) => r.path.endsWith('/summary_reports/agent'))!.query;
		// $today is midnight in the workflow's timezone (n8n's default when none is set: America/New_York)
		const now = Date.now() / 1000;
		expect(Number(query.until) % 3600).toBe(0);
		expect(now - Number(query.until)).toBeGreaterThanOrEqual(0);
		expect(now - Number(query.until)).toBeLessThan(2 * 86400);
		expect(Number(query.until) - Number(query.since)).toBeGreaterThanOrEqual(23 * 3600); // a day (DST: 23-25 h)
		expect(query.business_hours).toBe('true');
		expectRequestsMatchSpec(sim.requests);
	});

	it('help-center-faq.json: publishes each FAQ entry and lists them', async () => {
		sim.seed.portal({ accountId: world.accountId, name: 'Help', slug: 'help' });
		const code = String(node('help-center-faq.json', 'FAQ Entries').parameters.jsCode);
		const items = new Function(code)() as Array<{ json: IDataObject }>;
		const publish = params(node('help-center-faq.json', 'Publish Article'));
		const published = await run(world, publish.resource, publish.rest, { items });
		expect(published).toHaveLength(2);
		expect(sim.db.articles.map((a) => [a.title, a.status, a.author_id])).toEqual([
			['How do I change my plan?', 'published', world.admin.id],
			['Can I get a refund?', 'published', world.admin.id],
		]);
		const list = params(node('help-center-faq.json', 'Published Articles'));
		const listed = await run(world, list.resource, list.rest);
		expect(listed.map((o) => o.json.public_url)).toEqual(sim.db.articles.slice().reverse().map((a) => `${sim.url}/hc/help/articles/${a.slug}`));
		expectRequestsMatchSpec(sim.requests);
	});

	it('escalate-with-macro.json: runs the macro on the conversation of the trigger item', async () => {
		sim.seed.label({ accountId: world.accountId, title: 'refund' });
		sim.seed.macro({ accountId: world.accountId, name: 'Escalate', createdById: world.admin.id, actions: [{ action_name: 'add_label', action_params: ['refund'] }] });
		const { resource, rest } = params(node('escalate-with-macro.json', 'Run Escalate Macro'));
		const trigger = { json: { event: 'message_created', content: 'I want a refund', conversation: { id: world.conversation.display_id } } };
		const out = await run(world, resource, rest, { items: [trigger] });
		expect(out[0].json).toMatchObject({ macro_name: 'Escalate', conversation_ids: [world.conversation.display_id] });
		expect(sim.find.conversation(world.accountId, world.conversation.display_id)!.labels).toEqual(['refund']);
	});
});
