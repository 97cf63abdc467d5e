import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ChatwootClient } from '../../../nodes/ChatwootClient/ChatwootClient.node';
import { resources } from '../../../nodes/ChatwootClient/actions/router';

const description = new ChatwootClient().description;

describe('Chatwoot Client node description', () => {
	it('has the fixed public names and can be used as an AI tool', () => {
		expect(description).toMatchObject({ name: 'chatwootClient', displayName: 'Chatwoot Client', usableAsTool: true, version: 1 });
		expect(description.credentials).toEqual([{ name: 'chatwootSuiteClientApi', required: true }]);
		const resource = description.properties.find((p) => p.name === 'resource')!;
		expect((resource.options as INodePropertyOptions[]).map((o) => o.value)).toEqual(['contact', 'conversation', 'message']);
	});

	it.each(Object.keys(resources))('%s: every operation option has an action and a description, sorted, and an implementation', (resource) => {
		const selector = description.properties.find(
			(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
		) as INodeProperties;
		const options = selector.options as INodePropertyOptions[];
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
		for (const option of options) {
			expect(option.action).toBeTruthy();
			expect(String(option.description).length).toBeGreaterThan(10);
		}
		expect(options.map((o) => o.value).sort()).toEqual(Object.keys(resources[resource].operations).sort());
	});

	it('offers the expected operations', () => {
		expect(Object.fromEntries(Object.entries(resources).map(([r, m]) => [r, Object.keys(m.operations).sort()]))).toEqual({
			contact: ['create', 'get', 'update'],
			conversation: ['create', 'get', 'getAll', 'resolve', 'toggleTyping', 'updateLastSeen'],
			message: ['create', 'getAll', 'update'],
		});
	});

	it('asks for the contact identifier (source ID) wherever one is needed, explaining where it comes from', () => {
		const fields = description.properties.filter((p) => p.name === 'contactIdentifier');
		expect(fields.length).toBeGreaterThan(0);
		for (const field of fields) {
			expect(field.required).toBe(true);
			expect(field.description).toContain('source_id');
			expect(field.description).toContain('contact_inbox.source_id');
		}
		const locators = description.properties.filter((p) => p.name === 'conversationId');
		for (const locator of locators) {
			expect(locator.type).toBe('resourceLocator');
			expect(locator.modes?.map((m) => m.name)).toEqual(['list', 'id']);
		}
	});
});
