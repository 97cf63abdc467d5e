/* conversation filter/update/getMeta/mute/unmute/markUnread/sendTranscript/participants/
 * reporting events and contact getContactableInboxes/createContactInbox, against the simulator. */
import { expectRequestsMatchSpec } from '../../../contract/spec';
import { rl, run, seedWorld, startWorld, writes } from './setup';
import type { Sim, World } from './setup';

describe('conversation and contact additions', () => {
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

	const conv = (): any => sim.find.conversation(world.accountId, world.conversation.display_id ?? world.conversation.id);

	describe('filter', () => {
		it('finds conversations by status and contact, all pages, simplified', async () => {
			const other = sim.seed.contact({ accountId: world.accountId, name: 'Dora', email: 'dora@example.test', inboxId: world.apiInbox.id });
			sim.seed.many.conversations(world.accountId, world.apiInbox.id, 30, () => ({ contactId: other.id, status: 'pending' }));
			sim.clearRequests();
			const out = await run(world, 'conversation', {
				operation: 'filter',
				conditions: {
					condition: [
						{ attribute: 'status', operator: 'equal_to', value: 'pending' },
						{ attribute: 'contact_id', operator: 'equal_to', value: String(other.id) },
					],
				},
				combinator: 'and',
				returnAll: true,
				simplify: true,
			});
			expect(out).toHaveLength(30);
			expect(new Set(out.map((o) => o.json.status))).toEqual(new Set(['pending']));
			const posts = sim.requests.filter((r) => r.path.endsWith('/conversations/filter'));
			expect(posts.map((r) => r.query.page)).toEqual(['1', '2']);
			expect(posts[0].body).toEqual({
				payload: [
					{ attribute_key: 'status', filter_operator: 'equal_to', values: ['pending'], query_operator: 'AND' },
					{ attribute_key: 'contact_id', filter_operator: 'equal_to', values: [String(other.id)], query_operator: null },
				],
			});
			expectRequestsMatchSpec(sim.requests);
		});

		it('stops at the limit and refuses an empty condition list before any request', async () => {
			sim.seed.many.conversations(world.accountId, world.apiInbox.id, 30, () => ({ contactId: world.contact.id }));
			sim.clearRequests();
			const out = await run(world, 'conversation', { operation: 'filter', conditions: { condition: [{ attribute: 'status', operator: 'equal_to', value: 'open' }] }, returnAll: false, limit: 5 });
			expect(out).toHaveLength(5);
			expect(sim.requests).toHaveLength(1);
			await expect(run(world, 'conversation', { operation: 'filter', conditions: {}, returnAll: true })).rejects.toThrow(/Add at least one condition/);
			expect(sim.requests).toHaveLength(1);
		});
	});

	describe('update', () => {
		it('sets priority and merges custom attributes into the existing ones', async () => {
			conv().custom_attributes = { plan: 'pro', region: 'eu' };
			const out = await run(world, 'conversation', {
				operation: 'update',
				conversationId: rl(conv().display_id),
				updateFields: { priority: 'urgent', customAttributesJson: '{"region": "us", "seats": 5}' },
				simplify: false,
			});
			expect(conv()).toMatchObject({ priority: 'urgent', custom_attributes: { plan: 'pro', region: 'us', seats: 5 } });
			expect(out[0].json).toMatchObject({ id: conv().display_id, priority: 'urgent', custom_attributes: { plan: 'pro', region: 'us', seats: 5 } });
			expect(writes(world).map((r) => [r.method, r.path.split('/').slice(-1)[0]])).toEqual([
				['POST', 'custom_attributes'],
				['PATCH', String(conv().display_id)],
			]);
			expectRequestsMatchSpec(sim.requests);
		});

		it('explains that the open-source edition ignores an SLA policy, and applies it on enterprise', async () => {
			await expect(
				run(world, 'conversation', { operation: 'update', conversationId: rl(conv().display_id), updateFields: { slaPolicyId: 3 } }),
			).rejects.toThrow(/did not apply the SLA policy/);
			sim.setEdition('enterprise');
			const out = await run(world, 'conversation', { operation: 'update', conversationId: rl(conv().display_id), updateFields: { slaPolicyId: 3 }, simplify: false });
			expect(out[0].json.sla_policy_id).toBe(3);
			expect(conv().sla_policy_id).toBe(3);
		});

		it('refuses an update without fields', async () => {
			await expect(run(world, 'conversation', { operation: 'update', conversationId: rl(conv().display_id), updateFields: {} })).rejects.toThrow(/Nothing to update/);
			expect(sim.requests).toHaveLength(0);
		});
	});

	it('getMeta returns the tab counts through the 30/min bucket', async () => {
		sim.seed.conversation({ accountId: world.accountId, inboxId: world.apiInbox.id, contactId: world.contact.id, assigneeId: world.admin.id });
		const out = await run(world, 'conversation', { operation: 'getMeta', status: 'open', filters: { inboxId: rl(world.apiInbox.id) } });
		expect(out[0].json).toEqual({ mine_count: 1, assigned_count: 1, unassigned_count: 1, all_count: 2 });
		expect(sim.requests[0].query).toEqual({ status: 'open', inbox_id: String(world.apiInbox.id) });
		expectRequestsMatchSpec(sim.requests);
	});

	it('mute, unmute and markUnread change the conversation', async () => {
		const id = rl(conv().display_id);
		expect((await run(world, 'conversation', { operation: 'mute', conversationId: id }))[0].json).toEqual({ id: conv().display_id, muted: true });
		// conversation_mute_helpers.rb: muting resolves the conversation and blocks the contact
		expect(conv().status).toBe('resolved');
		expect(sim.db.contacts.find((c) => c.id === world.contact.id)!.blocked).toBe(true);
		await run(world, 'conversation', { operation: 'unmute', conversationId: id });
		expect(sim.db.contacts.find((c) => c.id === world.contact.id)!.blocked).toBe(false);
		sim.seed.message({ accountId: world.accountId, conversationId: conv().display_id, content: 'hello?', message_type: 'incoming' });
		conv().agent_last_seen_at = sim.clock.now() + 60_000;
		await run(world, 'conversation', { operation: 'markUnread', conversationId: id, simplify: true });
		const last = sim.find.messages(world.accountId, conv().display_id).filter((m) => m.message_type === 'incoming').pop();
		expect(conv().agent_last_seen_at).toBe(last!.created_at - 1000);
	});

	describe('sendTranscript', () => {
		it('queues a transcript email', async () => {
			const out = await run(world, 'conversation', { operation: 'sendTranscript', conversationId: rl(conv().display_id), email: 'boss@acme.test' });
			expect(out[0].json).toEqual({ id: conv().display_id, email: 'boss@acme.test', sent: true });
			expect(sim.db.transcripts).toEqual([expect.objectContaining({ conversation_id: conv().id, email: 'boss@acme.test' })]);
		});

		it('explains a plan without transcripts and a used-up daily email limit, without retrying', async () => {
			const account = sim.db.accounts[0];
			account.email_transcript_enabled = false;
			await expect(run(world, 'conversation', { operation: 'sendTranscript', conversationId: rl(conv().display_id), email: 'a@b.co' })).rejects.toThrow(
				/plan doesn't include email transcripts/,
			);
			account.email_transcript_enabled = true;
			account.email_rate_limit = 0;
			sim.clearRequests();
			await expect(run(world, 'conversation', { operation: 'sendTranscript', conversationId: rl(conv().display_id), email: 'a@b.co' })).rejects.toThrow(
				/daily email limit is used up/,
			);
			expect(sim.requests).toHaveLength(1);
			expect(sim.db.transcripts).toHaveLength(0);
		});
	});

	describe('participants', () => {
		it('adds and removes participants without dropping others, and reports agents Chatwoot skipped', async () => {
			sim.seed.inboxMember({ inboxId: world.apiInbox.id, userId: world.agent.id });
			const id = rl(conv().display_id);
			const added = await run(world, 'conversation', { operation: 'addParticipants', conversationId: id, agentIds: [String(world.admin.id), String(world.agent.id), String(world.otherAgent.id)] });
			const ids = () => sim.db.conversationParticipants.filter((p) => p.conversation_id === conv().id).map((p) => p.user_id).sort();
			// Grace is not a member of the API inbox: ConversationParticipant#ensure_inbox_access rejects her
			expect(ids()).toEqual([world.admin.id, world.agent.id].sort());
			expect(added[0].json).toMatchObject({ added: [world.admin.id, world.agent.id], not_added: [world.otherAgent.id] });
			const removed = await run(world, 'conversation', { operation: 'removeParticipants', conversationId: id, agentIds: [String(world.agent.id)] });
			expect(ids()).toEqual([world.admin.id]);
			expect(removed[0].json).toMatchObject({ removed: [world.agent.id], participant_ids: [world.admin.id] });
			const listed = await run(world, 'conversation', { operation: 'getParticipants', conversationId: id, returnAll: true });
			expect(listed.map((o) => o.json.id)).toEqual([world.admin.id]);
			expect(sim.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
			expectRequestsMatchSpec(sim.requests);
		});
	});

	describe('getReportingEvents', () => {
		it('explains the enterprise edition when the route is missing, and names a missing conversation as such', async () => {
			await expect(run(world, 'conversation', { operation: 'getReportingEvents', conversationId: rl(conv().display_id), returnAll: true })).rejects.toThrow(
				/need Chatwoot's enterprise edition/,
			);
			await expect(run(world, 'conversation', { operation: 'getReportingEvents', conversationId: rl(999), returnAll: true })).rejects.toThrow(
				/Conversation 999 was not found/,
			);
		});

		it('lists the events on the enterprise edition', async () => {
			sim.setEdition('enterprise');
			sim.seed.reportingEvent({ accountId: world.accountId, name: 'first_response', value: 42, conversationId: conv().display_id });
			const out = await run(world, 'conversation', { operation: 'getReportingEvents', conversationId: rl(conv().display_id), returnAll: true });
			expect(out.map((o) => [o.json.name, o.json.value])).toEqual([['first_response', 42]]);
			expectRequestsMatchSpec(sim.requests);
		});
	});

	describe('contact', () => {
		it('lists contactable inboxes with their source IDs', async () => {
			const out = await run(world, 'contact', { operation: 'getContactableInboxes', contactId: rl(world.contact.id), returnAll: true });
			const api = out.find((o) => (o.json.inbox as { id: number }).id === world.apiInbox.id)!;
			expect(api.json.source_id).toBe('carla-api');
			expectRequestsMatchSpec(sim.requests);
		});

		it('creates a contact inbox with a chosen source ID', async () => {
			const other = sim.seed.inbox({ accountId: world.accountId, name: 'API 2', channelType: 'api' });
			const out = await run(world, 'contact', { operation: 'createContactInbox', contactId: rl(world.contact.id), inboxId: rl(other.id), additionalFields: { sourceId: 'crm-77' } });
			expect(sim.find.contactInbox(world.contact.id, other.id)).toMatchObject({ source_id: 'crm-77' });
			expect(out[0].json).toMatchObject({ source_id: 'crm-77' });
			expect(writes(world)[0].body).toEqual({ inbox_id: other.id, source_id: 'crm-77' });
			expectRequestsMatchSpec(sim.requests);
		});
	});
});
