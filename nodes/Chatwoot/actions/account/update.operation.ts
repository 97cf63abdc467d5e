import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, toItems } from '../../../shared/helpers/items';
import { chatwootApiRequest, unwrapRecord } from '../../../shared/transport';
import { requireChanges } from '../../helpers/records';

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Auto-Resolve After (Minutes)',
				name: 'autoResolveAfter',
				type: 'number',
				typeOptions: { minValue: 10 },
				default: 1440,
				description: 'Resolve conversations automatically after this many minutes without activity (10 minutes to 999 days)',
			},
			{
				displayName: 'Auto-Resolve Message',
				name: 'autoResolveMessage',
				type: 'string',
				default: '',
				description: 'Message Chatwoot sends when it resolves a conversation automatically',
			},
			{ displayName: 'Domain', name: 'domain', type: 'string', default: '', placeholder: 'e.g. support.example.com', description: 'Domain of the email channel (incoming emails)' },
			{ displayName: 'Locale', name: 'locale', type: 'string', default: '', placeholder: 'e.g. en', description: 'Language of the account, e.g. en, de, pt_BR' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the account (company)' },
			{ displayName: 'Support Email', name: 'supportEmail', type: 'string', default: '', placeholder: 'e.g. support@example.com', description: 'Sender address of emails from Chatwoot' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['update'] } }, properties);

/**
 * PATCH /api/v1/accounts/{id} (app/controllers/api/v1/accounts_controller.rb#update): name,
 * locale, domain and support email; auto-resolve values are merged into the account settings.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const f = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = compact({
		name: f.name,
		locale: f.locale,
		domain: f.domain,
		support_email: f.supportEmail,
		auto_resolve_after: f.autoResolveAfter,
		auto_resolve_message: f.autoResolveMessage,
	});
	requireChanges(this, itemIndex, body);
	return toItems(unwrapRecord(await chatwootApiRequest(this, { method: 'PATCH', path: '', body, subject: { resource: 'account' } })));
}
