/**
 * The public interface of the package as saved workflows see it: node and credential type names, versions,
 * and every parameter's name, type, default, option values and displayOptions (recursively, incl. collection
 * and fixedCollection children and resource-locator modes). Display names and descriptions are left out: they
 * can be reworded freely. Used by `interface.snapshot.test.ts` and `scripts/update-interface-snapshot.js`.
 */
import type { ICredentialType, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../credentials/ChatwootSuiteApi.credentials';
import { ChatwootSuiteClientApi } from '../../credentials/ChatwootSuiteClientApi.credentials';
import { ChatwootSuitePlatformApi } from '../../credentials/ChatwootSuitePlatformApi.credentials';
import { Chatwoot } from '../../nodes/Chatwoot/Chatwoot.node';
import { ChatwootClient } from '../../nodes/ChatwootClient/ChatwootClient.node';
import { ChatwootPlatform } from '../../nodes/ChatwootPlatform/ChatwootPlatform.node';
import { ChatwootTrigger } from '../../nodes/ChatwootTrigger/ChatwootTrigger.node';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const PACKAGE = 'n8n-nodes-chatwoot-suite';

function clean(value: unknown): Json {
	return JSON.parse(JSON.stringify(value ?? null)) as Json;
}

function optionEntry(option: INodePropertyOptions | INodeProperties | INodePropertyCollection): Json {
	if ('type' in option && 'name' in option && !('value' in option)) return property(option as INodeProperties);
	if ('values' in option) return { name: option.name, values: (option.values as INodeProperties[]).map(property) };
	return clean((option as INodePropertyOptions).value);
}

function property(p: INodeProperties): Json {
	const entry: Record<string, Json> = { name: p.name, type: p.type, default: clean(p.default) };
	if (p.required) entry.required = true;
	if (p.displayOptions) entry.displayOptions = clean(p.displayOptions);
	if (p.options) entry.options = p.options.map((o) => optionEntry(o as INodePropertyOptions));
	if (p.modes) entry.modes = p.modes.map((m) => m.name);
	if (p.typeOptions?.multipleValues) entry.multipleValues = true;
	return entry;
}

function node(type: INodeType): Json {
	const d = type.description;
	return {
		type: `${PACKAGE}.${d.name}`,
		version: clean(d.version),
		defaults: clean(d.defaults),
		credentials: clean((d.credentials ?? []).map((c) => ({ name: c.name, required: c.required ?? false }))),
		usableAsTool: clean(d.usableAsTool ?? false),
		webhooks: clean((d.webhooks ?? []).map((w) => ({ name: w.name, httpMethod: w.httpMethod, path: w.path }))),
		properties: d.properties.map(property),
	};
}

function credential(c: ICredentialType): Json {
	return { name: c.name, extends: clean(c.extends ?? []), properties: c.properties.map(property) };
}

export function interfaceSnapshot(): Json {
	return {
		nodes: [new Chatwoot(), new ChatwootTrigger(), new ChatwootClient(), new ChatwootPlatform()].map(node),
		credentials: [new ChatwootSuiteApi(), new ChatwootSuiteClientApi(), new ChatwootSuitePlatformApi()].map(credential),
	};
}

export const SNAPSHOT_FILE = 'test/package/interface.snapshot.json';
