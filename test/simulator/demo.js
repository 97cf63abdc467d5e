'use strict';
// Demo data set used by `cli.js --seed demo` (and importable by e2e tests).
const DEMO_TOKEN = 'demo-admin-token-0000000001';
const DEMO_AGENT_TOKEN = 'demo-agent-token-0000000002';
// Platform App (Super Admin → Platform Apps) for the Chatwoot Platform node; owns nothing yet.
const DEMO_PLATFORM_TOKEN = 'demo-platform-token-000000003';
const DEMO_INBOX_IDENTIFIER = 'DemoWebsiteApiInbox00001';

function seedDemo(sim) {
	const s = sim.seed;
	const account = s.account({ name: 'Acme Support' });
	const platformApp = s.platformApp({ name: 'Demo Platform App', accessToken: DEMO_PLATFORM_TOKEN });
	const admin = s.user({ name: 'Alice Admin', email: 'alice@acme.test', role: 'administrator', accountIds: [account.id], accessToken: DEMO_TOKEN });
	const agent = s.user({ name: 'Bob Agent', email: 'bob@acme.test', role: 'agent', accountIds: [account.id], accessToken: DEMO_AGENT_TOKEN });
	const api = s.inbox({ accountId: account.id, name: 'Website API', channelType: 'api', webhookUrl: null, memberIds: [admin.id, agent.id], inboxIdentifier: DEMO_INBOX_IDENTIFIER, hmacToken: 'DemoHmacToken00000000001' });
	const widget = s.inbox({ accountId: account.id, name: 'Website Widget', channelType: 'web_widget', memberIds: [admin.id] });
	for (const [title, color] of [['billing', '#ff6b6b'], ['bug', '#f0a500'], ['vip', '#1f93ff']]) s.label({ accountId: account.id, title, color, description: `${title} related` });
	const team = s.team({ accountId: account.id, name: 'support', description: 'First line support', memberIds: [admin.id, agent.id] });
	// what examples/escalate-with-macro.json and examples/help-center-faq.json expect to find (macro 1, portal "help")
	s.label({ accountId: account.id, title: 'refund', color: '#7e57c2', description: 'refund related' });
	s.macro({ accountId: account.id, name: 'Escalate', createdById: admin.id, actions: [{ action_name: 'add_label', action_params: ['refund'] }] });
	s.portal({ accountId: account.id, name: 'Help Center', slug: 'help' });
	const first = ['Ada', 'Grace', 'Linus', 'Ken', 'Barbara', 'Dennis', 'Margaret', 'Alan', 'Edsger', 'Donald', 'Frances', 'John', 'Radia', 'Tim', 'Katherine', 'Guido', 'Bjarne', 'Anders', 'Sophie', 'Yukihiro'];
	const contacts = first.map((n, i) =>
		s.contact({
			accountId: account.id,
			name: `${n} Example`,
			email: `${n.toLowerCase()}@customer.test`,
			phone_number: i % 3 === 0 ? `+1415555${String(1000 + i)}` : undefined,
			identifier: i % 4 === 0 ? `cust-${1000 + i}` : undefined,
			custom_attributes: i % 2 === 0 ? { plan: i % 4 === 0 ? 'enterprise' : 'starter' } : {},
			additional_attributes: { city: ['Berlin', 'Paris', 'Austin', 'Tokyo'][i % 4], company_name: ['Initech', 'Globex', 'Umbrella', 'Hooli'][i % 4] },
			inboxId: i < 8 ? api.id : undefined,
			labels: i % 5 === 0 ? ['vip'] : [],
		}),
	);
	const texts = [
		['Hi, I was charged twice this month.', 'Sorry about that! Refund is on its way.'],
		['The export button does nothing.', 'Thanks, we could reproduce it. Fix ships Friday.'],
		['Can I upgrade to the enterprise plan?', 'Sure, I have sent you the quote.'],
		['How do I reset my password?', 'Use "Forgot password" on the login page.'],
		['Is there an API for contacts?', 'Yes, see the docs at /api.'],
		['My invoice address is wrong.', 'Updated, please check again.'],
		['App crashes on login.', null],
		['Do you offer discounts for NGOs?', null],
	];
	const statuses = ['open', 'open', 'resolved', 'open', 'pending', 'open', 'open', 'snoozed'];
	const conversations = texts.map(([q, a], i) => {
		const conv = s.conversation({
			accountId: account.id,
			inboxId: api.id,
			contactId: contacts[i].id,
			status: statuses[i],
			assigneeId: i % 3 === 0 ? agent.id : i % 3 === 1 ? admin.id : null,
			teamId: i % 2 === 0 ? team.id : null,
			labels: i === 0 || i === 5 ? ['billing'] : i === 1 || i === 6 ? ['bug'] : [],
			priority: i === 6 ? 'urgent' : null,
		});
		s.message({ accountId: account.id, conversationId: conv.display_id, content: q, message_type: 'incoming' });
		if (a) s.message({ accountId: account.id, conversationId: conv.display_id, content: a, message_type: 'outgoing', senderType: 'user', senderId: conv.assignee_id || admin.id });
		if (i === 1) s.message({ accountId: account.id, conversationId: conv.display_id, content: 'Internal: linked to JIRA-42', message_type: 'outgoing', private: true, senderType: 'user', senderId: admin.id });
		return conv;
	});
	return { account, admin, agent, apiInbox: api, widgetInbox: widget, team, contacts, conversations, token: DEMO_TOKEN, agentToken: DEMO_AGENT_TOKEN, platformToken: platformApp.access_token };
}

module.exports = { seedDemo, DEMO_TOKEN, DEMO_AGENT_TOKEN, DEMO_PLATFORM_TOKEN, DEMO_INBOX_IDENTIFIER };
