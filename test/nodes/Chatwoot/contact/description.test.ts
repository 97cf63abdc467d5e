import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { description, operations } from '../../../../nodes/Chatwoot/actions/contact/Contact.resource';

const REQUIRED = ['create', 'get', 'getAll', 'search', 'update', 'delete', 'upsert', 'merge', 'addLabels', 'removeLabels', 'getLabels', 'getConversations'];

describe('contact resource description', () => {
	const selector = description.find((p) => p.name === 'operation') as INodeProperties;
	const options = selector.options as INodePropertyOptions[];

	it('offers every operation fixed in INTERFACE.md, plus filter, each with an implementation', () => {
		const values = options.map((o) => o.value);
		for (const op of [...REQUIRED, 'filter']) {
			expect(values).toContain(op);
			expect(typeof operations[op]?.execute).toBe('function');
		}
		expect(Object.keys(operations).sort()).toEqual([...values].sort());
	});

	it('sorts the operations by name and gives each an action and a description', () => {
		const names = options.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		for (const option of options) {
			expect(option.action).toBeTruthy();
			expect(String(option.description)).not.toBe('');
		}
	});

	it('marks only per-item-independent operations concurrent', () => {
		const concurrent = Object.entries(operations)
			.filter(([, module]) => module.concurrent)
			.map(([name]) => name)
			.sort();
		expect(concurrent).toEqual(['addLabels', 'create', 'createContactInbox', 'delete', 'get', 'getContactableInboxes', 'getConversations', 'getLabels', 'removeLabels', 'update', 'upsert']);
	});

	it('shows every field only for the contact resource and one operation', () => {
		for (const property of description.filter((p) => p.name !== 'operation')) {
			expect(property.displayOptions?.show?.resource).toEqual(['contact']);
			expect(property.displayOptions?.show?.operation).toHaveLength(1);
		}
	});
});
