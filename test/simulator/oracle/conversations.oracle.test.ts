// Ported from spec/models/conversation_spec.rb (CS), spec/controllers/api/v1/accounts/conversations/assignments_controller_spec.rb
// (AS) and spec/listeners/webhook_listener_spec.rb (WL), through the simulator's HTTP API and its webhook deliveries.
import type { ChatwootSimulator } from '../index';
import { call, DEAD_URL, delivered, seedOracle, startOracle } from './_oracle';
import type { Oracle } from './_oracle';

let sim: ChatwootSimulator;
let o: Oracle;
beforeAll(async () => {
	sim = await startOracle();
});
afterAll(async () => await sim.close());
beforeEach(() => {
	o = seedOracle(sim);
});
const conv = (extra: Record<string, unknown> = {}) => {
	const c = sim.seed.contact({ accountId: o.accountId, name: 'customer', email: `c${sim.db.contacts.length}@x.test` });
	return sim.seed.conversation({ accountId: o.accountId, inboxId: o.inbox.id, contactId: c.id, ...extra });
};
const activities = (displayId: number) => sim.find.messages(o.accountId, displayId).filter((m) => m.message_type === 'activity').map((m) => m.content);

describe('conversation model (CS)', () => {
	it('CS:291-313 toggle_status: open → resolved; resolved, pending, snoozed → open', async () => {
		for (const [from, to] of [['open', 'resolved'], ['resolved', 'open'], ['pending', 'open'], ['snoozed', 'open']]) {
			const c = conv({ status: from });
			const r = await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/toggle_status`, { token: o.admin.access_token, body: {} });
			expect(r.json.payload.current_status).toBe(to);
		}
	});

	it('CS:358-395 toggle_priority: none by default, null clears, low/medium/high/urgent set', async () => {
		const c = conv({ priority: 'high' });
		expect(conv().priority).toBeNull();
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/toggle_priority`, { token: o.admin.access_token, body: {} });
		expect(c.priority).toBeNull();
		for (const p of ['low', 'medium', 'high', 'urgent']) {
			await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/toggle_priority`, { token: o.admin.access_token, body: { priority: p } });
			expect(c.priority).toBe(p);
		}
	});

	it('CS:399-404 leaving snoozed resets snoozed_until', async () => {
		const c = conv();
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/toggle_status`, { token: o.admin.access_token, body: { status: 'snoozed', snoozed_until: Math.floor(Date.now() / 1000) + 172800 } });
		expect(c.snoozed_until).not.toBeNull();
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/toggle_status`, { token: o.admin.access_token, body: {} });
		expect(c.snoozed_until).toBeNull();
	});

	it('CS:418-432 mute! resolves, blocks the contact and adds "<user> has muted the conversation"', async () => {
		sim.seed.inboxMember({ inboxId: o.inbox.id, userId: o.agent.id });
		const c = conv();
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/mute`, { token: o.agent.access_token });
		expect(c.status).toBe('resolved');
		expect(sim.db.contacts.find((x) => x.id === c.contact_id)!.blocked).toBe(true);
		expect(activities(c.display_id)).toContain('Agent has muted the conversation');
	});

	it('CS:461-474 unmute! keeps the status, unblocks the contact and adds "<user> has unmuted the conversation"', async () => {
		const c = conv();
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/mute`, { token: o.admin.access_token });
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/unmute`, { token: o.admin.access_token });
		expect(c.status).toBe('resolved');
		expect(sim.db.contacts.find((x) => x.id === c.contact_id)!.blocked).toBe(false);
		expect(activities(c.display_id)).toContain('Admin has unmuted the conversation');
	});

	it('CS:193-213 activities of one update: label added, marked resolved, assigned', async () => {
		sim.seed.inboxMember({ inboxId: o.inbox.id, userId: o.agent.id });
		sim.seed.label({ accountId: o.accountId, title: 'vip' });
		const c = conv();
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/labels`, { token: o.admin.access_token, body: { labels: ['vip'] } });
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/toggle_status`, { token: o.admin.access_token, body: { status: 'resolved' } });
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/assignments`, { token: o.admin.access_token, body: { assignee_id: o.agent.id } });
		expect(activities(c.display_id)).toEqual(expect.arrayContaining(['Admin added vip', 'Conversation was marked resolved by Admin', 'Assigned to Agent by Admin']));
	});

	it('CS:642-650 a blocked contact starts its conversation resolved', async () => {
		const blocked = sim.seed.contact({ accountId: o.accountId, name: 'blocked', email: 'bl@x.test', blocked: true });
		const r = await call(sim, 'POST', `${o.A}/conversations`, { token: o.admin.access_token, body: { contact_id: blocked.id, inbox_id: o.inbox.id } });
		expect(r.json.status).toBe('resolved');
	});

	it('CS:653-659 an inbox with an agent bot starts conversations pending — even when open is requested (conversation.rb:280-291)', async () => {
		const bot = sim.seed.agentBot({ name: 'bot', accountId: o.accountId, inboxIds: [o.inbox.id] });
		void bot;
		const c = sim.seed.contact({ accountId: o.accountId, name: 'x', email: 'x@x.test' });
		const r = await call(sim, 'POST', `${o.A}/conversations`, { token: o.admin.access_token, body: { contact_id: c.id, inbox_id: o.inbox.id, status: 'open' } });
		expect(r.json.status).toBe('pending');
	});
});

describe('assignments (AS)', () => {
	it('AS:10-13 unauthorized without a token', async () => {
		expect((await call(sim, 'POST', `${o.A}/conversations/${conv().display_id}/assignments`)).status).toBe(401);
	});

	it('AS:17-34 a global bot not connected to the account → 401', async () => {
		const bot = sim.seed.agentBot({ name: 'global', accountId: null });
		const r = await call(sim, 'POST', `${o.A}/conversations/${conv().display_id}/assignments`, { token: bot.access_token, body: { assignee_id: o.agent.id } });
		expect(r.status).toBe(401);
	});

	it('AS:46-55 assigns a user', async () => {
		sim.seed.inboxMember({ inboxId: o.inbox.id, userId: o.agent.id });
		const c = conv();
		const r = await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/assignments`, { token: o.agent.access_token, body: { assignee_id: o.agent.id } });
		expect(r.status).toBe(200);
		expect(c.assignee_id).toBe(o.agent.id);
	});

	it('AS:58-74 assigns an agent bot: its name in the answer, the user assignee cleared', async () => {
		sim.seed.inboxMember({ inboxId: o.inbox.id, userId: o.agent.id });
		const bot = sim.seed.agentBot({ name: 'Helper bot', accountId: o.accountId });
		const c = conv({ assigneeId: o.agent.id });
		const r = await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/assignments`, { token: o.agent.access_token, body: { assignee_id: bot.id, assignee_type: 'AgentBot' } });
		expect(r.json.name).toBe('Helper bot');
		expect(c.assignee_agent_bot_id).toBe(bot.id);
		expect(c.assignee_id).toBeNull();
	});

	it('AS:77-91 assigning a team auto-assigns a team member of the inbox', async () => {
		sim.seed.inboxMember({ inboxId: o.inbox.id, userId: o.agent.id });
		const member = sim.seed.user({ name: 'Member', email: 'member@oracle.test', role: 'agent', accountIds: [o.accountId] });
		sim.seed.inboxMember({ inboxId: o.inbox.id, userId: member.id });
		const team = sim.seed.team({ accountId: o.accountId, name: 'Sales', memberIds: [member.id] });
		const c = conv();
		const r = await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/assignments`, { token: o.agent.access_token, body: { team_id: team.id } });
		expect(r.status).toBe(200);
		expect(c.team_id).toBe(team.id);
		expect(c.assignee_id).toBe(member.id);
	});

	it('AS:104-135 a bot connected to the inbox assigns an agent and a team', async () => {
		const bot = sim.seed.agentBot({ name: 'b', accountId: o.accountId, inboxIds: [o.inbox.id] });
		sim.seed.inboxMember({ inboxId: o.inbox.id, userId: o.agent.id });
		const team = sim.seed.team({ accountId: o.accountId, name: 'T' });
		const c = conv();
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/assignments`, { token: bot.access_token, body: { assignee_id: o.agent.id } });
		expect(c.assignee_id).toBe(o.agent.id);
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/assignments`, { token: bot.access_token, body: { team_id: team.id } });
		expect(c.team_id).toBe(team.id);
	});

	it('AS:147-159 assignee_id null unassigns, activity "Conversation unassigned by <user>"', async () => {
		sim.seed.inboxMember({ inboxId: o.inbox.id, userId: o.agent.id });
		const c = conv({ assigneeId: o.agent.id });
		const r = await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/assignments`, { token: o.agent.access_token, body: { assignee_id: null } });
		expect(r.status).toBe(200);
		expect(c.assignee_id).toBeNull();
		expect(activities(c.display_id)).toContain('Conversation unassigned by Agent');
	});

	it('AS:172-181 team_id 0 removes the team', async () => {
		sim.seed.inboxMember({ inboxId: o.inbox.id, userId: o.agent.id });
		const team = sim.seed.team({ accountId: o.accountId, name: 'T' });
		const c = conv({ teamId: team.id });
		const r = await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/assignments`, { token: o.agent.access_token, body: { team_id: 0 } });
		expect(r.status).toBe(200);
		expect(c.team_id).toBeNull();
	});
});

describe('webhook listener (WL)', () => {
	it('WL:21-25 no webhook configured → nothing delivered', async () => {
		const c = conv();
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/messages`, { token: o.admin.access_token, body: { content: 'hi' } });
		await sim.flushDeliveries();
		expect(sim.deliveries).toHaveLength(0);
	});

	it('WL:29-35 message_created = message.webhook_data + event, to the subscribed account webhook', async () => {
		sim.seed.webhook({ accountId: o.accountId, url: DEAD_URL, subscriptions: ['message_created'] });
		const c = conv();
		const r = await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/messages`, { token: o.admin.access_token, body: { content: 'hi' } });
		const [payload] = await delivered(sim, 'message_created');
		expect(payload).toMatchObject({ event: 'message_created', id: r.json.id, content: 'hi', message_type: 'outgoing', inbox: { id: o.inbox.id }, account: { id: o.accountId } });
	});

	it('WL:40-44 a webhook not subscribed to the event gets nothing', async () => {
		sim.seed.webhook({ accountId: o.accountId, url: DEAD_URL, subscriptions: ['conversation_created'] });
		const c = conv();
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/messages`, { token: o.admin.access_token, body: { content: 'hi' } });
		expect(await delivered(sim, 'message_created')).toHaveLength(0);
	});

	it('WL:48-81 API inbox: delivered to webhook_url (kind api_inbox) only when one is set', async () => {
		const withUrl = sim.seed.inbox({ accountId: o.accountId, name: 'cb', channelType: 'api', webhookUrl: DEAD_URL });
		const c1 = sim.seed.conversation({ accountId: o.accountId, inboxId: withUrl.id });
		const c2 = conv();
		await call(sim, 'POST', `${o.A}/conversations/${c1.display_id}/messages`, { token: o.admin.access_token, body: { content: 'a' } });
		await call(sim, 'POST', `${o.A}/conversations/${c2.display_id}/messages`, { token: o.admin.access_token, body: { content: 'b' } });
		await sim.flushDeliveries();
		expect(sim.deliveries.filter((d) => d.event === 'message_created').map((d) => d.kind)).toEqual(['api_inbox']);
	});

	it('WL:96-114 conversation_created carries the account details', async () => {
		sim.seed.webhook({ accountId: o.accountId, url: DEAD_URL, subscriptions: ['conversation_created'] });
		const c = sim.seed.contact({ accountId: o.accountId, name: 'n', email: 'n@x.test' });
		await call(sim, 'POST', `${o.A}/conversations`, { token: o.admin.access_token, body: { contact_id: c.id, inbox_id: o.inbox.id } });
		const [payload] = await delivered(sim, 'conversation_created');
		expect(payload.account).toEqual({ id: o.accountId, name: 'Oracle' });
		expect(payload).not.toHaveProperty('changed_attributes');
	});

	it('WL:162-186 conversation_updated lists custom_attributes previous/current values', async () => {
		sim.seed.webhook({ accountId: o.accountId, url: DEAD_URL, subscriptions: ['conversation_updated'] });
		const c = conv();
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/custom_attributes`, { token: o.admin.access_token, body: { custom_attributes: { test: 'testing custom attri webhook' } } });
		const [payload] = await delivered(sim, 'conversation_updated');
		expect(payload.changed_attributes[0]).toEqual({ custom_attributes: { previous_value: {}, current_value: { test: 'testing custom attri webhook' } } });
	});

	it('WL:200-208 contact_created = contact.webhook_data + event', async () => {
		sim.seed.webhook({ accountId: o.accountId, url: DEAD_URL, subscriptions: ['contact_created'] });
		const r = await call(sim, 'POST', `${o.A}/contacts`, { token: o.admin.access_token, body: { name: 'Jane', email: 'jane@x.test' } });
		const [payload] = await delivered(sim, 'contact_created');
		expect(payload).toMatchObject({ event: 'contact_created', id: r.json.payload.contact.id, name: 'Jane', account: { id: o.accountId } });
	});

	it('WL:224-247 contact_updated: nothing without changes, [{name: {previous_value, current_value}}] with one', async () => {
		sim.seed.webhook({ accountId: o.accountId, url: DEAD_URL, subscriptions: ['contact_updated'] });
		const c = sim.seed.contact({ accountId: o.accountId, name: 'Jane', email: 'j@x.test' });
		await call(sim, 'PUT', `${o.A}/contacts/${c.id}`, { token: o.admin.access_token, body: { name: 'Jane' } });
		expect(await delivered(sim, 'contact_updated')).toHaveLength(0);
		await call(sim, 'PUT', `${o.A}/contacts/${c.id}`, { token: o.admin.access_token, body: { name: 'Jane Doe' } });
		const [payload] = await delivered(sim, 'contact_updated');
		expect(payload.changed_attributes[0]).toEqual({ name: { previous_value: 'Jane', current_value: 'Jane Doe' } });
	});

	it('WL:251-283 + inbox.rb:245 inbox_created only with ENABLE_INBOX_EVENTS, with the account details', async () => {
		sim.seed.webhook({ accountId: o.accountId, url: DEAD_URL, subscriptions: ['inbox_created'] });
		await call(sim, 'POST', `${o.A}/inboxes`, { token: o.admin.access_token, body: { name: 'off', channel: { type: 'api' } } });
		expect(await delivered(sim, 'inbox_created')).toHaveLength(0);
		sim.setInboxEvents(true);
		await call(sim, 'POST', `${o.A}/inboxes`, { token: o.admin.access_token, body: { name: 'on', channel: { type: 'api' } } });
		const [payload] = await delivered(sim, 'inbox_created');
		expect(payload.account).toEqual({ id: o.accountId, name: 'Oracle' });
	});

	it('WL:298-323 inbox_updated: none without changes, name previous/current with one', async () => {
		sim.setInboxEvents(true);
		sim.seed.webhook({ accountId: o.accountId, url: DEAD_URL, subscriptions: ['inbox_updated'] });
		await call(sim, 'PATCH', `${o.A}/inboxes/${o.inbox.id}`, { token: o.admin.access_token, body: { name: 'API' } });
		expect(await delivered(sim, 'inbox_updated')).toHaveLength(0);
		await call(sim, 'PATCH', `${o.A}/inboxes/${o.inbox.id}`, { token: o.admin.access_token, body: { name: 'Inbox 2' } });
		const [payload] = await delivered(sim, 'inbox_updated');
		expect(payload.changed_attributes[0]).toEqual({ name: { previous_value: 'API', current_value: 'Inbox 2' } });
	});

	it('WL:339-353 conversation_typing_on = {event, user: user.webhook_data, conversation, is_private: false}', async () => {
		sim.seed.webhook({ accountId: o.accountId, url: DEAD_URL, subscriptions: ['conversation_typing_on'] });
		const c = conv();
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/toggle_typing_status`, { token: o.admin.access_token, body: { typing_status: 'on' } });
		const [payload] = await delivered(sim, 'conversation_typing_on');
		expect(Object.keys(payload).sort()).toEqual(['conversation', 'event', 'is_private', 'user']);
		expect(payload).toMatchObject({ is_private: false, user: { id: o.admin.id, name: 'Admin', email: 'admin@oracle.test', type: 'user' }, conversation: { id: c.display_id } });
	});

	it('CS:142-153 + review A5: conversation_status_changed carries changed_attributes null (status_change is nil after commit)', async () => {
		sim.seed.webhook({ accountId: o.accountId, url: DEAD_URL, subscriptions: ['conversation_status_changed', 'conversation_updated'] });
		const c = conv();
		await call(sim, 'POST', `${o.A}/conversations/${c.display_id}/toggle_status`, { token: o.admin.access_token, body: { status: 'resolved' } });
		const [changed] = await delivered(sim, 'conversation_status_changed');
		expect(changed.changed_attributes).toBeNull();
		const [updated] = await delivered(sim, 'conversation_updated');
		expect(updated.changed_attributes[0]).toEqual({ status: { previous_value: 'open', current_value: 'resolved' } });
	});
});
