import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getId } from '../../../shared/helpers/items';
import { chatwootApiRequest } from '../../../shared/transport';
import { conversationLocator } from '../../../shared/descriptions';
import { asNodeError } from '../../helpers/records';
import { conversationSubject } from './shared';

const properties: INodeProperties[] = [
	conversationLocator(),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Address the transcript of the whole conversation is emailed to',
	},
	{
		displayName: "Needs a Chatwoot plan with email transcripts and counts against the account's daily email limit",
		name: 'transcriptNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['sendTranscript'] } }, properties);

/**
 * POST /conversations/{id}/transcript (conversations_controller.rb#transcript): 422 without
 * email, 402 when the plan lacks email transcripts, a bare 429 when the account's daily email
 * quota is used up (Account#within_email_rate_limit?): a retry within the day cannot succeed.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const conversationId = getId(this, 'conversationId', itemIndex, 'conversation ID');
	const email = String(this.getNodeParameter('email', itemIndex, '')).trim();
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
		throw new NodeOperationError(this.getNode(), `"${email}" is not an email address`, { itemIndex, description: 'Enter the address the transcript should go to.' });
	}
	try {
		await chatwootApiRequest(this, {
			method: 'POST',
			path: `/conversations/${conversationId}/transcript`,
			body: { email },
			subject: conversationSubject(conversationId),
			retry: { maxAttempts: 1 },
		});
	} catch (error) {
		if (error instanceof NodeApiError && String(error.httpCode) === '429') {
			throw new NodeOperationError(this.getNode(), "The account's daily email limit is used up", {
				itemIndex,
				description: 'Chatwoot sends a limited number of emails per account and day. Send the transcript tomorrow, or raise the limit on your Chatwoot installation.',
			});
		}
		if (error instanceof NodeApiError && String(error.httpCode) === '402') {
			throw new NodeOperationError(this.getNode(), "This Chatwoot plan doesn't include email transcripts", {
				itemIndex,
				description: 'Email transcripts are part of paid Chatwoot Cloud plans (and self-hosted installations without billing). Upgrade the plan, or read the messages with Message → Get Many instead.',
			});
		}
		throw asNodeError(this, error);
	}
	return [{ json: { id: conversationId, email, sent: true } }];
}

export const concurrent = true;
