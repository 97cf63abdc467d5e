/**
 * Every route of Chatwoot's Application API that a user may need, and the operation of the
 * Chatwoot node that reaches it (or why none does). Source of the README table "Chatwoot routes"
 * (`node scripts/routes-table.js`) and of the coverage test (test/nodes/Chatwoot/routes.test.ts),
 * which proves every operation of docs/chatwoot/application_swagger.json and every route of
 * docs/chatwoot/API-NOTES.md §1.5–§1.11 has a row here.
 *
 * Rows are grouped by resource; add or edit rows in your resource's group only.
 * `pending` names an operation that is planned but not built yet: the test lists them by name.
 */
export interface ChatwootRoute {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Path as in Chatwoot's spec, e.g. `/api/v1/accounts/{account_id}/teams/{team_id}`. */
	path: string;
	/** `spec` = application_swagger.json; otherwise the API-NOTES section listing the route. */
	source: 'spec' | '§1.1' | '§1.2' | '§1.3' | '§1.4' | '§1.5' | '§1.6' | '§1.7' | '§1.8' | '§1.9' | '§1.10' | '§1.11';
	/** `resource.operation` of the Chatwoot node that sends this request. */
	to?: string[];
	/** Why no operation sends this request. */
	excluded?: string;
	/** `resource.operation` planned for this route but not built yet. */
	pending?: string[];
}

const A = '/api/v1/accounts/{account_id}';
const R = '/api/v2/accounts/{account_id}';

const r = (method: ChatwootRoute['method'], path: string, source: ChatwootRoute['source'], to: string | string[]): ChatwootRoute => ({
	method,
	path,
	source,
	to: ([] as string[]).concat(to),
});
/** A route with a planned operation not built yet (none today; the routes test lists pending ones as todos). */
export const pending = (method: ChatwootRoute['method'], path: string, source: ChatwootRoute['source'], ops: string | string[]): ChatwootRoute => ({
	method,
	path,
	source,
	pending: ([] as string[]).concat(ops),
});
const excluded = (method: ChatwootRoute['method'], path: string, source: ChatwootRoute['source'], reason: string): ChatwootRoute => ({
	method,
	path,
	source,
	excluded: reason,
});

const UI_ONLY = "used by Chatwoot's own web app, not useful in a workflow";

export const CHATWOOT_ROUTES: ChatwootRoute[] = [
	// ---- account, profile ----
	r('GET', A, 'spec', 'account.get'),
	r('PATCH', A, 'spec', 'account.update'),
	r('GET', '/api/v1/profile', 'spec', 'profile.get'),
	r('PUT', '/api/v1/profile', 'spec', 'profile.update'),
	r('POST', '/api/v1/profile/availability', '§1.11', 'profile.update'),

	// ---- contacts ----
	r('GET', `${A}/contacts`, 'spec', ['contact.getAll', 'contact.upsert']),
	r('POST', `${A}/contacts`, 'spec', ['contact.create', 'contact.upsert']),
	r('GET', `${A}/contacts/{id}`, 'spec', 'contact.get'),
	r('PUT', `${A}/contacts/{id}`, 'spec', ['contact.update', 'contact.upsert']),
	r('DELETE', `${A}/contacts/{id}`, 'spec', 'contact.delete'),
	r('GET', `${A}/contacts/{id}/conversations`, 'spec', 'contact.getConversations'),
	r('GET', `${A}/contacts/{id}/labels`, 'spec', ['contact.getLabels', 'contact.addLabels', 'contact.removeLabels']),
	r('POST', `${A}/contacts/{id}/labels`, 'spec', ['contact.addLabels', 'contact.removeLabels']),
	r('GET', `${A}/contacts/search`, 'spec', ['contact.search', 'contact.upsert']),
	r('POST', `${A}/contacts/filter`, 'spec', 'contact.filter'),
	r('POST', `${A}/contacts/{id}/contact_inboxes`, 'spec', 'contact.createContactInbox'),
	r('GET', `${A}/contacts/{id}/contactable_inboxes`, 'spec', 'contact.getContactableInboxes'),
	r('POST', `${A}/actions/contact_merge`, 'spec', 'contact.merge'),
	r('GET', `${A}/contacts/{id}/notes`, '§1.1', 'contactNote.getAll'),
	r('POST', `${A}/contacts/{id}/notes`, '§1.1', 'contactNote.create'),
	r('GET', `${A}/contacts/{id}/notes/{note_id}`, '§1.1', 'contactNote.get'),
	r('PATCH', `${A}/contacts/{id}/notes/{note_id}`, '§1.1', 'contactNote.update'),
	r('DELETE', `${A}/contacts/{id}/notes/{note_id}`, '§1.1', 'contactNote.delete'),

	// ---- conversations ----
	r('GET', `${A}/conversations/meta`, 'spec', 'conversation.getMeta'),
	r('GET', `${A}/conversations`, 'spec', 'conversation.getAll'),
	r('POST', `${A}/conversations`, 'spec', 'conversation.create'),
	r('POST', `${A}/conversations/filter`, 'spec', 'conversation.filter'),
	r('GET', `${A}/conversations/{conversation_id}`, 'spec', ['conversation.get', 'conversation.update']),
	r('PATCH', `${A}/conversations/{conversation_id}`, 'spec', 'conversation.update'),
	r('POST', `${A}/conversations/{conversation_id}/toggle_status`, 'spec', 'conversation.setStatus'),
	r('POST', `${A}/conversations/{conversation_id}/toggle_priority`, 'spec', 'conversation.setPriority'),
	r('POST', `${A}/conversations/{conversation_id}/toggle_typing_status`, 'spec', 'conversation.toggleTyping'),
	r('POST', `${A}/conversations/{conversation_id}/custom_attributes`, 'spec', ['conversation.setCustomAttributes', 'conversation.update']),
	r('POST', `${A}/conversations/{conversation_id}/assignments`, 'spec', 'conversation.assign'),
	r('GET', `${A}/conversations/{conversation_id}/labels`, 'spec', ['conversation.getLabels', 'conversation.addLabels', 'conversation.removeLabels']),
	r('POST', `${A}/conversations/{conversation_id}/labels`, 'spec', ['conversation.addLabels', 'conversation.removeLabels']),
	r('GET', `${A}/conversations/{conversation_id}/reporting_events`, 'spec', 'conversation.getReportingEvents'),
	r('POST', `${A}/conversations/{conversation_id}/mute`, '§1.2', 'conversation.mute'),
	r('POST', `${A}/conversations/{conversation_id}/unmute`, '§1.2', 'conversation.unmute'),
	r('POST', `${A}/conversations/{conversation_id}/unread`, '§1.2', 'conversation.markUnread'),
	r('POST', `${A}/conversations/{conversation_id}/transcript`, '§1.2', 'conversation.sendTranscript'),
	r('GET', `${A}/conversations/{conversation_id}/participants`, '§1.2', ['conversation.getParticipants', 'conversation.addParticipants', 'conversation.removeParticipants']),
	r('POST', `${A}/conversations/{conversation_id}/participants`, '§1.2', 'conversation.addParticipants'),
	r('DELETE', `${A}/conversations/{conversation_id}/participants`, '§1.2', 'conversation.removeParticipants'),
	excluded('PATCH', `${A}/conversations/{conversation_id}/participants`, '§1.2', 'replaces the whole participant set; Add/Remove Participants change it without losing participants someone else added'),

	// ---- messages ----
	r('GET', `${A}/conversations/{conversation_id}/messages`, 'spec', 'message.getAll'),
	r('POST', `${A}/conversations/{conversation_id}/messages`, 'spec', 'message.create'),
	r('PATCH', `${A}/conversations/{conversation_id}/messages/{message_id}`, '§1.3', 'message.updateStatus'),
	r('DELETE', `${A}/conversations/{conversation_id}/messages/{message_id}`, 'spec', 'message.delete'),

	// ---- inboxes ----
	r('GET', `${A}/inboxes`, 'spec', 'inbox.getAll'),
	r('POST', `${A}/inboxes`, 'spec', 'inbox.create'),
	r('GET', `${A}/inboxes/{id}`, 'spec', 'inbox.get'),
	r('PATCH', `${A}/inboxes/{id}`, 'spec', 'inbox.update'),
	r('GET', `${A}/inboxes/{id}/agent_bot`, 'spec', 'inbox.getAgentBot'),
	r('POST', `${A}/inboxes/{id}/set_agent_bot`, 'spec', 'inbox.setAgentBot'),
	r('GET', `${A}/inbox_members/{inbox_id}`, 'spec', ['inbox.getAgents', 'inbox.addAgents', 'inbox.removeAgents']),
	excluded('POST', `${A}/inbox_members`, 'spec', 'Add Agents writes the merged member set with PATCH, which is safe to retry'),
	r('PATCH', `${A}/inbox_members`, 'spec', ['inbox.addAgents', 'inbox.removeAgents']),
	r('DELETE', `${A}/inbox_members`, 'spec', 'inbox.removeAgents'),

	// ---- agents ----
	r('GET', `${A}/agents`, 'spec', ['agent.getAll', 'agent.get']),
	r('POST', `${A}/agents`, 'spec', 'agent.create'),
	r('PATCH', `${A}/agents/{id}`, 'spec', 'agent.update'),
	r('DELETE', `${A}/agents/{id}`, 'spec', 'agent.delete'),
	excluded('POST', `${A}/agents/bulk_create`, '§1.5', 'Create Agent with several input items does the same and reports each agent'),
	excluded('GET', `${A}/assignable_agents`, '§1.5', 'Inbox → Get Agents lists who can be assigned in an inbox'),

	// ---- teams ----
	r('GET', `${A}/teams`, 'spec', 'team.getAll'),
	r('POST', `${A}/teams`, 'spec', 'team.create'),
	r('GET', `${A}/teams/{team_id}`, 'spec', 'team.get'),
	r('PATCH', `${A}/teams/{team_id}`, 'spec', 'team.update'),
	r('DELETE', `${A}/teams/{team_id}`, 'spec', 'team.delete'),
	r('GET', `${A}/teams/{team_id}/team_members`, 'spec', ['team.getAgents', 'team.addAgents', 'team.removeAgents']),
	r('POST', `${A}/teams/{team_id}/team_members`, 'spec', 'team.addAgents'),
	excluded('PATCH', `${A}/teams/{team_id}/team_members`, 'spec', 'replaces the whole member set; Add/Remove Agents change it without dropping members someone else added'),
	r('DELETE', `${A}/teams/{team_id}/team_members`, 'spec', 'team.removeAgents'),

	// ---- labels ----
	r('GET', `${A}/labels`, 'spec', 'label.getAll'),
	r('POST', `${A}/labels`, 'spec', 'label.create'),
	r('GET', `${A}/labels/{id}`, 'spec', 'label.get'),
	r('PATCH', `${A}/labels/{id}`, 'spec', 'label.update'),
	r('DELETE', `${A}/labels/{id}`, 'spec', 'label.delete'),

	// ---- canned responses ----
	r('GET', `${A}/canned_responses`, 'spec', ['cannedResponse.getAll', 'cannedResponse.search', 'cannedResponse.get']),
	r('POST', `${A}/canned_responses`, 'spec', 'cannedResponse.create'),
	r('PATCH', `${A}/canned_responses/{id}`, 'spec', 'cannedResponse.update'),
	r('DELETE', `${A}/canned_responses/{id}`, 'spec', 'cannedResponse.delete'),

	// ---- custom attribute definitions ----
	r('GET', `${A}/custom_attribute_definitions`, 'spec', 'customAttribute.getAll'),
	r('POST', `${A}/custom_attribute_definitions`, 'spec', 'customAttribute.create'),
	r('GET', `${A}/custom_attribute_definitions/{id}`, 'spec', 'customAttribute.get'),
	r('PATCH', `${A}/custom_attribute_definitions/{id}`, 'spec', 'customAttribute.update'),
	r('DELETE', `${A}/custom_attribute_definitions/{id}`, 'spec', 'customAttribute.delete'),

	// ---- custom filters ----
	r('GET', `${A}/custom_filters`, 'spec', 'customFilter.getAll'),
	r('POST', `${A}/custom_filters`, 'spec', 'customFilter.create'),
	r('GET', `${A}/custom_filters/{custom_filter_id}`, 'spec', 'customFilter.get'),
	r('PATCH', `${A}/custom_filters/{custom_filter_id}`, 'spec', 'customFilter.update'),
	r('DELETE', `${A}/custom_filters/{custom_filter_id}`, 'spec', 'customFilter.delete'),

	// ---- webhooks ----
	r('GET', `${A}/webhooks`, 'spec', ['webhook.getAll', 'webhook.get']),
	r('POST', `${A}/webhooks`, 'spec', 'webhook.create'),
	r('PATCH', `${A}/webhooks/{webhook_id}`, 'spec', 'webhook.update'),
	r('DELETE', `${A}/webhooks/{webhook_id}`, 'spec', 'webhook.delete'),

	// ---- integrations ----
	r('GET', `${A}/integrations/apps`, 'spec', 'integration.getAll'),
	r('GET', `${A}/integrations/apps/{id}`, '§1.10', 'integration.get'),
	r('POST', `${A}/integrations/hooks`, 'spec', 'integration.createHook'),
	r('PATCH', `${A}/integrations/hooks/{hook_id}`, 'spec', 'integration.updateHook'),
	r('DELETE', `${A}/integrations/hooks/{hook_id}`, 'spec', 'integration.deleteHook'),
	excluded('POST', `${A}/integrations/slack`, '§1.10', 'Slack, Linear, Shopify, Notion and Dyte sub-routes need an OAuth connection made in Chatwoot\'s settings; ' + UI_ONLY),
	excluded('POST', `${A}/integrations/hooks/{hook_id}/process_event`, '§1.10', `app-specific events (e.g. OpenAI reply suggestions) ${UI_ONLY}`),

	// ---- search (§1.11) ----
	r('GET', `${A}/search`, '§1.11', 'search.search'),
	r('GET', `${A}/search/conversations`, '§1.11', 'search.search'),
	r('GET', `${A}/search/contacts`, '§1.11', 'search.search'),
	r('GET', `${A}/search/messages`, '§1.11', 'search.search'),
	r('GET', `${A}/search/articles`, '§1.11', 'search.search'),
	excluded('GET', `${A}/dashboard_apps`, '§1.11', 'dashboard apps are iframes inside Chatwoot\'s web app; ' + UI_ONLY),
	excluded('GET', `${A}/sla_policies`, '§1.11', 'enterprise edition only (SLA policies); not part of this package yet'),
	excluded('GET', `${A}/custom_roles`, '§1.11', 'enterprise edition only (custom roles); not part of this package yet'),
	excluded('GET', `${A}/assignment_policies`, '§1.11', 'assignment policies (app/controllers/api/v1/accounts/assignment_policies_controller.rb); not part of this package yet'),
	excluded('GET', `${A}/notifications`, '§1.11', "an agent's own in-app notifications; the Chatwoot Trigger delivers the events they are made from"),
	excluded('POST', `${A}/notifications/read_all`, '§1.11', UI_ONLY),
	excluded('GET', `${A}/notifications/unread_count`, '§1.11', UI_ONLY),

	// ---- account agent bots (issue 15) ----
	r('GET', `${A}/agent_bots`, 'spec', 'agentBot.getAll'),
	r('POST', `${A}/agent_bots`, 'spec', 'agentBot.create'),
	r('GET', `${A}/agent_bots/{id}`, 'spec', 'agentBot.get'),
	r('PATCH', `${A}/agent_bots/{id}`, 'spec', 'agentBot.update'),
	r('DELETE', `${A}/agent_bots/{id}`, 'spec', 'agentBot.delete'),
	r('POST', `${A}/agent_bots/{id}/reset_access_token`, '§1.7', 'agentBot.resetAccessToken'),
	r('POST', `${A}/agent_bots/{id}/reset_secret`, '§1.7', 'agentBot.resetSecret'),
	excluded('DELETE', `${A}/agent_bots/{id}/avatar`, '§1.7', UI_ONLY),

	// ---- automation rules, macros, campaigns ----
	r('GET', `${A}/automation_rules`, 'spec', 'automationRule.getAll'),
	r('POST', `${A}/automation_rules`, 'spec', 'automationRule.create'),
	r('GET', `${A}/automation_rules/{id}`, 'spec', 'automationRule.get'),
	r('PATCH', `${A}/automation_rules/{id}`, 'spec', 'automationRule.update'),
	r('DELETE', `${A}/automation_rules/{id}`, 'spec', 'automationRule.delete'),
	r('POST', `${A}/automation_rules/{id}/clone`, '§1.7', 'automationRule.clone'),
	r('GET', `${A}/macros`, '§1.7', 'macro.getAll'),
	r('POST', `${A}/macros`, '§1.7', 'macro.create'),
	r('GET', `${A}/macros/{id}`, '§1.7', 'macro.get'),
	r('PATCH', `${A}/macros/{id}`, '§1.7', 'macro.update'),
	r('DELETE', `${A}/macros/{id}`, '§1.7', 'macro.delete'),
	r('POST', `${A}/macros/{id}/execute`, '§1.7', 'macro.execute'),
	r('GET', `${A}/campaigns`, '§1.7', 'campaign.getAll'),
	r('POST', `${A}/campaigns`, '§1.7', 'campaign.create'),
	r('GET', `${A}/campaigns/{id}`, '§1.7', 'campaign.get'),
	r('PATCH', `${A}/campaigns/{id}`, '§1.7', 'campaign.update'),
	r('DELETE', `${A}/campaigns/{id}`, '§1.7', 'campaign.delete'),
	excluded('POST', `${A}/bulk_actions`, '§1.7', 'asynchronous and unreported (Chatwoot answers before it runs); the per-record operations report each result'),

	// ---- reports (v2), reporting events, CSAT, audit logs ----
	r('GET', `${A}/reporting_events`, 'spec', 'report.getEvents'),
	r('GET', `${R}/reports`, 'spec', 'report.getMetric'),
	r('GET', `${R}/reports/summary`, 'spec', 'report.getSummary'),
	r('GET', `${R}/reports/conversations`, 'spec', 'report.getConversationCounts'),
	r('GET', `${R}/reports/conversations/`, 'spec', 'report.getConversationCounts'),
	r('GET', `${R}/summary_reports/channel`, 'spec', 'report.getGroupSummary'),
	r('GET', `${R}/summary_reports/inbox`, 'spec', 'report.getGroupSummary'),
	r('GET', `${R}/summary_reports/agent`, 'spec', 'report.getGroupSummary'),
	r('GET', `${R}/summary_reports/team`, 'spec', 'report.getGroupSummary'),
	r('GET', `${R}/summary_reports/label`, '§1.8', 'report.getGroupSummary'),
	r('GET', `${R}/reports/first_response_time_distribution`, 'spec', 'report.getFirstResponseDistribution'),
	r('GET', `${R}/reports/inbox_label_matrix`, 'spec', 'report.getInboxLabelMatrix'),
	r('GET', `${R}/reports/outgoing_messages_count`, 'spec', 'report.getOutgoingMessageCounts'),
	excluded('GET', `${R}/reports/agents`, '§1.8', 'CSV download of the agent table; Get Summary Report returns the same numbers as items'),
	excluded('GET', `${R}/reports/inboxes`, '§1.8', 'CSV download; Get Summary Report returns the same numbers as items'),
	excluded('GET', `${R}/reports/labels`, '§1.8', 'CSV download; Get Summary Report returns the same numbers as items'),
	excluded('GET', `${R}/reports/teams`, '§1.8', 'CSV download; Get Summary Report returns the same numbers as items'),
	r('GET', `${R}/reports/bot_metrics`, '§1.8', 'report.getBotMetrics'),
	r('GET', `${R}/reports/bot_summary`, '§1.8', 'report.getBotMetrics'),
	r('GET', `${R}/live_reports/conversation_metrics`, '§1.8', 'report.getLiveMetrics'),
	r('GET', `${R}/live_reports/grouped_conversation_metrics`, '§1.8', 'report.getLiveMetrics'), // not in API-NOTES; routes.rb + live_reports_controller.rb
	excluded('GET', `${R}/reports/conversation_traffic`, '§1.8', 'CSV download of the traffic heat map; Get Metrics with group by returns the series'),
	r('GET', `${A}/csat_survey_responses`, '§1.8', 'csat.getAll'),
	r('GET', `${A}/csat_survey_responses/metrics`, '§1.8', 'csat.getMetrics'),
	r('GET', `${A}/audit_logs`, 'spec', 'auditLog.getAll'),

	// ---- help center ----
	r('POST', `${A}/portals`, 'spec', 'portal.create'),
	r('GET', `${A}/portals`, 'spec', 'portal.getAll'),
	r('GET', `${A}/portals/{portal_slug}`, '§1.9', 'portal.get'),
	r('PATCH', `${A}/portals/{id}`, 'spec', 'portal.update'),
	r('DELETE', `${A}/portals/{portal_slug}`, '§1.9', 'portal.delete'),
	r('GET', `${A}/portals/{portal_slug}/categories`, '§1.9', 'category.getAll'),
	r('POST', `${A}/portals/{id}/categories`, 'spec', 'category.create'),
	r('GET', `${A}/portals/{portal_slug}/categories/{id}`, '§1.9', 'category.get'),
	r('PATCH', `${A}/portals/{portal_slug}/categories/{id}`, '§1.9', 'category.update'),
	r('DELETE', `${A}/portals/{portal_slug}/categories/{id}`, '§1.9', 'category.delete'),
	r('GET', `${A}/portals/{portal_slug}/articles`, '§1.9', 'article.getAll'),
	r('POST', `${A}/portals/{id}/articles`, 'spec', 'article.create'),
	r('GET', `${A}/portals/{portal_slug}/articles/{id}`, '§1.9', 'article.get'),
	r('PATCH', `${A}/portals/{portal_slug}/articles/{id}`, '§1.9', 'article.update'),
	r('DELETE', `${A}/portals/{portal_slug}/articles/{id}`, '§1.9', 'article.delete'),
];
