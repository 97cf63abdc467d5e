/** What n8n's node panel lists as actions (each operation option's `action` text). Issue 17, point 8. */
import type { INodePropertyOptions } from 'n8n-workflow';

import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';

function operationOptions(resource: string): INodePropertyOptions[] {
	const property = new Chatwoot().description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	return (property?.options ?? []) as INodePropertyOptions[];
}

describe('the action list', () => {
	it('offers Message → Create as "Send a message", with the value create', () => {
		const create = operationOptions('message').find((o) => o.value === 'create');
		expect(create).toMatchObject({ value: 'create', action: 'Send a message' });
	});

	it('still saves create as the default operation of a message', () => {
		const property = new Chatwoot().description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('message'),
		);
		expect(property?.default).toBe('create');
	});
});
