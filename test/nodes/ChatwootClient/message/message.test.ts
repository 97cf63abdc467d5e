import type { IDataObject } from 'n8n-workflow';

import { binaryItem } from '../../../helpers/n8n-harness';
import { checkContract, client, clientError, errorText, newConversation, rl, seedBasics, startEnv } from '../setup';
import type { Env, Simulator } from '../setup';

describe('Chatwoot Client: message', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
	});
	afterEach(() => checkContract(sim));

	const messagesOf = (displayId: number): IDataObject[] => sim.find.messages(env.accountId, displayId);

	it('sends a text message as the contact, with an echo ID', async () => {
		const { sourceId, conversationId, contact } = await newConversation(env);
		const [out] = await client(env, 'message', 'create', {
			contactIdentifier: sourceId,
			conversationId: rl(conversationId),
			content: 'Hello, I need help',
			additionalFields: { echoId: 'tmp-1' },
		});
		const stored = messagesOf(conversationId);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({
			content: 'Hello, I need help',
			message_type: 'incoming',
			private: false,
			echo_id: 'tmp-1',
			sender_type: 'Contact',
			sender_id: contact.id,
		});
		expect(out).toMatchObject({ id: stored[0].id, content: 'Hello, I need help', conversation_id: conversationId, message_type: 0 });
	});

	it('sends files from several binary properties as multipart attachments', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
		const pdf = Buffer.from('%PDF-1.4 invoice');
		const [out] = await client(
			env,
			'message',
			'create',
			{
				contactIdentifier: sourceId,
				conversationId: rl(conversationId),
				content: 'Screenshot and invoice',
				additionalFields: { binaryPropertyName: 'data, invoice' },
			},
			{
				items: [
					binaryItem(
						{},
						{
							data: { data: png, fileName: 'screen.png', mimeType: 'image/png' },
							invoice: { data: pdf, fileName: 'invoice.pdf', mimeType: 'application/pdf' },
						},
					),
				],
			},
		);
		const [message] = messagesOf(conversationId);
		expect(message.content).toBe('Screenshot and invoice');
		const attachments = sim.db.attachments.filter((a: IDataObject) => a.message_id === message.id);
		expect(attachments.map((a: IDataObject) => [a.filename, a.content_type, (a.data as Buffer).equals(a.filename === 'screen.png' ? png : pdf)])).toEqual([
			['screen.png', 'image/png', true],
			['invoice.pdf', 'application/pdf', true],
		]);
		expect(out.attachments).toHaveLength(2);
		const post = sim.requests.find((r: IDataObject) => r.method === 'POST' && String(r.path).endsWith('/messages'));
		expect(post.body.fields.content).toBe('Screenshot and invoice');
		expect(post.body.files.map((f: IDataObject) => f.fieldName)).toEqual(['attachments[]', 'attachments[]']);
	});

	it('names a missing binary property', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		const error = await clientError(env, 'message', 'create', {
			contactIdentifier: sourceId,
			conversationId: rl(conversationId),
			content: 'x',
			additionalFields: { binaryPropertyName: 'nothere' },
		});
		expect(errorText(error)).toContain('nothere');
		expect(messagesOf(conversationId)).toHaveLength(0);
	});

	it('refuses a message with neither content nor attachments', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		const error = await clientError(env, 'message', 'create', { contactIdentifier: sourceId, conversationId: rl(conversationId), content: '' });
		expect(error.message).toBe('The message has neither content nor attachments');
		expect(messagesOf(conversationId)).toHaveLength(0);
	});

	it('sends one message per input item, in order', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		const out = await client(
			env,
			'message',
			'create',
			{ contactIdentifier: sourceId, conversationId: rl(conversationId), content: '={{ $json.text }}' },
			{ items: ['one', 'two', 'three'].map((text) => ({ json: { text } })) },
		);
		expect(out.map((m) => m.content)).toEqual(['one', 'two', 'three']);
		expect(messagesOf(conversationId).map((m) => m.content)).toEqual(['one', 'two', 'three']);
	});

	it('gets all messages across pages (before cursor), oldest first, without private notes or activities', async () => {
		const { sourceId, conversationId, contact } = await newConversation(env);
		const agentId = sim.db.users[0].id;
		for (let i = 1; i <= 45; i++) {
			const fromContact = i % 2 === 1;
			sim.seed.message({
				accountId: env.accountId,
				conversationId,
				content: `m${i}`,
				message_type: fromContact ? 'incoming' : 'outgoing',
				senderType: fromContact ? 'contact' : 'user',
				senderId: fromContact ? (contact.id as number) : agentId,
			});
			if (i % 10 === 0) {
				sim.seed.message({ accountId: env.accountId, conversationId, content: `note${i}`, message_type: 'outgoing', private: true, senderType: 'user', senderId: agentId });
			}
		}
		sim.seed.message({ accountId: env.accountId, conversationId, content: 'Conversation was resolved', message_type: 'activity' });
		const all = await client(env, 'message', 'getAll', { contactIdentifier: sourceId, conversationId: rl(conversationId), returnAll: true });
		expect(all.map((m) => m.content)).toEqual(Array.from({ length: 45 }, (_, i) => `m${i + 1}`));
		expect(all[0]).toMatchObject({ message_type: 'incoming' });
		expect(all[1]).toMatchObject({ message_type: 'outgoing' });
		const pages = sim.requests.filter((r: IDataObject) => r.method === 'GET' && String(r.path).endsWith('/messages'));
		expect(pages.length).toBeGreaterThanOrEqual(3);
		expect(pages[0].query.before).toBeUndefined();
		expect(pages[1].query.before).toBeDefined();

		const latest = await client(env, 'message', 'getAll', { contactIdentifier: sourceId, conversationId: rl(conversationId), returnAll: false, limit: 5 });
		expect(latest.map((m) => m.content)).toEqual(['m41', 'm42', 'm43', 'm44', 'm45']);

		const [raw] = await client(env, 'message', 'getAll', {
			contactIdentifier: sourceId,
			conversationId: rl(conversationId),
			returnAll: false,
			limit: 1,
			simplify: false,
		});
		expect(raw).toMatchObject({ content: 'm45', message_type: 0, conversation_id: conversationId });
	});

	it('answers an options (input_select) message with the chosen option', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		const question = sim.seed.message({
			accountId: env.accountId,
			conversationId,
			content: 'Pick a topic',
			message_type: 'outgoing',
			senderType: 'user',
			senderId: sim.db.users[0].id,
			content_type: 'input_select',
			content_attributes: { items: [{ title: 'Billing', value: 'billing' }, { title: 'Bug', value: 'bug' }] },
		});
		const [out] = await client(env, 'message', 'update', {
			contactIdentifier: sourceId,
			conversationId: rl(conversationId),
			messageId: String(question.id),
			replyType: 'select',
			optionTitle: 'Billing',
			optionValue: 'billing',
		});
		const stored = sim.db.messages.find((m: IDataObject) => m.id === question.id);
		expect(stored.content_attributes).toMatchObject({ submitted_values: [{ title: 'Billing', value: 'billing' }] });
		expect(out).toMatchObject({ id: question.id });
	});

	it('answers a form message with its field values', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		const form = sim.seed.message({
			accountId: env.accountId,
			conversationId,
			content: 'Tell us more',
			message_type: 'outgoing',
			senderType: 'user',
			senderId: sim.db.users[0].id,
			content_type: 'form',
			content_attributes: { items: [{ name: 'email', type: 'email', label: 'Email' }, { name: 'order', type: 'text', label: 'Order' }] },
		});
		await client(env, 'message', 'update', {
			contactIdentifier: sourceId,
			conversationId: rl(conversationId),
			messageId: String(form.id),
			replyType: 'form',
			formValues: { field: [{ name: 'email', value: 'jane@example.com' }, { name: 'order', value: 'A-17' }] },
		});
		const stored = sim.db.messages.find((m: IDataObject) => m.id === form.id);
		expect(stored.content_attributes.submitted_values).toEqual([
			{ name: 'email', value: 'jane@example.com' },
			{ name: 'order', value: 'A-17' },
		]);
	});

	it('answers a CSAT survey with a rating and feedback', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		const survey = sim.seed.message({
			accountId: env.accountId,
			conversationId,
			content: 'Please rate the conversation',
			message_type: 'template',
			content_type: 'input_csat',
		});
		await client(env, 'message', 'update', {
			contactIdentifier: sourceId,
			conversationId: rl(conversationId),
			messageId: String(survey.id),
			replyType: 'csat',
			rating: 4,
			feedbackMessage: 'Quick and friendly',
		});
		const stored = sim.db.messages.find((m: IDataObject) => m.id === survey.id);
		expect(stored.content_attributes.submitted_values).toEqual({ csat_survey_response: { rating: 4, feedback_message: 'Quick and friendly' } });
	});

	it('sends custom submitted values as given', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		const question = sim.seed.message({ accountId: env.accountId, conversationId, content: 'Q', message_type: 'outgoing', senderType: 'user', senderId: sim.db.users[0].id, content_type: 'input_select' });
		await client(env, 'message', 'update', {
			contactIdentifier: sourceId,
			conversationId: rl(conversationId),
			messageId: String(question.id),
			replyType: 'json',
			submittedValues: '[{"title": "Yes", "value": "yes"}]',
		});
		expect(sim.db.messages.find((m: IDataObject) => m.id === question.id).content_attributes.submitted_values).toEqual([{ title: 'Yes', value: 'yes' }]);
	});

	it('names the unknown message on a 404', async () => {
		const { sourceId, conversationId } = await newConversation(env);
		const error = await clientError(env, 'message', 'update', {
			contactIdentifier: sourceId,
			conversationId: rl(conversationId),
			messageId: '987654',
			replyType: 'select',
			optionTitle: 'Yes',
		});
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe(`Message 987654 was not found in conversation ${conversationId}`);
	});

	it('names the unknown conversation when listing messages', async () => {
		const { sourceId } = await newConversation(env);
		const error = await clientError(env, 'message', 'getAll', { contactIdentifier: sourceId, conversationId: rl(424242), returnAll: true });
		expect(error.message).toBe(`Conversation 424242 was not found for contact "${sourceId}"`);
	});
});
