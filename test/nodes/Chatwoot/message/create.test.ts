import { createHash } from 'crypto';

import { expectRequestsMatchSpec } from '../../../contract/spec';
import { binaryItem } from '../../../helpers/n8n-harness';
import { rl, run, seedWorld, startWorld, storedMessages } from './setup';
import type { Sim, World } from './setup';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('message: create', () => {
	let sim: Sim;
	let world: World;

	beforeAll(async () => {
		sim = await startWorld();
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(() => {
		world = seedWorld(sim);
	});

	const conv = () => rl(world.conversation.display_id);

	it('sends an outgoing reply by default and outputs the simplified record', async () => {
		const out = await run(world, 'message', { operation: 'create', conversationId: conv(), content: 'Hello Carla' });
		const [stored] = storedMessages(world, world.conversation.display_id);
		expect(stored).toMatchObject({ content: 'Hello Carla', message_type: 'outgoing', private: false, content_type: 'text', sender_type: 'User', sender_id: world.admin.id });
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ id: stored.id, conversation_id: world.conversation.display_id, content: 'Hello Carla', message_type: 'outgoing', private: false });
		expect(sim.requests.filter((r) => r.method === 'POST')[0].body).toEqual({ content: 'Hello Carla', message_type: 'outgoing', private: false });
		expectRequestsMatchSpec(sim.requests);
	});

	it('adds a private note and returns the raw record when simplify is off', async () => {
		const out = await run(world, 'message', { operation: 'create', conversationId: conv(), content: 'Internal: check refund', private: true, simplify: false });
		const [stored] = storedMessages(world, world.conversation.display_id);
		expect(stored).toMatchObject({ content: 'Internal: check refund', message_type: 'outgoing', private: true });
		expect(out[0].json).toMatchObject({ id: stored.id, message_type: 1, private: true, conversation_id: world.conversation.display_id });
		expectRequestsMatchSpec(sim.requests);
	});

	it('records an incoming message from the contact in an API inbox', async () => {
		const out = await run(world, 'message', { operation: 'create', conversationId: conv(), content: 'I need help', messageType: 'incoming' });
		const [stored] = storedMessages(world, world.conversation.display_id);
		expect(stored).toMatchObject({ content: 'I need help', message_type: 'incoming', sender_type: 'Contact', sender_id: world.contact.id, private: false });
		expect(out[0].json).toMatchObject({ message_type: 'incoming', sender: { id: world.contact.id, type: 'contact' } });
		expectRequestsMatchSpec(sim.requests);
	});

	it('explains that incoming messages need an API-channel inbox when Chatwoot answers 422', async () => {
		await expect(
			run(world, 'message', { operation: 'create', conversationId: rl(world.widgetConversation.display_id), content: 'Hi', messageType: 'incoming' }),
		).rejects.toThrow(/incoming messages only in API-channel inboxes/);
		expect(storedMessages(world, world.widgetConversation.display_id)).toHaveLength(0);
		const out = await run(
			world,
			'message',
			{ operation: 'create', conversationId: rl(world.widgetConversation.display_id), content: 'Hi', messageType: 'incoming' },
			{ continueOnFail: true },
		);
		expect(String(out[0].json.error)).toMatch(/API-channel inboxes.*Send this message as "Outgoing"/s);
		expect(sim.requests.filter((r) => r.method === 'POST').every((r) => r.status === 422)).toBe(true);
	});

	it('sends the items of one run in input order, one request at a time', async () => {
		const items = ['first', 'second', 'third', 'fourth', 'fifth'].map((content) => ({ json: { content } }));
		const out = await run(world, 'message', { operation: 'create', conversationId: conv(), content: '={{ $json.content }}' }, { items });
		const stored = storedMessages(world, world.conversation.display_id);
		expect(stored.map((m) => m.content)).toEqual(['first', 'second', 'third', 'fourth', 'fifth']);
		expect(out.map((o) => o.json.id)).toEqual(stored.map((m) => m.id));
		expect(out.map((o) => o.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});

	it('builds select options into content_attributes', async () => {
		await run(world, 'message', {
			operation: 'create',
			conversationId: conv(),
			content: 'Which plan?',
			contentType: 'input_select',
			selectOptions: { option: [{ title: 'Basic', value: 'basic' }, { title: 'Pro', value: '' }] },
		});
		const [stored] = storedMessages(world, world.conversation.display_id);
		expect(stored.content_type).toBe('input_select');
		expect(stored.content_attributes).toEqual({ items: [{ title: 'Basic', value: 'basic' }, { title: 'Pro', value: 'Pro' }] });
		expectRequestsMatchSpec(sim.requests);
	});

	it('builds cards with link and postback actions', async () => {
		await run(world, 'message', {
			operation: 'create',
			conversationId: conv(),
			content: 'Our offers',
			contentType: 'cards',
			cards: {
				card: [
					{
						title: 'Sneaker',
						description: 'Red, size 42',
						mediaUrl: 'https://example.com/sneaker.png',
						actions: {
							action: [
								{ type: 'link', text: 'View', uri: 'https://example.com/sneaker' },
								{ type: 'postback', text: 'Buy', payload: 'BUY_SNEAKER' },
							],
						},
					},
				],
			},
		});
		const [stored] = storedMessages(world, world.conversation.display_id);
		expect(stored.content_type).toBe('cards');
		expect(stored.content_attributes).toEqual({
			items: [
				{
					title: 'Sneaker',
					description: 'Red, size 42',
					media_url: 'https://example.com/sneaker.png',
					actions: [
						{ type: 'link', text: 'View', uri: 'https://example.com/sneaker' },
						{ type: 'postback', text: 'Buy', payload: 'BUY_SNEAKER' },
					],
				},
			],
		});
	});

	it('refuses a card without actions before calling Chatwoot', async () => {
		await expect(
			run(world, 'message', { operation: 'create', conversationId: conv(), contentType: 'cards', cards: { card: [{ title: 'No buttons' }] } }),
		).rejects.toThrow(/Every card needs at least one action/);
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
		expect(storedMessages(world, world.conversation.display_id)).toHaveLength(0);
	});

	it('builds a form with text, email, text area and select fields', async () => {
		await run(world, 'message', {
			operation: 'create',
			conversationId: conv(),
			content: 'Tell us more',
			contentType: 'form',
			formFields: {
				field: [
					{ type: 'text', name: 'name', label: 'Your name', placeholder: 'Jane', required: true },
					{ type: 'email', name: 'email', label: 'Email' },
					{ type: 'text_area', name: 'details', label: 'Details' },
					{ type: 'select', name: 'topic', label: 'Topic', options: { option: [{ label: 'Billing', value: 'billing' }, { label: 'Bug' }] } },
				],
			},
		});
		const [stored] = storedMessages(world, world.conversation.display_id);
		expect(stored.content_type).toBe('form');
		expect(stored.content_attributes).toEqual({
			items: [
				{ type: 'text', name: 'name', label: 'Your name', placeholder: 'Jane', required: true },
				{ type: 'email', name: 'email', label: 'Email', required: false },
				{ type: 'text_area', name: 'details', label: 'Details', required: false },
				{
					type: 'select',
					name: 'topic',
					label: 'Topic',
					required: false,
					options: [
						{ key: 'billing', label: 'Billing', value: 'billing' },
						{ key: 'Bug', label: 'Bug', value: 'Bug' },
					],
				},
			],
		});
	});

	it('builds articles and sends an email input request', async () => {
		await run(world, 'message', {
			operation: 'create',
			conversationId: conv(),
			content: 'These may help',
			contentType: 'article',
			articles: { article: [{ title: 'Returns', description: 'How to return', link: 'https://help.example.com/returns' }] },
		});
		await run(world, 'message', { operation: 'create', conversationId: conv(), content: 'Your email?', contentType: 'input_email' });
		const [article, email] = storedMessages(world, world.conversation.display_id);
		expect(article.content_type).toBe('article');
		expect(article.content_attributes).toEqual({ items: [{ title: 'Returns', description: 'How to return', link: 'https://help.example.com/returns' }] });
		expect(email).toMatchObject({ content_type: 'input_email', content: 'Your email?' });
		expectRequestsMatchSpec(sim.requests);
	});

	it('sends WhatsApp template parameters as processed_params.body "1", "2", …', async () => {
		await run(world, 'message', {
			operation: 'create',
			conversationId: conv(),
			content: 'Your order 42 ships tomorrow',
			additionalFields: {
				templateName: 'order_update',
				templateCategory: 'UTILITY',
				templateLanguage: 'en_US',
				templateBodyParameters: { parameter: [{ value: '42' }, { value: 'tomorrow' }] },
				templateHeaderMediaUrl: 'https://example.com/box.png',
			},
		});
		const [stored] = storedMessages(world, world.conversation.display_id);
		expect(stored.additional_attributes.template_params).toEqual({
			name: 'order_update',
			category: 'UTILITY',
			language: 'en_US',
			processed_params: { body: { '1': '42', '2': 'tomorrow' }, header: { media_url: 'https://example.com/box.png', media_type: 'image' } },
		});
	});

	it('passes echo ID, source ID and external creation time', async () => {
		const when = '2024-05-01T10:00:00.000Z';
		const out = await run(world, 'message', {
			operation: 'create',
			conversationId: conv(),
			content: 'Imported',
			messageType: 'incoming',
			additionalFields: { echoId: 'echo-1', messageSourceId: 'wamid.123', externalCreatedAt: when },
			simplify: false,
		});
		const [stored] = storedMessages(world, world.conversation.display_id);
		expect(stored).toMatchObject({ source_id: 'wamid.123', echo_id: 'echo-1' });
		expect(out[0].json).toMatchObject({ echo_id: 'echo-1', source_id: 'wamid.123' });
		const body = sim.requests.find((r) => r.method === 'POST')!.body;
		expect(body.external_created_at).toBe(Date.parse(when) / 1000);
	});

	it('refuses an empty message', async () => {
		await expect(run(world, 'message', { operation: 'create', conversationId: conv(), content: '  ' })).rejects.toThrow(/The message is empty/);
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	it('sends two binary properties as two attachments (multipart) that arrive byte for byte', async () => {
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 300 }, (_, i) => i % 256)]);
		const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5000, 7), Buffer.from('\n%%EOF')]);
		const item = binaryItem({}, {
			photo: { data: png, fileName: 'photo.png', mimeType: 'image/png' },
			invoice: { data: pdf, fileName: 'invoice.pdf', mimeType: 'application/pdf' },
		});
		const out = await run(
			world,
			'message',
			{
				operation: 'create',
				conversationId: conv(),
				content: 'Your documents',
				contentType: 'input_select',
				selectOptions: { option: [{ title: 'Thanks', value: 'thanks' }] },
				additionalFields: { binaryPropertyName: 'photo, invoice', templateName: 'docs', templateBodyParameters: { parameter: [{ value: 'x' }] } },
			},
			{ items: [item] },
		);
		const [stored] = storedMessages(world, world.conversation.display_id);
		expect(stored.content).toBe('Your documents');
		expect(stored.content_type).toBe('input_select');
		expect(stored.content_attributes).toEqual({ items: [{ title: 'Thanks', value: 'thanks' }] });
		expect(stored.additional_attributes.template_params).toEqual({ name: 'docs', processed_params: { body: { '1': 'x' } } });
		const attachments = stored.attachment_ids.map((id: number) => sim.db.attachments.find((a) => a.id === id)!);
		expect(attachments.map((a: any) => [a.filename, a.content_type, a.file_type])).toEqual([
			['photo.png', 'image/png', 'image'],
			['invoice.pdf', 'application/pdf', 'file'],
		]);
		expect(attachments.map((a: any) => sha256(a.data))).toEqual([sha256(png), sha256(pdf)]);
		expect((out[0].json.attachments as any[]).map((a) => a.file_type)).toEqual(['image', 'file']);
		const post = sim.requests.find((r) => r.method === 'POST')!;
		expect(String(post.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
		expect(post.body.files.map((f: any) => f.fieldName)).toEqual(['attachments[]', 'attachments[]']);
		expect(post.body.fields).toMatchObject({ content: 'Your documents', message_type: 'outgoing', content_type: 'input_select' });
		expect(post.body.fields.private).toBeUndefined();
		expect(stored.private).toBe(false);
		expectRequestsMatchSpec(sim.requests);
	});

	it('adds a private note with an attachment (multipart)', async () => {
		const item = binaryItem({}, { data: { data: Buffer.from('internal'), fileName: 'note.txt', mimeType: 'text/plain' } });
		await run(world, 'message', { operation: 'create', conversationId: conv(), content: 'See file', private: true, additionalFields: { binaryPropertyName: 'data' } }, { items: [item] });
		const [stored] = storedMessages(world, world.conversation.display_id);
		expect(stored).toMatchObject({ content: 'See file', private: true, message_type: 'outgoing' });
		expect(sim.db.attachments.filter((a) => a.message_id === stored.id).map((a) => a.data.toString())).toEqual(['internal']);
	});

	it('names a missing binary property', async () => {
		await expect(
			run(world, 'message', { operation: 'create', conversationId: conv(), content: 'x', additionalFields: { binaryPropertyName: 'nope' } }, { items: [{ json: {} }] }),
		).rejects.toThrow(/nope/);
		expect(storedMessages(world, world.conversation.display_id)).toHaveLength(0);
	});

	it('names the conversation when it does not exist', async () => {
		await expect(run(world, 'message', { operation: 'create', conversationId: rl(999), content: 'x' })).rejects.toThrow(/Conversation 999 was not found/);
	});

	it('does not duplicate a message whose request landed although the answer was a 502 (reconcile)', async () => {
		sim.setFaults({ rate: 1, kinds: ['502'], when: 'after', methods: ['POST'], pathPattern: '/messages$' });
		try {
			const items = ['one', 'two', 'three'].map((content) => ({ json: { content } }));
			const out = await run(world, 'message', { operation: 'create', conversationId: conv(), content: '={{ $json.content }}' }, { items });
			const stored = storedMessages(world, world.conversation.display_id);
			expect(stored.map((m) => m.content)).toEqual(['one', 'two', 'three']);
			expect(out.map((o) => o.json.id)).toEqual(stored.map((m) => m.id));
			expect(sim.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([502, 502, 502]);
			expect(sim.requests.filter((r) => r.method === 'GET' && r.query.after !== undefined)).toHaveLength(3);
		} finally {
			sim.setFaults(null);
		}
	});

	it('sends again when the failed request did not land, keeping order and sending each message once', async () => {
		// Seed 4 at rate 0.4 fails 3 of the POSTs (at most 2 in a row) before they reach Chatwoot.
		sim.setFaults({ rate: 0.4, kinds: ['502', '504', 'reset'], when: 'before', methods: ['POST'], pathPattern: '/messages$', seed: 4 });
		try {
			const contents = Array.from({ length: 5 }, (_, i) => `msg ${i + 1}`);
			await run(world, 'message', { operation: 'create', conversationId: conv(), content: '={{ $json.content }}' }, {
				items: contents.map((content) => ({ json: { content } })),
			});
			expect(storedMessages(world, world.conversation.display_id).map((m) => m.content)).toEqual(contents);
			expect(sim.requests.filter((r) => r.method === 'POST' && r.fault).length).toBe(3);
		} finally {
			sim.setFaults(null);
		}
	});
});
