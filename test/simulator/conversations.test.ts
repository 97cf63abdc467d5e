import { ChatwootSimulator } from './index';
import { call, seedWorld, withSim, World } from './_helpers';

let sim: ChatwootSimulator;
let w: World;
beforeAll(async () => {
	sim = await withSim();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.reset();
	w = seedWorld(sim);
});
const tok = () => w.admin.access_token;

function conv(opts: Partial<Parameters<ChatwootSimulator['seed']['conversation']>[0]> = {}) {
	const c = sim.seed.contact({ accountId: w.accountId, email: `c${sim.db.contacts.length + 1}@x.test`, inboxId: opts.inboxId ?? w.apiInbox.id });
	return sim.seed.conversation({ accountId: w.accountId, inboxId: w.apiInbox.id, contactId: c.id, ...opts });
}

describe('conversation list / meta / filter', () => {
	it('DPM envelope, 25/page, default status open, meta counts', async () => {
		sim.seed.many.conversations(w.accountId, w.apiInbox.id, 26);
		conv({ status: 'resolved' });
		conv({ assigneeId: w.admin.id });
		let r = await call(sim, 'GET', `${w.A}/conversations`, { token: tok() });
		expect(r.status).toBe(200);
		expect(r.json.data.meta).toEqual({ mine_count: 1, assigned_count: 1, unassigned_count: 26, all_count: 27 });
		expect(r.json.data.payload).toHaveLength(25);
		r = await call(sim, 'GET', `${w.A}/conversations?page=2`, { token: tok() });
		expect(r.json.data.payload).toHaveLength(2);
		r = await call(sim, 'GET', `${w.A}/conversations?status=all&assignee_type=me`, { token: tok() });
		expect(r.json.data.payload.map((c: any) => c.meta.assignee.id)).toEqual([w.admin.id]);
		expect(r.json.data.meta.all_count).toBe(28);
		r = await call(sim, 'GET', `${w.A}/conversations?status=resolved`, { token: tok() });
		expect(r.json.data.payload.map((c: any) => c.status)).toEqual(['resolved']);
		r = await call(sim, 'GET', `${w.A}/conversations/meta`, { token: tok() });
		expect(r.json).toEqual({ meta: { mine_count: 1, assigned_count: 1, unassigned_count: 26, all_count: 27 } });
	});

	it('agents only see conversations of inboxes they are members of', async () => {
		const a = conv();
		const c = sim.seed.contact({ accountId: w.accountId, email: 'wid@x.test' });
		const b = sim.seed.conversation({ accountId: w.accountId, inboxId: w.widgetInbox.id, contactId: c.id });
		const r = await call(sim, 'GET', `${w.A}/conversations`, { token: w.agent.access_token });
		expect(r.json.data.payload.map((x: any) => x.id)).toEqual([b.display_id]);
		const denied = await call(sim, 'GET', `${w.A}/conversations/${a.display_id}`, { token: w.agent.access_token });
		expect(denied.status).toBe(401);
		expect(denied.json).toEqual({ error: 'You are not authorized to do this action' });
	});

	it('filter: PM without data wrapper', async () => {
		conv({ status: 'open', labels: ['vip'] });
		conv({ status: 'pending' });
		const r = await call(sim, 'POST', `${w.A}/conversations/filter`, {
			token: tok(),
			body: { payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['pending'], query_operator: null }] },
		});
		expect(r.status).toBe(200);
		expect(r.json.data).toBeUndefined();
		expect(r.json.meta).toEqual({ mine_count: 0, unassigned_count: 1, all_count: 1 });
		expect(r.json.payload.map((c: any) => c.status)).toEqual(['pending']);
	});
});

describe('conversation create + actions', () => {
	it('create via source_id and via inbox_id+contact_id, with first message; unknown source -> 404', async () => {
		const c = sim.seed.contact({ accountId: w.accountId, name: 'Src', email: 's@x.test', inboxId: w.apiInbox.id, sourceId: 'src-1' });
		let r = await call(sim, 'POST', `${w.A}/conversations`, { token: tok(), body: { source_id: 'src-1', message: { content: 'Hello there' }, custom_attributes: { order: 7 } } });
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ id: 1, inbox_id: w.apiInbox.id, status: 'open', custom_attributes: { order: 7 }, meta: { sender: { id: c.id } } });
		expect(r.json.messages[0]).toMatchObject({ content: 'Hello there', message_type: 1 });
		const c2 = sim.seed.contact({ accountId: w.accountId, email: 't@x.test' });
		r = await call(sim, 'POST', `${w.A}/conversations`, { token: tok(), body: { inbox_id: w.apiInbox.id, contact_id: c2.id, status: 'pending', assignee_id: w.admin.id } });
		expect(r.json).toMatchObject({ id: 2, status: 'pending', meta: { assignee: { id: w.admin.id } } });
		expect(sim.find.contactInbox(c2.id, w.apiInbox.id)).toBeDefined();
		r = await call(sim, 'POST', `${w.A}/conversations`, { token: tok(), body: { source_id: 'nope' } });
		expect(r.status).toBe(404);
		expect(r.json).toEqual({ error: 'Resource could not be found' });
	});

	it('show, PATCH priority, toggle_status (toggle/explicit/snoozed), toggle_priority, custom_attributes replace', async () => {
		const c = conv({ custom_attributes: { a: 1, b: 2 } });
		const P = `${w.A}/conversations/${c.display_id}`;
		let r = await call(sim, 'GET', P, { token: tok() });
		expect(r.json).toMatchObject({ id: c.display_id, account_id: w.accountId, status: 'open', labels: [], priority: null });
		expect(Number.isInteger(r.json.created_at)).toBe(true);
		r = await call(sim, 'PATCH', P, { token: tok(), body: { priority: 'high' } });
		expect(r.json.priority).toBe('high');
		r = await call(sim, 'POST', `${P}/toggle_status`, { token: tok(), body: {} });
		expect(r.json).toEqual({ meta: {}, payload: { success: true, conversation_id: c.display_id, current_status: 'resolved', snoozed_until: null } });
		r = await call(sim, 'POST', `${P}/toggle_status`, { token: tok() });
		expect(r.json.payload.current_status).toBe('open');
		const until = Math.floor(Date.now() / 1000) + 3600;
		r = await call(sim, 'POST', `${P}/toggle_status`, { token: tok(), body: { status: 'snoozed', snoozed_until: until } });
		expect(r.json.payload.current_status).toBe('snoozed');
		expect(r.json.payload.snoozed_until).toBe(new Date(until * 1000).toISOString());
		r = await call(sim, 'POST', `${P}/toggle_priority`, { token: tok(), body: { priority: 'urgent' } });
		expect(r.status).toBe(200);
		expect(r.text).toBe('');
		expect(c.priority).toBe('urgent');
		r = await call(sim, 'POST', `${P}/custom_attributes`, { token: tok(), body: { custom_attributes: { z: 9 } } });
		expect(r.json).toEqual({ custom_attributes: { z: 9 } });
		r = await call(sim, 'POST', `${P}/toggle_typing_status`, { token: tok(), body: { typing_status: 'on' } });
		expect(r.status).toBe(200);
		expect(r.text).toBe('');
	});

	it('assignments: user -> agent, null -> null, team -> team, AgentBot -> bot', async () => {
		const c = conv();
		const team = sim.seed.team({ accountId: w.accountId, name: 'Sales', memberIds: [w.admin.id] });
		const bot = sim.seed.agentBot({ name: 'Helper', accountId: w.accountId });
		const P = `${w.A}/conversations/${c.display_id}/assignments`;
		let r = await call(sim, 'POST', P, { token: tok(), body: { assignee_id: w.agent.id } });
		expect(r.json).toMatchObject({ id: w.agent.id, name: 'Bob', role: 'agent', account_id: w.accountId });
		r = await call(sim, 'POST', P, { token: tok(), body: { assignee_id: null } });
		expect(r.status).toBe(200);
		expect(r.json).toBeNull();
		expect(c.assignee_id).toBeNull();
		r = await call(sim, 'POST', P, { token: tok(), body: { team_id: team.id } });
		// `render json: @team`: the raw Team row (review A17j)
		expect(r.json).toEqual({ id: team.id, name: 'sales', description: null, allow_auto_assign: true, account_id: w.accountId, created_at: expect.any(String), updated_at: expect.any(String) });
		// unknown agent bot: `return unless agent_bot` → 200 null, nothing changes (review A12)
		r = await call(sim, 'POST', P, { token: tok(), body: { assignee_id: 9999, assignee_type: 'AgentBot' } });
		expect(r.status).toBe(200);
		expect(r.json).toBeNull();
		r = await call(sim, 'POST', P, { token: tok(), body: { assignee_id: bot.id, assignee_type: 'AgentBot' } });
		expect(r.json).toMatchObject({ id: bot.id, name: 'Helper' });
		r = await call(sim, 'GET', `${w.A}/conversations/${c.display_id}`, { token: tok() });
		expect(r.json.meta.team).toMatchObject({ id: team.id });
		expect(r.json.meta.assignee).toMatchObject({ id: bot.id });
		// activity messages were generated
		expect(sim.find.messages(w.accountId, c.display_id).filter((m) => m.message_type === 'activity').map((m) => m.content)).toEqual([
			'Assigned to Bob by Alice',
			'Conversation unassigned by Alice',
			// assignment_handler.rb: the team auto-assigns its member (Alice, also an inbox member); team_activity_message_handler.rb
			'Assigned to Alice via sales by Alice',
			'Assigned to Helper by Alice',
		]);
	});

	it('labels: POST replaces the set', async () => {
		const c = conv({ labels: ['a', 'b'] });
		const P = `${w.A}/conversations/${c.display_id}/labels`;
		let r = await call(sim, 'POST', P, { token: tok(), body: { labels: ['b', 'c'] } });
		expect(r.json).toEqual({ payload: ['b', 'c'] });
		r = await call(sim, 'GET', P, { token: tok() });
		expect(r.json).toEqual({ payload: ['b', 'c'] });
	});
});

describe('messages', () => {
	it('list: latest 20 oldest->newest; before -> 20 older; after -> newer; PM meta; integer message_type', async () => {
		const c = conv({ labels: ['x'] });
		const msgs = sim.seed.many.messages(w.accountId, c.display_id, 45);
		const P = `${w.A}/conversations/${c.display_id}/messages`;
		let r = await call(sim, 'GET', P, { token: tok() });
		expect(r.json.payload.map((m: any) => m.id)).toEqual(msgs.slice(25).map((m) => m.id));
		expect(r.json.meta).toMatchObject({ labels: ['x'], contact: { id: c.contact_id, type: 'contact' } });
		expect(r.json.meta).not.toHaveProperty('assignee'); // messages/index.json.jbuilder: only when assigned
		expect(r.json.payload[0].message_type).toBe(msgs[25].message_type === 'incoming' ? 0 : 1);
		r = await call(sim, 'GET', `${P}?before=${msgs[25].id}`, { token: tok() });
		expect(r.json.payload.map((m: any) => m.id)).toEqual(msgs.slice(5, 25).map((m) => m.id));
		r = await call(sim, 'GET', `${P}?before=${msgs[5].id}`, { token: tok() });
		expect(r.json.payload).toHaveLength(5);
		r = await call(sim, 'GET', `${P}?after=${msgs[40].id}`, { token: tok() });
		expect(r.json.payload.map((m: any) => m.id)).toEqual(msgs.slice(41).map((m) => m.id));
		// message_finder.rb#messages_between: `id >= after AND id < before`
		r = await call(sim, 'GET', `${P}?after=${msgs[10].id}&before=${msgs[13].id}`, { token: tok() });
		expect(r.json.payload.map((m: any) => m.id)).toEqual(msgs.slice(10, 13).map((m) => m.id));
	});

	it('create: outgoing default, private note, incoming only in API inboxes (422 elsewhere), content_attributes as JSON string', async () => {
		const c = conv();
		const P = `${w.A}/conversations/${c.display_id}/messages`;
		let r = await call(sim, 'POST', P, { token: tok(), body: { content: 'Hi', echo_id: 'e1' } });
		expect(r.json).toMatchObject({ content: 'Hi', message_type: 1, private: false, echo_id: 'e1', conversation_id: c.display_id, sender: { id: w.admin.id, type: 'user' } });
		expect(r.json.attachments).toBeUndefined();
		r = await call(sim, 'POST', P, { token: tok(), body: { content: 'secret', private: true } });
		expect(r.json.private).toBe(true);
		r = await call(sim, 'POST', P, { token: tok(), body: { content: 'from customer', message_type: 'incoming' } });
		expect(r.json).toMatchObject({ message_type: 0, sender: { id: c.contact_id, type: 'contact' } });
		r = await call(sim, 'POST', P, { token: tok(), body: { content: 'Pick', content_type: 'input_select', content_attributes: JSON.stringify({ items: [{ title: 'A', value: 'a' }] }) } });
		expect(r.json.content_attributes).toEqual({ items: [{ title: 'A', value: 'a' }] });
		const wc = sim.seed.contact({ accountId: w.accountId, email: 'w@x.test' });
		const wconv = sim.seed.conversation({ accountId: w.accountId, inboxId: w.widgetInbox.id, contactId: wc.id });
		r = await call(sim, 'POST', `${w.A}/conversations/${wconv.display_id}/messages`, { token: tok(), body: { content: 'x', message_type: 'incoming' } });
		expect(r.status).toBe(422);
		expect(typeof r.json.error).toBe('string');
	});

	it('multipart attachments round-trip through data_url; delete is a soft delete', async () => {
		const c = conv();
		const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255, 254]);
		const form = new FormData();
		form.append('content', 'see file');
		form.append('private', 'false');
		form.append('content_attributes', '{"k":"v"}');
		form.append('attachments[]', new Blob([bytes], { type: 'image/png' }), 'pic.png');
		form.append('attachments[]', new Blob([Buffer.from('hello,csv')], { type: 'text/csv' }), 'data.csv');
		let r = await call(sim, 'POST', `${w.A}/conversations/${c.display_id}/messages`, { token: tok(), form });
		expect(r.status).toBe(200);
		expect(r.json.content_attributes).toEqual({ k: 'v' });
		expect(r.json.attachments).toHaveLength(2);
		const [img, csv] = r.json.attachments;
		expect(img).toMatchObject({ message_id: r.json.id, file_type: 'image', account_id: w.accountId, extension: 'png', file_size: bytes.length });
		expect(csv).toMatchObject({ file_type: 'file', extension: 'csv' });
		const dl = await fetch(img.data_url);
		expect(dl.status).toBe(200);
		expect(Buffer.from(await dl.arrayBuffer()).equals(bytes)).toBe(true);
		expect(dl.headers.get('content-type')).toBe('image/png');
		const logged = sim.requests.find((x) => x.method === 'POST' && x.path.endsWith('/messages'))!;
		expect(logged.body.files.map((f: any) => f.filename)).toEqual(['pic.png', 'data.csv']);
		expect(logged.body.fields.content).toBe('see file');

		r = await call(sim, 'DELETE', `${w.A}/conversations/${c.display_id}/messages/${r.json.id}`, { token: tok() });
		expect(r.json).toMatchObject({ content: 'This message was deleted', content_attributes: { deleted: true } });
		expect(r.json.attachments).toBeUndefined();
		expect((await fetch(img.data_url)).status).toBe(404);
	});
});

describe('inboxes, members, agents, teams, labels, webhooks', () => {
	it('inboxes: list P, show B, create api (identifier/secret/hmac_token), update webhook_url', async () => {
		let r = await call(sim, 'GET', `${w.A}/inboxes`, { token: tok() });
		expect(r.json.payload.map((i: any) => i.name)).toEqual(['API', 'Widget']);
		r = await call(sim, 'POST', `${w.A}/inboxes`, { token: tok(), body: { name: 'New API', channel: { type: 'api', webhook_url: 'https://hooks.test/cb', hmac_mandatory: true } } });
		expect(r.json).toMatchObject({ name: 'New API', channel_type: 'Channel::Api', webhook_url: 'https://hooks.test/cb', hmac_mandatory: true });
		expect(r.json.inbox_identifier).toEqual(expect.any(String));
		expect(r.json.secret).toEqual(expect.any(String));
		expect(r.json.hmac_token).toEqual(expect.any(String));
		const id = r.json.id;
		r = await call(sim, 'PATCH', `${w.A}/inboxes/${id}`, { token: tok(), body: { name: 'Renamed', channel: { webhook_url: '' } } });
		expect(r.json).toMatchObject({ name: 'Renamed', webhook_url: null });
		r = await call(sim, 'GET', `${w.A}/inboxes/${id}`, { token: w.agent.access_token });
		expect(r.status).toBe(401);
		r = await call(sim, 'GET', `${w.A}/inboxes`, { token: w.agent.access_token });
		expect(r.json.payload.map((i: any) => i.name)).toEqual(['Widget']);
		expect(r.json.payload[0].hmac_token).toBeUndefined();
	});

	it('inbox_members: GET P, POST adds, PATCH replaces, DELETE removes', async () => {
		const P = `${w.A}/inbox_members`;
		let r = await call(sim, 'POST', P, { token: tok(), body: { inbox_id: w.apiInbox.id, user_ids: [w.agent.id] } });
		expect(r.json.payload.map((a: any) => a.id)).toEqual([w.admin.id, w.agent.id]);
		r = await call(sim, 'PATCH', P, { token: tok(), body: { inbox_id: w.apiInbox.id, user_ids: [w.agent.id] } });
		expect(r.json.payload.map((a: any) => a.id)).toEqual([w.agent.id]);
		r = await call(sim, 'DELETE', P, { token: tok(), body: { inbox_id: w.apiInbox.id, user_ids: [w.agent.id] } });
		expect(r.status).toBe(200);
		r = await call(sim, 'GET', `${P}/${w.apiInbox.id}`, { token: tok() });
		expect(r.json).toEqual({ payload: [] });
	});

	it('agents BA, teams BA, labels P / create B with 422 on duplicates', async () => {
		let r = await call(sim, 'GET', `${w.A}/agents`, { token: w.agent.access_token });
		expect(r.json.map((a: any) => a.email)).toEqual(['alice@acme.test', 'bob@acme.test']);
		sim.seed.team({ accountId: w.accountId, name: 'Support' });
		r = await call(sim, 'GET', `${w.A}/teams`, { token: tok() });
		expect(r.json).toEqual([expect.objectContaining({ name: 'support', account_id: w.accountId })]);
		r = await call(sim, 'POST', `${w.A}/labels`, { token: tok(), body: { title: 'Billing', color: '#ff0000' } });
		expect(r.json).toMatchObject({ title: 'billing', color: '#ff0000', show_on_sidebar: true });
		r = await call(sim, 'POST', `${w.A}/labels`, { token: tok(), body: { title: 'billing' } });
		expect(r.status).toBe(422);
		expect(r.json).toEqual({ message: 'Title has already been taken', attributes: ['title'] });
		r = await call(sim, 'GET', `${w.A}/labels`, { token: tok() });
		expect(r.json.payload.map((l: any) => l.title)).toEqual(['billing']);
	});

	it('webhooks: {payload:{webhooks}}, create/update {payload:{webhook}} incl secret, wrap_parameters, 422s, delete', async () => {
		const P = `${w.A}/webhooks`;
		let r = await call(sim, 'POST', P, { token: tok(), body: { url: 'https://n8n.test/hook', subscriptions: ['message_created', 'inbox_created'], name: 'n8n' } });
		expect(r.status).toBe(200);
		const hook = r.json.payload.webhook;
		expect(hook).toMatchObject({ name: 'n8n', url: 'https://n8n.test/hook', account_id: w.accountId, subscriptions: ['message_created', 'inbox_created'] });
		expect(hook.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
		r = await call(sim, 'POST', P, { token: tok(), body: { webhook: { url: 'https://n8n.test/hook', subscriptions: ['message_created'] } } });
		expect(r.status).toBe(422);
		expect(r.json).toEqual({ message: 'Url has already been taken', attributes: ['url'] });
		r = await call(sim, 'POST', P, { token: tok(), body: { webhook: { url: 'https://n8n.test/other', subscriptions: ['nope'] } } });
		expect(r.json).toEqual({ message: 'Subscriptions Invalid events', attributes: ['subscriptions'] });
		r = await call(sim, 'PATCH', `${P}/${hook.id}`, { token: tok(), body: { webhook: { subscriptions: ['conversation_created'] } } });
		expect(r.json.payload.webhook).toMatchObject({ id: hook.id, subscriptions: ['conversation_created'], secret: hook.secret });
		r = await call(sim, 'GET', P, { token: tok() });
		expect(r.json).toEqual({ payload: { webhooks: [expect.objectContaining({ id: hook.id, secret: hook.secret })] } });
		r = await call(sim, 'DELETE', `${P}/${hook.id}`, { token: tok() });
		expect(r.status).toBe(200);
		expect(r.text).toBe('');
		expect(sim.db.webhooks).toHaveLength(0);
		sim.setWebhookSigning(false);
		r = await call(sim, 'POST', P, { token: tok(), body: { url: 'https://n8n.test/old', subscriptions: ['message_created'] } });
		expect(r.json.payload.webhook.secret).toBeUndefined();
	});
});

describe('Chatwoot controller details', () => {
	it('an agent opening a conversation becomes its assignee (handle_human_open); admins do not', async () => {
		const c = sim.seed.contact({ accountId: w.accountId, email: 'ho@x.test' });
		const a = sim.seed.conversation({ accountId: w.accountId, inboxId: w.widgetInbox.id, contactId: c.id, status: 'pending', assigneeId: w.admin.id });
		let r = await call(sim, 'POST', `${w.A}/conversations/${a.display_id}/toggle_status`, { token: w.agent.access_token, body: { status: 'open' } });
		expect(r.json.payload.current_status).toBe('open');
		expect(a.assignee_id).toBe(w.agent.id);
		const b = sim.seed.conversation({ accountId: w.accountId, inboxId: w.widgetInbox.id, contactId: c.id, status: 'pending' });
		r = await call(sim, 'POST', `${w.A}/conversations/${b.display_id}/toggle_status`, { token: tok(), body: { status: 'open' } });
		expect(b.assignee_id).toBeNull();
	});

	it('messages: sender_type AgentBot + sender_id makes the bot the sender', async () => {
		const bot = sim.seed.agentBot({ name: 'Relay', accountId: w.accountId });
		const c = conv();
		const r = await call(sim, 'POST', `${w.A}/conversations/${c.display_id}/messages`, { token: tok(), body: { content: 'hi', sender_type: 'AgentBot', sender_id: bot.id } });
		expect(r.json.sender).toMatchObject({ id: bot.id, type: 'agent_bot' });
	});

	// contacts/conversations_controller.rb: `.order(last_activity_at: :desc).limit(20)` (fidelity review A8)
	it('contact conversations: the 20 most recent only', async () => {
		const c = sim.seed.contact({ accountId: w.accountId, name: 'Busy', email: 'busy@x.test' });
		const convs = sim.seed.many.conversations(w.accountId, w.apiInbox.id, 23, () => ({ contactId: c.id }));
		convs.forEach((v, i) => (v.last_activity_at = 1_000_000 + i));
		const r = await call(sim, 'GET', `${w.A}/contacts/${c.id}/conversations`, { token: tok() });
		expect(r.json.payload.map((x: any) => x.id)).toEqual(convs.slice(3).reverse().map((v) => v.display_id));
	});

	// contact_inbox_builder.rb / contacts_controller.rb#search (fidelity review A17a-c)
	it('contact_inboxes per channel (widget uuid, email = contact email), taken source_id → 500; search never matches a numeric id', async () => {
		const c = sim.seed.contact({ accountId: w.accountId, name: 'Num', email: 'num@x.test' });
		let r = await call(sim, 'POST', `${w.A}/contacts/${c.id}/contact_inboxes`, { token: tok(), body: { inbox_id: w.widgetInbox.id } });
		expect(r.status).toBe(200);
		expect(r.json.source_id).toMatch(/^[0-9a-f-]{36}$/);
		const other = sim.seed.contact({ accountId: w.accountId, name: 'Other', email: 'other@x.test' });
		r = await call(sim, 'POST', `${w.A}/contacts/${other.id}/contact_inboxes`, { token: tok(), body: { inbox_id: w.widgetInbox.id, source_id: r.json.source_id } });
		expect(r.status).toBe(500);
		r = await call(sim, 'GET', `${w.A}/contacts/search?q=${c.id}`, { token: tok() });
		expect(r.json.payload.map((x: any) => x.id)).not.toContain(c.id);
	});

	it('message status PATCH only on API inboxes; failed status is visible', async () => {
		const c = conv();
		const m = sim.seed.message({ accountId: w.accountId, conversationId: c.display_id, content: 'x', message_type: 'outgoing' });
		let r = await call(sim, 'PATCH', `${w.A}/conversations/${c.display_id}/messages/${m.id}`, { token: tok(), body: { status: 'failed', external_error: 'carrier down' } });
		expect(r.json.status).toBe('failed');
		expect(m.external_error).toBe('carrier down');
		const wc = sim.seed.contact({ accountId: w.accountId, email: 'pw@x.test' });
		const wconv = sim.seed.conversation({ accountId: w.accountId, inboxId: w.widgetInbox.id, contactId: wc.id });
		const wm = sim.seed.message({ accountId: w.accountId, conversationId: wconv.display_id, content: 'y', message_type: 'outgoing' });
		r = await call(sim, 'PATCH', `${w.A}/conversations/${wconv.display_id}/messages/${wm.id}`, { token: tok(), body: { status: 'read' } });
		expect(r.status).toBe(403);
		expect(r.json).toEqual({ error: 'Message status update is only allowed for API inboxes' });
	});

	it('incoming message reopens a resolved conversation; conversations q searches message content', async () => {
		const c = conv({ status: 'resolved' });
		sim.seed.message({ accountId: w.accountId, conversationId: c.display_id, content: 'Where is my parcel?' });
		let r = await call(sim, 'GET', `${w.A}/conversations?q=PARCEL`, { token: tok() });
		expect(r.json.data.payload.map((x: any) => x.id)).toEqual([c.display_id]);
		r = await call(sim, 'POST', `${w.A}/conversations/${c.display_id}/messages`, { token: tok(), body: { content: 'again', message_type: 'incoming' } });
		expect(c.status).toBe('open');
	});
});
