import { messageTypeName, simplifyConversation, simplifyMessage } from '../../../../nodes/shared/helpers/simplify';

describe('simplify helpers', () => {
	it('flattens a REST conversation record', () => {
		const out = simplifyConversation({
			id: 12,
			uuid: 'u-1',
			account_id: 1,
			inbox_id: 3,
			status: 'open',
			priority: null,
			labels: ['vip'],
			custom_attributes: { plan: 'pro' },
			additional_attributes: {},
			meta: {
				sender: { id: 7, name: 'Carla', email: 'c@x.io', phone_number: null, type: 'contact', thumbnail: '' },
				assignee: { id: 2, name: 'Alan', email: 'a@x.io', available_name: 'Alan' },
				assignee_type: 'User',
				team: { id: 4, name: 'billing', allow_auto_assign: true },
				channel: 'Channel::Api',
			},
			messages: [{ id: 99, content: 'hi', message_type: 0, private: false, created_at: 1700000000 }],
			created_at: 1700000000,
			last_activity_at: 1700000001,
			unread_count: 1,
		});
		expect(out).toEqual({
			id: 12,
			uuid: 'u-1',
			account_id: 1,
			inbox_id: 3,
			status: 'open',
			priority: null,
			snoozed_until: null,
			contact: { id: 7, name: 'Carla', email: 'c@x.io', phone_number: null, type: 'contact' },
			assignee: { id: 2, name: 'Alan', email: 'a@x.io', type: 'user' },
			team: { id: 4, name: 'billing' },
			labels: ['vip'],
			custom_attributes: { plan: 'pro' },
			additional_attributes: {},
			unread_count: 1,
			last_message: { id: 99, content: 'hi', message_type: 'incoming', private: false, created_at: 1700000000 },
			created_at: 1700000000,
			last_activity_at: 1700000001,
			waiting_since: null,
		});
	});

	// fidelity review A17e: REST says meta.assignee_type "AgentBot" (agent_bot_slim has no type), webhooks type "agent_bot"
	it('names an agent-bot assignee agent_bot in REST and webhook records alike', () => {
		const rest = simplifyConversation({ id: 1, meta: { assignee: { id: 5, name: 'Bot' }, assignee_type: 'AgentBot' } });
		const hook = simplifyConversation({ id: 1, meta: { assignee: { id: 5, name: 'Bot', type: 'agent_bot' }, assignee_type: 'AgentBot' } });
		expect(rest.assignee).toEqual({ id: 5, name: 'Bot', type: 'agent_bot' });
		expect(hook.assignee).toEqual(rest.assignee);
	});

	it('reads a webhook conversation payload (account object, contact_inbox source ID, no assignee)', () => {
		const out = simplifyConversation({
			id: 5,
			inbox_id: 1,
			account: { id: 9, name: 'Acme' },
			status: 'pending',
			meta: { sender: { id: 3, name: 'Bo' }, assignee: null, team: null },
			contact_inbox: { source_id: 'abc' },
			messages: [],
		});
		expect(out).toMatchObject({ id: 5, account_id: 9, contact: { id: 3, name: 'Bo', type: 'contact' }, assignee: null, team: null, last_message: null, source_id: 'abc' });
	});

	it('flattens REST and webhook messages alike', () => {
		const rest = simplifyMessage({
			id: 1,
			content: 'Hello',
			inbox_id: 2,
			conversation_id: 5,
			message_type: 1,
			content_type: 'text',
			private: true,
			status: 'sent',
			sender: { id: 4, name: 'Ada', type: 'user', avatar_url: '' },
			attachments: [{ id: 8, file_type: 'image', data_url: 'http://x/a.png', file_size: 10, thumb_url: 't', account_id: 1 }],
			created_at: 1700000000,
		});
		expect(rest).toMatchObject({
			id: 1,
			conversation_id: 5,
			inbox_id: 2,
			message_type: 'outgoing',
			private: true,
			sender: { id: 4, name: 'Ada', type: 'user' },
			attachments: [{ id: 8, file_type: 'image', data_url: 'http://x/a.png', file_size: 10 }],
		});
		const hook = simplifyMessage({
			id: 2,
			content: 'Hi',
			message_type: 'incoming',
			conversation: { id: 5 },
			inbox: { id: 2, name: 'API' },
			sender: { id: 7, name: 'Carla' },
			sender_type: 'Contact',
			created_at: '2026-01-01T00:00:00.000Z',
		});
		expect(hook).toMatchObject({ id: 2, conversation_id: 5, inbox_id: 2, message_type: 'incoming', sender: { id: 7, name: 'Carla', type: 'contact' } });
		expect(simplifyMessage({ id: 3, sender: { id: 1, name: 'Bot' }, sender_type: 'AgentBot' }).sender).toEqual({ id: 1, name: 'Bot', type: 'agent_bot' });
		expect(messageTypeName(3)).toBe('template');
		expect(messageTypeName('2')).toBe('activity');
	});
});
