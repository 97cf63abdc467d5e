import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { unwrapList } from '../../shared/transport';
import { clientRequest, contactPath } from '../helpers/client';

function lastMessageText(conversation: IDataObject): string {
	const messages = Array.isArray(conversation.messages) ? (conversation.messages as IDataObject[]) : [];
	const last = messages[messages.length - 1];
	const text = typeof last?.content === 'string' ? last.content.replace(/\s+/g, ' ').trim() : '';
	return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The conversations of the contact given in "Contact Identifier", newest first. */
export async function searchConversations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const raw = this.getCurrentNodeParameter('contactIdentifier') as unknown;
	const contactIdentifier = typeof raw === 'string' ? raw.trim() : '';
	if (contactIdentifier === '' || contactIdentifier.startsWith('=')) {
		throw new NodeOperationError(this.getNode(), 'Enter a fixed Contact Identifier first to list its conversations', {
			description: 'The list needs the contact\'s source ID. With a mapped (expression) identifier, choose "By ID" instead.',
		});
	}
	const conversations = unwrapList(
		await clientRequest(this, { method: 'GET', path: `${contactPath(contactIdentifier)}/conversations` }, { contactIdentifier }),
	);
	const needle = filter?.trim().toLowerCase();
	const results = conversations
		.map((c) => {
			const preview = lastMessageText(c);
			return {
				name: `#${String(c.id)} (${String(c.status ?? '')})${preview ? ` ${preview}` : ''}`,
				value: String(c.id),
			};
		})
		.filter((r) => !needle || r.name.toLowerCase().includes(needle))
		.sort((a, b) => Number(b.value) - Number(a.value));
	return { results };
}
