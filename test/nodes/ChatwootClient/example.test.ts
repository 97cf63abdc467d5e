/**
 * examples/custom-chat-interface.json: the importable workflow uses this package's real names
 * (node type, credential, resource/operation values, parameter names), and its Chatwoot Client
 * nodes, run in order through the harness, create the contact, conversation and message.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ChatwootClient } from '../../../nodes/ChatwootClient/ChatwootClient.node';
import { resources } from '../../../nodes/ChatwootClient/actions/router';
import { checkContract, client, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: IDataObject;
	credentials?: IDataObject;
}

const workflow = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../examples/custom-chat-interface.json'), 'utf8')) as {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};
const clientNodes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-chatwoot-suite.chatwootClient');
const properties = new ChatwootClient().description.properties;

function visibleProperty(name: string, resource: string, operation: string): INodeProperties | undefined {
	return properties.find((p) => {
		if (p.name !== name) return false;
		const show = p.displayOptions?.show;
		if (!show) return true;
		const resources = show.resource as string[] | undefined;
		const operations = show.operation as string[] | undefined;
		return (!resources || resources.includes(resource)) && (!operations || operations.includes(operation));
	});
}

describe('examples/custom-chat-interface.json', () => {
	it('is a Manual Trigger → contact create → conversation create → message create chain', () => {
		expect(workflow.nodes[0].type).toBe('n8n-nodes-base.manualTrigger');
		expect(clientNodes.map((n) => `${String(n.parameters.resource)}.${String(n.parameters.operation)}`)).toEqual([
			'contact.create',
			'conversation.create',
			'message.create',
		]);
		const order = [workflow.nodes[0].name, ...clientNodes.map((n) => n.name)];
		for (let i = 0; i < order.length - 1; i++) {
			expect(workflow.connections[order[i]].main[0][0].node).toBe(order[i + 1]);
		}
	});

	it.each(clientNodes.map((n) => [n.name, n]))('%s uses only parameters the node declares', (_name, node) => {
		const n = node as WorkflowNode;
		expect(n.typeVersion).toBe(1);
		expect(n.credentials).toEqual({ chatwootSuiteClientApi: { id: 'chatwootClientCred1', name: 'Chatwoot Client (demo)' } });
		const resource = String(n.parameters.resource);
		const operation = String(n.parameters.operation);
		expect(resources[resource]?.operations[operation]).toBeDefined();
		for (const [key, value] of Object.entries(n.parameters)) {
			if (key === 'resource' || key === 'operation') continue;
			const property = visibleProperty(key, resource, operation);
			expect({ key, declared: property !== undefined }).toEqual({ key, declared: true });
			if (property?.type === 'collection') {
				const options = (property.options as INodeProperties[]).map((o) => o.name);
				for (const sub of Object.keys(value as IDataObject)) expect(options).toContain(sub);
			}
		}
	});

	describe('run against the simulator', () => {
		let sim: Simulator;
		let env: Env;
		beforeAll(async () => {
			sim = await startEnv();
			env = seedBasics(sim);
		});
		afterAll(async () => await sim.close());

		it('creates the contact, the conversation and the first message', async () => {
			const [contactNode, conversationNode, messageNode] = clientNodes;
			const p = (n: WorkflowNode) => {
				const { resource, operation, ...rest } = n.parameters;
				return { resource: String(resource), operation: String(operation), rest };
			};
			const a = p(contactNode);
			const [contact] = await client(env, a.resource, a.operation, a.rest);
			const b = p(conversationNode);
			const [conversation] = await client(env, b.resource, b.operation, b.rest, { items: [{ json: contact }] });
			const c = p(messageNode);
			// The harness runs one node at a time, so the reference to the "Create Contact" node is resolved here.
			const rest = JSON.parse(
				JSON.stringify(c.rest).replace("={{ $('Create Contact').item.json.source_id }}", String(contact.source_id)),
			) as IDataObject;
			const [message] = await client(env, c.resource, c.operation, rest, { items: [{ json: conversation }] });

			const stored = sim.find.conversation(env.accountId, Number(conversation.id));
			expect(stored).toMatchObject({ contact_id: contact.id, custom_attributes: { page: '/pricing' } });
			expect(sim.db.contacts.find((x: IDataObject) => x.id === contact.id)).toMatchObject({
				name: 'Jane Visitor',
				identifier: 'app-user-42',
				custom_attributes: { plan: 'pro' },
			});
			expect(sim.find.messages(env.accountId, Number(conversation.id))).toEqual([
				expect.objectContaining({ id: message.id, content: 'Hi! I have a question about the Pro plan.', message_type: 'incoming' }),
			]);
			checkContract(sim);
		});
	});
});
