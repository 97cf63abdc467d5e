/**
 * The action nodes (Chatwoot, Chatwoot Client, Chatwoot Platform) used as AI Agent tools, the way n8n builds and calls them:
 * - the `…Tool` node type n8n generates from `usableAsTool` (n8n: packages/cli/src/tool-generation/ai-tools.ts,
 *   `convertNodeToAiTool`; the real one from the cached n8n install is used when present, else a replica),
 * - the tool name and the automatic description the AI Agent hands the model (n8n-workflow
 *   `NodeHelpers.makeNodeName` → `nodeNameToToolName`, `NodeHelpers.getToolDescriptionForNode`),
 * - every required field filled with the `$fromAI()` expression n8n's editor writes for it (editor-ui
 *   fromAIOverride.utils.ts: not offered for `options`/`credentialsSelect` fields, `noDataExpression` fields or the
 *   paths parameters.name / parameters.description / parameters.toolName / parameters.toolDescription), and the
 *   tool's argument schema from n8n-core's `getSchema` (create-node-as-tool.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NodeHelpers, nodeNameToToolName } from 'n8n-workflow';
import type { INode, INodeProperties, INodeTypeDescription, INodeType } from 'n8n-workflow';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getSchema } = require('n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool');

import { Chatwoot } from '../../nodes/Chatwoot/Chatwoot.node';
import { ChatwootClient } from '../../nodes/ChatwootClient/ChatwootClient.node';
import { ChatwootPlatform } from '../../nodes/ChatwootPlatform/ChatwootPlatform.node';

/** Function-name rule of the model APIs n8n's agents use (and of n8n's own $fromAI keys). */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
/** OpenAI caps a function description at 1024 characters. */
const MAX_DESCRIPTION = 1024;

/**
 * Required fields for which n8n's editor shows no $fromAI button (an `options` field, or the path parameters.name);
 * a $fromAI() typed as an expression still works (checked by the schema assertion). Existing public parameters:
 * their names and types may not change (docs/INTERFACE.md).
 */
const NO_BUTTON: Record<string, string> = {
	'chatwoot/conversation.setPriority:priority': 'options field (urgent/high/medium/low/none); type {{ $fromAI("priority") }} as an expression',
	'chatwoot/conversation.setStatus:status': 'options field (open/pending/resolved/snoozed); type {{ $fromAI("status") }} as an expression',
	'chatwoot/inbox.create:name': "top-level parameter `name` is on the editor's deny list; type {{ $fromAI(\"name\") }} as an expression",
	// automation / help-center resources (issue 14, landed before this test covered them)
	'chatwoot/automationRule.create:name': 'top-level parameter `name`, as above',
	'chatwoot/automationRule.create:eventName': 'options field (the Chatwoot event the rule reacts to)',
	'chatwoot/category.create:name': 'top-level parameter `name`, as above',
	'chatwoot/macro.create:name': 'top-level parameter `name`, as above',
	'chatwoot/portal.create:name': 'top-level parameter `name`, as above',
	// account administration resources (issue 14, part A)
	'chatwoot/agent.create:name': 'top-level parameter `name`, as above',
	'chatwoot/team.create:name': 'top-level parameter `name`, as above',
	'chatwoot/customFilter.create:name': 'top-level parameter `name`, as above',
	'chatwoot/integration.createHook:appId': 'options field (the integration apps of the account)',
	'chatwoot/integration.get:appId': 'options field (the integration apps of the account)',
	// Chatwoot Platform node (landed before this test covered it): same top-level `name`
	'chatwootPlatform/account.create:name': 'Chatwoot Platform: top-level parameter `name`, as above',
	'chatwootPlatform/agentBot.create:name': 'Chatwoot Platform: top-level parameter `name`, as above',
	'chatwootPlatform/user.create:name': 'Chatwoot Platform: top-level parameter `name`, as above',
};

const PROP_TYPE_DENYLIST = ['options', 'credentialsSelect'];
const PATH_DENYLIST = ['parameters.name', 'parameters.toolName', 'parameters.description', 'parameters.toolDescription'];

function realConvert(): ((item: { description: INodeTypeDescription }) => { description: INodeTypeDescription }) | undefined {
	const file = path.join(os.homedir(), '.cache/n8n-chatwoot-e2e/n8n-2.8.4/node_modules/n8n/dist/tool-generation/ai-tools.js');
	if (!fs.existsSync(file)) return undefined;
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		return require(file).convertNodeToAiTool;
	} catch {
		return undefined;
	}
}

/** The parts of n8n's convertNodeToAiTool these checks depend on. */
function replicaConvert(item: { description: INodeTypeDescription }) {
	const d = item.description;
	d.name += 'Tool';
	d.displayName += ' Tool';
	d.inputs = [];
	d.outputs = ['ai_tool'] as INodeTypeDescription['outputs'];
	delete d.usableAsTool;
	d.properties.unshift(
		{ displayName: 'Tool Description', name: 'descriptionType', type: 'options', noDataExpression: true, options: [{ name: 'Set Automatically', value: 'auto' }, { name: 'Set Manually', value: 'manual' }], default: 'auto' },
		{ displayName: 'Description', name: 'toolDescription', type: 'string', default: d.description, required: true, displayOptions: { show: { descriptionType: ['manual'] } } },
	);
	d.codex = { categories: ['AI'], subcategories: { AI: ['Tools'], Tools: ['Other Tools'] } };
	return item;
}

const convert = realConvert() ?? replicaConvert;

function toolType(nodeType: INodeType): INodeTypeDescription {
	return convert({ description: JSON.parse(JSON.stringify(nodeType.description)) }).description;
}

function fromAiType(type: string): string {
	return type === 'boolean' || type === 'number' || type === 'json' ? type : 'string';
}

/** `$fromAI` key as n8n's editor builds it from the display name. */
const fromAiKey = (displayName: string) => displayName.slice(0, 63).replace(/[^a-zA-Z0-9-]/g, '_');

interface Operation {
	resource: string;
	operation: string;
	action: string;
	description: string;
}

function operationsOf(description: INodeTypeDescription): Operation[] {
	const resources = (description.properties.find((p) => p.name === 'resource')!.options ?? []) as Array<{ value: string }>;
	const out: Operation[] = [];
	for (const { value: resource } of resources) {
		const selector = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource));
		for (const option of (selector?.options ?? []) as Array<{ value: string; action?: string; description?: string }>) {
			out.push({ resource, operation: option.value, action: option.action ?? '', description: option.description ?? '' });
		}
	}
	return out;
}

interface Built {
	node: INode;
	required: Array<{ property: INodeProperties; key: string; problem?: string }>;
}

/** A tool node of this operation with every visible required field set to the `$fromAI()` n8n's editor writes. */
function buildToolNode(type: INodeTypeDescription, op: Operation): Built {
	const parameters: Record<string, unknown> = { resource: op.resource, operation: op.operation, descriptionType: 'auto' };
	const required: Built['required'] = [];
	const visible = (p: INodeProperties) => NodeHelpers.displayParameter(parameters as never, p, { typeVersion: 1 } as never, type);
	for (const property of type.properties) {
		if (!property.required || ['resource', 'operation', 'toolDescription'].includes(property.name)) continue;
		if (!visible(property)) continue;
		const key = fromAiKey(property.displayName);
		let problem: string | undefined;
		if (property.noDataExpression) problem = 'noDataExpression';
		else if (PROP_TYPE_DENYLIST.includes(property.type)) problem = `type ${property.type}`;
		else if (PATH_DENYLIST.includes(`parameters.${property.name}`)) problem = `path parameters.${property.name} is on n8n's deny list`;
		required.push({ property, key, problem });
		const expression = `={{ $fromAI('${key}', \`\`, '${fromAiType(property.type)}') }}`;
		parameters[property.name] = property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: expression } : expression;
	}
	const node: INode = {
		id: 'tool',
		name: NodeHelpers.makeNodeName(parameters as never, type),
		type: `n8n-nodes-chatwoot-suite.${type.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as never,
	};
	return { node, required };
}

describe.each([
	['Chatwoot', new Chatwoot()],
	['Chatwoot Client', new ChatwootClient()],
	['Chatwoot Platform', new ChatwootPlatform()],
])('%s used as an AI Agent tool', (_label, nodeType) => {
	const type = toolType(nodeType);
	const operations = operationsOf(type);

	it('n8n generates the …Tool variant with an AI tool output', () => {
		expect(nodeType.description.usableAsTool).toBe(true);
		expect(type.name).toBe(`${nodeType.description.name}Tool`);
		expect(JSON.stringify(type.outputs)).toContain('ai_tool');
		expect(type.codex?.subcategories?.AI).toContain('Tools');
	});

	it.each(operations.map((op) => [`${op.resource}.${op.operation}`, op] as const))('%s: valid tool name, description, $fromAI schema', (_name, op) => {
		expect(op.action).not.toBe('');
		const { node, required } = buildToolNode(type, op);
		const toolName = nodeNameToToolName(node);
		expect(toolName).toMatch(TOOL_NAME);
		const description = NodeHelpers.getToolDescriptionForNode(node, { description: type } as INodeType);
		expect(description).toBe(`${op.action} in ${type.defaults.name}`);
		expect(description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
		expect(op.description.length).toBeGreaterThan(0);
		expect(op.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
		// every required field takes an expression, so a $fromAI() can fill it …
		expect(required.filter((r) => r.property.noDataExpression).map((r) => r.property.name)).toEqual([]);
		// … and n8n's editor offers its "let the model define this" button, except for the listed fields
		const noButton = required.filter((r) => r.problem).map((r) => `${nodeType.description.name}/${op.resource}.${op.operation}:${r.property.name}`);
		expect(noButton.filter((entry) => !(entry in NO_BUTTON))).toEqual([]);
		const schema = getSchema(node);
		expect(Object.keys(schema.shape).sort()).toEqual([...new Set(required.map((r) => r.key))].sort());
	});
});

/** Numbers for the report: printed once, asserted nowhere else. */
afterAll(() => {
	const rows = [new Chatwoot(), new ChatwootClient(), new ChatwootPlatform()].flatMap((n) => {
		const type = toolType(n);
		return operationsOf(type).map((op) => ({ node: type.name, op: `${op.resource}.${op.operation}`, toolName: nodeNameToToolName(buildToolNode(type, op).node) }));
	});
	const longest = rows.reduce((a, b) => (b.toolName.length > a.toolName.length ? b : a));
	if (process.env.AI_TOOLS_REPORT) console.log(`${rows.length} tools; longest name ${longest.toolName.length} chars (${longest.toolName})`);
});
