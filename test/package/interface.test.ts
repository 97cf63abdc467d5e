/**
 * The public names of docs/INTERFACE.md: saved workflows depend on them, so a rename
 * anywhere fails here.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../credentials/ChatwootSuiteApi.credentials';
import { ChatwootSuiteClientApi } from '../../credentials/ChatwootSuiteClientApi.credentials';
import { ChatwootSuitePlatformApi } from '../../credentials/ChatwootSuitePlatformApi.credentials';
import { Chatwoot } from '../../nodes/Chatwoot/Chatwoot.node';
import { resources } from '../../nodes/Chatwoot/actions/resources';
import { ChatwootPlatform } from '../../nodes/ChatwootPlatform/ChatwootPlatform.node';
import { resources as platformResources } from '../../nodes/ChatwootPlatform/actions/router';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const REQUIRED_OPERATIONS: Record<string, string[]> = {
	contact: ['create', 'get', 'getAll', 'search', 'update', 'delete', 'upsert', 'merge', 'addLabels', 'removeLabels', 'getLabels', 'getConversations'],
	conversation: ['create', 'get', 'getAll', 'setStatus', 'setPriority', 'assign', 'addLabels', 'removeLabels', 'getLabels', 'setCustomAttributes', 'toggleTyping'],
	message: ['create', 'getAll', 'delete'],
	inbox: ['create', 'get', 'getAll', 'update', 'addAgents', 'removeAgents', 'getAgents'],
};

function operationOptions(properties: INodeProperties[], resource: string): string[] {
	const selector = properties.find(
		(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
	);
	return (selector?.options ?? []).map((o) => String((o as { value: string }).value));
}

function fieldsOf(properties: INodeProperties[], resource: string, operation: string): INodeProperties[] {
	return properties.filter((p) => {
		const show = p.displayOptions?.show;
		return (show?.resource as string[] | undefined)?.includes(resource) && (show?.operation as string[] | undefined)?.includes(operation);
	});
}

function allNames(properties: INodeProperties[]): string[] {
	const names: string[] = [];
	for (const p of properties) {
		names.push(p.name);
		for (const option of (p.options ?? []) as Array<INodeProperties & { values?: INodeProperties[] }>) {
			if (option && typeof option === 'object' && 'name' in option && 'type' in option) names.push(...allNames([option]));
			if (option?.values) names.push(...allNames(option.values));
		}
	}
	return names;
}

describe('package.json', () => {
	it('is an n8n community package without runtime dependencies', () => {
		expect(pkg.name).toBe('n8n-nodes-chatwoot-suite');
		expect(pkg.license).toBe('MIT');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		expect(pkg.main).toBe('index.js');
	});

	it('lists exactly the four nodes and three credentials, by their fixed names', () => {
		expect(pkg.n8n.nodes).toEqual([
			'dist/nodes/Chatwoot/Chatwoot.node.js',
			'dist/nodes/ChatwootTrigger/ChatwootTrigger.node.js',
			'dist/nodes/ChatwootClient/ChatwootClient.node.js',
			'dist/nodes/ChatwootPlatform/ChatwootPlatform.node.js',
		]);
		expect(pkg.n8n.credentials).toEqual([
			'dist/credentials/ChatwootSuiteApi.credentials.js',
			'dist/credentials/ChatwootSuiteClientApi.credentials.js',
			'dist/credentials/ChatwootSuitePlatformApi.credentials.js',
		]);
	});

	it('builds every listed file, its icons, and index.js re-exports the classes', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			expect(fs.existsSync(path.join(root, file))).toBe(true);
		}
		const index = jest.requireActual(path.join(root, 'index.js'));
		// every icon n8n resolves (relative to the built file, inside dist/) exists: one copy in dist/icons
		const built: Record<string, string> = {
			Chatwoot: 'dist/nodes/Chatwoot',
			ChatwootTrigger: 'dist/nodes/ChatwootTrigger',
			ChatwootClient: 'dist/nodes/ChatwootClient',
			ChatwootPlatform: 'dist/nodes/ChatwootPlatform',
			ChatwootSuiteApi: 'dist/credentials',
			ChatwootSuiteClientApi: 'dist/credentials',
			ChatwootSuitePlatformApi: 'dist/credentials',
		};
		for (const [name, dir] of Object.entries(built)) {
			const instance = new index[name]();
			const icon = (instance.description ?? instance).icon as { light: string; dark: string };
			for (const file of [icon.light, icon.dark]) {
				const resolved = path.resolve(root, dir, file.replace(/^file:/, ''));
				expect(resolved.startsWith(path.join(root, 'dist', 'icons') + path.sep)).toBe(true);
				expect(fs.existsSync(resolved)).toBe(true);
			}
		}
		expect(Object.keys(index).sort()).toEqual([
			'Chatwoot',
			'ChatwootClient',
			'ChatwootPlatform',
			'ChatwootSuiteApi',
			'ChatwootSuiteClientApi',
			'ChatwootSuitePlatformApi',
			'ChatwootTrigger',
		]);
		const types = ['Chatwoot', 'ChatwootTrigger', 'ChatwootClient', 'ChatwootPlatform'].map((name) => (new index[name]() as INodeType).description.name);
		expect(types).toEqual(['chatwoot', 'chatwootTrigger', 'chatwootClient', 'chatwootPlatform']);
	});
});

describe('credentials', () => {
	it('keep their names and properties', () => {
		const api = new ChatwootSuiteApi();
		expect(api.name).toBe('chatwootSuiteApi');
		expect(api.properties.map((p) => p.name)).toEqual(['baseUrl', 'accessToken', 'accountId', 'agentBot']);
		expect(api.properties.find((p) => p.name === 'agentBot')?.default).toBe(false);
		expect(api.properties.find((p) => p.name === 'accessToken')?.typeOptions?.password).toBe(true);
		const client = new ChatwootSuiteClientApi();
		expect(client.name).toBe('chatwootSuiteClientApi');
		expect(client.properties.map((p) => p.name)).toEqual(['baseUrl', 'inboxIdentifier', 'hmacToken']);
		expect(client.properties.find((p) => p.name === 'hmacToken')?.typeOptions?.password).toBe(true);
		const platform = new ChatwootSuitePlatformApi();
		expect(platform.name).toBe('chatwootSuitePlatformApi');
		expect(platform.displayName).toBe('Chatwoot Platform API');
		expect(platform.properties.map((p) => p.name)).toEqual(['baseUrl', 'accessToken']);
		expect(platform.properties.find((p) => p.name === 'accessToken')?.typeOptions?.password).toBe(true);
	});
});

describe('node Chatwoot', () => {
	const description = new Chatwoot().description;

	it('is usable as an AI tool and uses the chatwootSuiteApi credential', () => {
		expect(description.name).toBe('chatwoot');
		expect(description.displayName).toBe('Chatwoot');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'chatwootSuiteApi', required: true, testedBy: 'chatwootApiCredentialTest' }]);
	});

	it.each(Object.entries(REQUIRED_OPERATIONS))('resource %s offers every required operation, each implemented', (resource, operations) => {
		const resourceOption = description.properties.find((p) => p.name === 'resource');
		expect((resourceOption?.options ?? []).map((o) => (o as { value: string }).value)).toContain(resource);
		const offered = operationOptions(description.properties, resource);
		expect(offered).toEqual(expect.arrayContaining(operations));
		for (const operation of offered) expect(typeof resources[resource].operations[operation]?.execute).toBe('function');
		expect(Object.keys(resources[resource].operations).sort()).toEqual([...offered].sort());
	});

	it.each([
		['contact', 'create', ['name', 'email', 'phoneNumber', 'identifier']],
		['contact', 'search', ['returnAll', 'limit']],
		['contact', 'getAll', ['returnAll', 'limit']],
		['conversation', 'create', ['sourceId', 'contactId', 'inboxId']],
		['conversation', 'setStatus', ['conversationId', 'status']],
		['conversation', 'addLabels', ['conversationId', 'labels']],
		['conversation', 'getAll', ['returnAll', 'limit']],
		['message', 'create', ['conversationId', 'content', 'messageType', 'private', 'binaryPropertyName']],
		['message', 'getAll', ['conversationId', 'returnAll', 'limit']],
		['inbox', 'create', ['name', 'callbackUrl']],
		['inbox', 'update', ['inboxId', 'callbackUrl']],
	])('%s.%s has the parameters %j', (resource, operation, names) => {
		const fields = allNames(fieldsOf(description.properties, resource, operation));
		expect(fields).toEqual(expect.arrayContaining(names as string[]));
	});

	it('sends outgoing, public messages unless the user says otherwise', () => {
		const fields = fieldsOf(description.properties, 'message', 'create');
		const all = [...fields, ...fields.flatMap((f) => (f.options ?? []) as INodeProperties[])];
		expect(all.find((p) => p.name === 'messageType')?.default).toBe('outgoing');
		expect(all.find((p) => p.name === 'private')?.default).toBe(false);
	});
});

describe('node Chatwoot Platform', () => {
	const description = new ChatwootPlatform().description;
	const REQUIRED: Record<string, string[]> = {
		account: ['create', 'get', 'update', 'delete'],
		accountUser: ['create', 'getAll', 'delete'],
		user: ['create', 'get', 'update', 'delete', 'getLoginUrl'],
		agentBot: ['create', 'get', 'getAll', 'update', 'delete'],
	};

	it('is usable as an AI tool and uses the chatwootSuitePlatformApi credential', () => {
		expect(description.name).toBe('chatwootPlatform');
		expect(description.displayName).toBe('Chatwoot Platform');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'chatwootSuitePlatformApi', required: true }]);
	});

	it.each(Object.entries(REQUIRED))('resource %s offers every required operation, each implemented', (resource, operations) => {
		const resourceOption = description.properties.find((p) => p.name === 'resource');
		expect((resourceOption?.options ?? []).map((o) => (o as { value: string }).value)).toContain(resource);
		const offered = operationOptions(description.properties, resource);
		expect(offered).toEqual(expect.arrayContaining(operations));
		for (const operation of offered) expect(typeof platformResources[resource].operations[operation]?.execute).toBe('function');
		expect(Object.keys(platformResources[resource].operations).sort()).toEqual([...offered].sort());
	});
});
