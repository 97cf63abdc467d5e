/**
 * examples/platform-provisioning.json: the importable workflow uses this package's real names, and run node
 * by node through the harness it provisions an account, its administrator, an API inbox created with the new
 * administrator's own token (the credential hand-over), and a login link. `$('Node').item.json.x`
 * references are resolved from the earlier nodes' outputs, as n8n does; everything else is n8n's own evaluation.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';
import { ChatwootPlatform } from '../../../nodes/ChatwootPlatform/ChatwootPlatform.node';
import { runNode } from '../../helpers/n8n-harness';
import { checkContract, platformCredential, seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: IDataObject;
	credentials?: Record<string, { id: string; name: string }>;
	notes?: string;
}

const workflow = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../examples/platform-provisioning.json'), 'utf8')) as {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};
const PLATFORM = 'n8n-nodes-chatwoot-suite.chatwootPlatform';
const CHATWOOT = 'n8n-nodes-chatwoot-suite.chatwoot';
const byName = (name: string) => workflow.nodes.find((n) => n.name === name)!;

/** The credential the README tells users to create for the Chatwoot node, with its expressions. */
const HANDOVER = {
	accessToken: "={{ $('Create Admin User').item.json.access_token }}",
	accountId: "={{ $('Create Account').item.json.id }}",
};

function visible(properties: INodeProperties[], name: string, resource: string, operation: string): boolean {
	return properties.some((p) => {
		if (p.name !== name) return false;
		const show = p.displayOptions?.show;
		if (!show) return true;
		return ((show.resource as string[]) ?? [resource]).includes(resource) && ((show.operation as string[]) ?? [operation]).includes(operation);
	});
}

/** Replaces `={{ $('Node').item.json.key }}` with that node's output (what n8n's paired-item lookup gives here). */
function resolveReferences(value: unknown, outputs: Record<string, IDataObject>): unknown {
	if (typeof value === 'string') {
		const match = /^=\{\{ \$\('([^']+)'\)\.item\.json\.(\w+) \}\}$/.exec(value);
		if (match) return outputs[match[1]][match[2]];
		return value;
	}
	if (Array.isArray(value)) return value.map((v) => resolveReferences(v, outputs));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveReferences(v, outputs)]));
	}
	return value;
}

describe('examples/platform-provisioning.json', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
		env = seedBasics(sim);
	});
	afterAll(async () => await sim.close());

	it('is a chain: account → admin user → membership → API inbox (Chatwoot node) → login link', () => {
		const chain = workflow.nodes.map((n) => `${n.type === PLATFORM ? 'platform' : n.type === CHATWOOT ? 'chatwoot' : 'trigger'}:${String(n.parameters.resource ?? '')}.${String(n.parameters.operation ?? '')}`);
		expect(chain).toEqual([
			'trigger:.',
			'platform:account.create',
			'platform:user.create',
			'platform:accountUser.create',
			'chatwoot:inbox.create',
			'platform:user.getLoginUrl',
		]);
		for (let i = 0; i < workflow.nodes.length - 1; i++) {
			expect(workflow.connections[workflow.nodes[i].name].main[0][0].node).toBe(workflow.nodes[i + 1].name);
		}
		// the Chatwoot node's note tells the user which expressions its credential needs
		expect(byName('Create API Inbox').notes).toContain("{{ $('Create Admin User').item.json.access_token }}");
		expect(byName('Create API Inbox').notes).toContain("{{ $('Create Account').item.json.id }}");
	});

	it.each(workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.manualTrigger').map((n) => [n.name, n]))(
		'%s uses only parameters its node declares, and the right credential type',
		(_name, node) => {
			const n = node as WorkflowNode;
			const properties = (n.type === PLATFORM ? new ChatwootPlatform() : new Chatwoot()).description.properties;
			for (const key of Object.keys(n.parameters).filter((k) => k !== 'resource' && k !== 'operation')) {
				expect([key, visible(properties, key, String(n.parameters.resource), String(n.parameters.operation))]).toEqual([key, true]);
			}
			expect(Object.keys(n.credentials ?? {})).toEqual([n.type === PLATFORM ? 'chatwootSuitePlatformApi' : 'chatwootSuiteApi']);
		},
	);

	it('provisions the account, its administrator and an API inbox made with the new administrator token', async () => {
		const outputs: Record<string, IDataObject> = {};
		for (const n of workflow.nodes.slice(1)) {
			const parameters = resolveReferences(n.parameters, outputs) as IDataObject;
			const credential =
				n.type === PLATFORM
					? platformCredential(env)
					: {
							type: 'chatwootSuiteApi',
							data: { baseUrl: sim.url, ...(resolveReferences(HANDOVER, outputs) as IDataObject) },
							credentialClass: new ChatwootSuiteApi(),
						};
			const [items] = await runNode(n.type === PLATFORM ? new ChatwootPlatform() : new Chatwoot(), {
				parameters,
				credentials: [credential],
				nodeName: n.name,
			});
			expect(items).toHaveLength(1);
			outputs[n.name] = items[0].json;
		}
		const account = outputs['Create Account'];
		const admin = outputs['Create Admin User'];
		const inbox = outputs['Create API Inbox'];
		expect(String(account.name)).toMatch(/^Acme Corp \d{4}-\d\d-\d\d/);
		expect(account).toMatchObject({ locale: 'en', limits: { agents: 5, inboxes: 3 }, custom_attributes: { plan: 'starter' } });
		expect(outputs['Make Admin of Account']).toMatchObject({ account_id: account.id, user_id: admin.id, role: 'administrator' });
		// the inbox lives in the NEW account: the Chatwoot node used the new admin's token and account ID
		const storedInbox = sim.db.inboxes.find((i: IDataObject) => i.id === inbox.id);
		expect(storedInbox).toMatchObject({ account_id: account.id, name: 'Website', channel_type: 'Channel::Api' });
		const inboxRequest = sim.requests.find((r: IDataObject) => r.method === 'POST' && String(r.path).endsWith('/inboxes'));
		expect(inboxRequest.path).toBe(`/api/v1/accounts/${String(account.id)}/inboxes`);
		expect(String(outputs['Get Admin Login Link'].url)).toContain(`email=${encodeURIComponent(String(admin.email))}&sso_auth_token=`);
		checkContract(sim);
	});
});
