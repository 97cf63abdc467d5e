'use strict';
// Seeding helpers for the automation, report and help-center tables (sim.seed.automationRule, …).
// Synchronous, no webhooks, timestamps in epoch ms like the rest of the store.

function createAdminSeeder(store) {
	const need = (cond, msg) => {
		if (!cond) throw new Error(`seed: ${msg}`);
	};
	const account = (accountId) => {
		const a = store.account(accountId);
		need(a, `account ${accountId} not found`);
		return a;
	};
	const stamp = (createdAt) => {
		const now = store.now();
		return { created_at: createdAt ?? now, updated_at: createdAt ?? now };
	};

	return {
		automationRule({ accountId, name = 'Rule', description = null, eventName = 'conversation_created', conditions = [], actions = [], active = true, createdAt } = {}) {
			account(accountId);
			return store.insert('automationRules', { account_id: Number(accountId), name, description, event_name: eventName, conditions, actions, active, ...stamp(createdAt) });
		},
		macro({ accountId, name = 'Macro', visibility = 'global', actions = [], createdById = null } = {}) {
			account(accountId);
			return store.insert('macros', { account_id: Number(accountId), name, visibility, actions, created_by_id: createdById, updated_by_id: createdById, ...stamp() });
		},
		/** A reporting event as Chatwoot's ReportingEventListener writes it (value in seconds). */
		reportingEvent({ accountId, name, value = 0, valueInBusinessHours, conversationId = null, inboxId = null, userId = null, createdAt } = {}) {
			account(accountId);
			need(['first_response', 'conversation_resolved', 'reply_time', 'conversation_bot_resolved', 'conversation_bot_handoff', 'conversation_opened'].includes(name), `unknown reporting event ${name}`);
			const conv = conversationId == null ? null : store.conversationByDisplay(accountId, conversationId);
			need(conversationId == null || conv, `conversation ${conversationId} not found`);
			return store.insert('reportingEvents', {
				account_id: Number(accountId),
				name,
				value: Number(value),
				value_in_business_hours: valueInBusinessHours == null ? Number(value) : Number(valueInBusinessHours),
				conversation_id: conv ? conv.id : null,
				inbox_id: inboxId ?? (conv ? conv.inbox_id : null),
				user_id: userId ?? (conv ? conv.assignee_id : null),
				...stamp(createdAt),
				// ReportingEventListener: the measured span ends when the event is written
				event_start_time: (createdAt ?? store.now()) - Number(value) * 1000,
				event_end_time: createdAt ?? store.now(),
			});
		},
		csatSurveyResponse({ accountId, conversationId, rating, feedbackMessage = null, assignedAgentId, createdAt } = {}) {
			account(accountId);
			const conv = store.conversationByDisplay(accountId, conversationId);
			need(conv, `conversation ${conversationId} not found`);
			need([1, 2, 3, 4, 5].includes(rating), 'rating must be 1..5');
			const m = store.insertMessage(conv, { content: 'Please rate the conversation', message_type: 'template', content_type: 'input_csat', created_at: createdAt });
			return store.insert('csatSurveyResponses', {
				account_id: Number(accountId),
				conversation_id: conv.id,
				contact_id: conv.contact_id,
				message_id: m.id,
				rating,
				feedback_message: feedbackMessage,
				assigned_agent_id: assignedAgentId === undefined ? conv.assignee_id : assignedAgentId,
				csat_review_notes: null,
				...stamp(createdAt),
			});
		},
		portal({ accountId, name = 'Help', slug, color = null, archived = false, config = {} } = {}) {
			account(accountId);
			need(slug && !store.db.portals.some((p) => p.slug === slug), `portal slug ${slug} missing or taken`);
			const allowed = config.allowed_locales && config.allowed_locales.length ? [...config.allowed_locales] : [config.default_locale || 'en'];
			return store.insert('portals', {
				account_id: Number(accountId),
				name,
				slug,
				color,
				custom_domain: null,
				header_text: null,
				homepage_link: null,
				page_title: null,
				archived,
				config: { allowed_locales: allowed, default_locale: config.default_locale || allowed[0], draft_locales: [] },
				...stamp(),
			});
		},
		category({ portalId, name = 'General', slug, locale = 'en', description = null, position } = {}) {
			const p = store.get('portals', portalId);
			need(p, `portal ${portalId} not found`);
			return store.insert('categories', { account_id: p.account_id, portal_id: p.id, name, slug: slug || name.toLowerCase().replace(/\W+/g, '-'), locale, description, position: position ?? null, icon: null, icon_color: null, parent_category_id: null, ...stamp() });
		},
		article({ portalId, title = 'Article', content = '', description = null, status = 'draft', categoryId = null, authorId, locale, slug, position, updatedAt } = {}) {
			const p = store.get('portals', portalId);
			need(p, `portal ${portalId} not found`);
			need(authorId != null, 'article needs authorId');
			const category = categoryId == null ? null : store.get('categories', categoryId);
			const rec = store.insert('articles', {
				account_id: p.account_id,
				portal_id: p.id,
				title,
				slug: slug || `${Math.floor(store.now() / 1000)}-${title.toLowerCase().replace(/\W+/g, '-')}`,
				content,
				description,
				status,
				category_id: categoryId,
				author_id: Number(authorId),
				locale: category ? category.locale : locale || p.config.default_locale,
				position: position ?? 10,
				meta: {},
				views: 0,
				...stamp(),
			});
			if (updatedAt != null) rec.updated_at = updatedAt;
			return rec;
		},
		auditLog({ accountId, auditableType = 'AutomationRule', auditableId = 1, action = 'create', userId = null, username = null, auditedChanges = {}, createdAt } = {}) {
			account(accountId);
			return store.insert('auditLogs', {
				account_id: Number(accountId),
				auditable_type: auditableType,
				auditable_id: auditableId,
				action,
				user_id: userId,
				user_type: userId == null ? null : 'User',
				username,
				audited_changes: auditedChanges,
				version: 1,
				comment: null,
				request_uuid: null,
				remote_address: null,
				...stamp(createdAt),
			});
		},
	};
}

module.exports = { createAdminSeeder };
