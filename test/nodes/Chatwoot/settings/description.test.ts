/* The part-A resources: every operation INTERFACE.md names exists with an implementation, options are
 * sorted with an action and a description written for a model, every field shows for one operation,
 * and lists offer Return All + Limit. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Chatwoot } from '../../../../nodes/Chatwoot/Chatwoot.node';
import { resources } from '../../../../nodes/Chatwoot/actions/resources';

const REQUIRED: Record<string, string[]> = {
	account: ['get', 'update'],
	profile: ['get', 'update'],
	agent: ['create', 'get', 'getAll', 'update', 'delete'],
	team: ['create', 'get', 'getAll', 'update', 'delete', 'addAgents', 'removeAgents', 'getAgents'],
	label: ['create', 'get', 'getAll', 'update', 'delete'],
	cannedResponse: ['create', 'get', 'getAll', 'update', 'delete', 'search'],
	customAttribute: ['create', 'get', 'getAll', 'update', 'delete'],
	customFilter: ['create', 'get', 'getAll', 'update', 'delete'],
	webhook: ['create', 'get', 'getAll', 'update', 'delete'],
	integration: ['getAll', 'get', 'createHook', 'updateHook', 'deleteHook'],
	contactNote: ['create', 'get', 'getAll', 'update', 'delete'],
	search: ['search'],
	contact: ['getContactableInboxes', 'createContactInbox'],
	conversation: ['filter', 'update', 'getMeta', 'mute', 'unmute', 'markUnread', 'sendTranscript', 'getParticipants', 'addParticipants', 'removeParticipants', 'getReportingEvents'],
};

describe('part-A resource descriptions', () => {
	const node = new Chatwoot().description;
	const resourceValues = (node.properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]).map((o) => o.value);

	for (const [resource, ops] of Object.entries(REQUIRED)) {
		describe(resource, () => {
			const module = resources[resource];
			const selector = module.description.find((p) => p.name === 'operation') as INodeProperties;
			const options = selector.options as INodePropertyOptions[];

			it('is offered by the node and implements the operations INTERFACE.md names', () => {
				expect(resourceValues).toContain(resource);
				for (const op of ops) {
					expect(options.map((o) => o.value)).toContain(op);
					expect(typeof module.operations[op]?.execute).toBe('function');
				}
				expect(Object.keys(module.operations).sort()).toEqual(options.map((o) => String(o.value)).sort());
			});

			it('sorts operations by name, each with an action and a description of at least a few words', () => {
				const names = options.map((o) => o.name);
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
				for (const option of options) {
					expect(option.action).toBeTruthy();
					expect(String(option.description).split(' ').length).toBeGreaterThanOrEqual(4);
				}
			});

			it('shows each field for this resource and one operation; lists have Return All + Limit', () => {
				for (const property of module.description.filter((p) => p.name !== 'operation')) {
					expect(property.displayOptions?.show?.resource).toEqual([resource]);
					expect(property.displayOptions?.show?.operation).toHaveLength(1);
				}
				for (const op of ops.filter((o) => o === 'getAll' || o === 'getAgents' || o === 'getParticipants' || o === 'filter')) {
					const fields = module.description.filter((p) => p.displayOptions?.show?.operation?.includes(op)).map((p) => p.name);
					expect(fields).toEqual(expect.arrayContaining(['returnAll', 'limit']));
				}
			});
		});
	}
});
