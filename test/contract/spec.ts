/**
 * Contract check: does a request we sent match an operation of Chatwoot's official OpenAPI
 * spec (v4.15.0, docs/chatwoot/swagger.json)? Where the spec is wrong or silent, the
 * request must match a deviation documented in API-NOTES (listed below with its reason).
 *
 * Strict: a body field the operation's schema does not name is a violation (request bodies are
 * checked as if every object schema with `properties` had `additionalProperties: false`), query
 * values are checked against their declared schema (enums, types), and a route that is neither in
 * the spec nor in UNDOCUMENTED_ROUTES is a violation. An undocumented route is checked (query names, body
 * fields) once its entry lists its `body` fields; `uncheckedUndocumentedRoutes()` names the entries that don't, and the
 * not-in-spec routes of the route table (nodes/Chatwoot/actions/routes.ts) that have no entry.
 * Set CHATWOOT_SWAGGER to check against another copy of the spec.
 */
import Ajv2020 from 'ajv/dist/2020';
import * as fs from 'fs';
import * as path from 'path';

import { CHATWOOT_ROUTES } from '../../nodes/Chatwoot/actions/routes';

export const SPEC_PATH = process.env.CHATWOOT_SWAGGER
	? path.resolve(process.env.CHATWOOT_SWAGGER)
	: path.resolve(__dirname, '../../docs/chatwoot/swagger.json');

type Json = Record<string, any>;

export interface LoggedRequest {
	method: string;
	path: string;
	query?: Record<string, unknown>;
	body?: unknown;
	contentType?: string;
	headers?: Record<string, unknown>;
}

interface SpecOperation {
	method: string;
	template: string;
	regex: RegExp;
	literalSegments: number;
	operation: Json;
	queryNames: Set<string>;
	querySchemas: Map<string, Json>;
}

/** campaigns_controller.rb#campaign_params (Chatwoot f66b551c, line 30): the nested campaign key and the flat fields wrap_parameters wraps into it. */
const CAMPAIGN_FIELDS = [
	'campaign',
	'title',
	'description',
	'message',
	'enabled',
	'trigger_only_during_business_hours',
	'inbox_id',
	'sender_id',
	'scheduled_at',
	'audience',
	'trigger_rules',
	'template_params',
];

/** Routes Chatwoot serves that the spec does not list (API-NOTES §1, marked [not in spec]). */
export const UNDOCUMENTED_ROUTES: Array<{ method: string; template: string; reason: string; body?: string[] }> = [
	{
		method: 'PATCH',
		template: '/api/v1/accounts/{account_id}/contacts/{id}',
		reason: 'API-NOTES §1.1: PUT/PATCH both update a contact (config/routes.rb `resources :contacts`); body checked against PUT below',
		body: ['*PUT /api/v1/accounts/{account_id}/contacts/{id}'],
	},
	{
		method: 'PATCH',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{message_id}',
		reason: 'API-NOTES §1.3: message status update, API inboxes only [not in spec] (conversations/messages_controller.rb#permitted_params: status, external_error)',
		body: ['status', 'external_error'],
	},
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/contacts/{id}/notes', reason: 'API-NOTES §1.1 [not in spec] (contacts/notes_controller.rb#index:4 reads no parameter)', body: [] },
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/contacts/{id}/notes',
		reason: 'API-NOTES §1.1 [not in spec] (contacts/notes_controller.rb: params.require(:note).permit(:content); Rails wraps a top-level content into note)',
		body: ['content', 'note'],
	},
	{ method: 'GET', template: '/api/v1/accounts/{account_id}', reason: 'API-NOTES §1.11: account show (accounts_controller.rb#show:19 reads no parameter)', body: [] },
	{ method: 'POST', template: '/api/v1/accounts/{account_id}/inboxes/{id}/reset_secret', reason: 'API-NOTES §1.4 [not in spec] (inboxes_controller.rb#reset_secret:71 reads no parameter)', body: [] },
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/conversations/search',
		reason: 'API-NOTES §1.2 [not in spec] (conversations_controller.rb#search:22 runs ConversationFinder#perform; query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/platform/api/v1/accounts',
		reason: 'API-NOTES §3: the accounts a platform app created (platform/api/v1/accounts_controller.rb#index:2 reads no parameter) [not in spec]',
		body: [],
	},
	// automation, reports, help center (issue 14 part B; Chatwoot f66b551c config/routes.rb). Field lists: the controller's
	// permitted params (Chatwoot f66b551c, app/controllers/api/...; line of the method in parentheses).
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/automation_rules/{id}/clone',
		reason: 'API-NOTES §1.7 [not in spec]: routes.rb `post :clone`; automation_rules_controller.rb#clone:48 reads only the path id',
		body: [],
	},
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/macros', reason: 'API-NOTES §1.7 [not in spec]: macros_controller.rb#index:7 (Macro.with_visibility ignores its params)', body: [] },
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/macros',
		reason: 'API-NOTES §1.7 [not in spec]: macros_controller.rb#permitted_params:58 params.permit(:name, :visibility, actions: [...]); #create:15 reads params[:actions]',
		body: ['name', 'visibility', 'actions'],
	},
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/macros/{id}', reason: 'API-NOTES §1.7 [not in spec]: macros_controller.rb#show:11', body: [] },
	{
		method: 'PATCH',
		template: '/api/v1/accounts/{account_id}/macros/{id}',
		reason: 'API-NOTES §1.7 [not in spec]: macros_controller.rb#update:29 takes #permitted_params:58 (name, visibility, actions)',
		body: ['name', 'visibility', 'actions'],
	},
	{ method: 'DELETE', template: '/api/v1/accounts/{account_id}/macros/{id}', reason: 'API-NOTES §1.7 [not in spec]: macros_controller.rb#destroy:45', body: [] },
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/macros/{id}/execute',
		reason: 'API-NOTES §1.7 [not in spec]: macros_controller.rb#execute:50 reads params[:conversation_ids]',
		body: ['conversation_ids'],
	},
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/campaigns', reason: 'API-NOTES §1.7 [not in spec]: campaigns_controller.rb#index:5 reads no parameter', body: [] },
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/campaigns',
		reason:
			'API-NOTES §1.7 [not in spec]: campaigns_controller.rb#campaign_params:30 params.require(:campaign).permit(...); every permitted key is a campaigns column, so wrap_parameters (config/initializers/wrap_parameters.rb) wraps the flat fields into campaign',
		body: CAMPAIGN_FIELDS,
	},
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/campaigns/{id}', reason: 'API-NOTES §1.7 [not in spec]: campaigns_controller.rb#show:9', body: [] },
	{
		method: 'PATCH',
		template: '/api/v1/accounts/{account_id}/campaigns/{id}',
		reason: 'API-NOTES §1.7 [not in spec]: campaigns_controller.rb#update:15 takes #campaign_params:30 (see POST)',
		body: CAMPAIGN_FIELDS,
	},
	{ method: 'DELETE', template: '/api/v1/accounts/{account_id}/campaigns/{id}', reason: 'API-NOTES §1.7 [not in spec]: campaigns_controller.rb#destroy:19', body: [] },
	{
		method: 'GET',
		template: '/api/v2/accounts/{account_id}/reports/bot_summary',
		reason: 'API-NOTES §1.8 [not in spec]: api/v2/accounts/reports_controller.rb#bot_summary:17 (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v2/accounts/{account_id}/reports/bot_metrics',
		reason: 'API-NOTES §1.8 [not in spec]: api/v2/accounts/reports_controller.rb#bot_metrics:60 (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v2/accounts/{account_id}/live_reports/conversation_metrics',
		reason: 'API-NOTES §1.8 [not in spec]: api/v2/accounts/live_reports_controller.rb#conversation_metrics:7 (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v2/accounts/{account_id}/live_reports/grouped_conversation_metrics',
		reason: 'config/routes.rb [not in spec]: api/v2/accounts/live_reports_controller.rb#grouped_conversation_metrics:16 (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v2/accounts/{account_id}/summary_reports/label',
		reason: 'API-NOTES §1.8 [not in spec]: api/v2/accounts/summary_reports_controller.rb#label:17 (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/csat_survey_responses',
		reason: 'API-NOTES §1.8 [not in spec]: csat_survey_responses_controller.rb#index:15 (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/csat_survey_responses/metrics',
		reason: 'API-NOTES §1.8 [not in spec]: csat_survey_responses_controller.rb#metrics:17 (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/portals/{id}',
		reason: 'API-NOTES §1.9 [not in spec]: portals_controller.rb#show:12 (by slug; query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{ method: 'DELETE', template: '/api/v1/accounts/{account_id}/portals/{id}', reason: 'API-NOTES §1.9 [not in spec]: portals_controller.rb#destroy', body: [] },
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/portals/{portal_id}/categories',
		reason: 'API-NOTES §1.9 [not in spec]: categories_controller.rb#index:7 (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/portals/{portal_id}/categories/{id}', reason: 'API-NOTES §1.9 [not in spec]: categories_controller.rb#show:12', body: [] },
	{
		method: 'PATCH',
		template: '/api/v1/accounts/{account_id}/portals/{portal_id}/categories/{id}',
		reason:
			'API-NOTES §1.9 [not in spec]: categories_controller.rb#category_params:54 params.require(:category).permit(...) (all columns, so wrapped from the flat body); related_category_ids is read only nested, params[:category][:related_category_ids] (#related_categories_records:50), it is not a column and is not wrapped',
		body: ['category', 'name', 'description', 'position', 'slug', 'locale', 'icon', 'icon_color', 'parent_category_id', 'associated_category_id'],
	},
	{ method: 'DELETE', template: '/api/v1/accounts/{account_id}/portals/{portal_id}/categories/{id}', reason: 'API-NOTES §1.9 [not in spec]: categories_controller.rb#destroy', body: [] },
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/portals/{portal_id}/articles',
		reason: 'API-NOTES §1.9 [not in spec]: articles_controller.rb#index:7 (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/portals/{portal_id}/articles/{id}', reason: 'API-NOTES §1.9 [not in spec]: articles_controller.rb#show:21', body: [] },
	{
		method: 'PATCH',
		template: '/api/v1/accounts/{account_id}/portals/{portal_id}/articles/{id}',
		reason:
			'API-NOTES §1.9 [not in spec]: articles_controller.rb#article_params:70 params.require(:article).permit(...) (all columns, so wrapped from the flat body; #update:32 updates only when params[:article] is present)',
		body: ['article', 'title', 'slug', 'position', 'content', 'description', 'category_id', 'author_id', 'associated_article_id', 'status', 'locale', 'meta'],
	},
	{ method: 'DELETE', template: '/api/v1/accounts/{account_id}/portals/{portal_id}/articles/{id}', reason: 'API-NOTES §1.9 [not in spec]: articles_controller.rb#destroy', body: [] },
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/agent_bots/{id}/reset_access_token',
		reason: 'API-NOTES §1.6: agent bots [not in spec] (config/routes.rb, agent_bots_controller.rb#reset_access_token:32 reads no parameter)',
		body: [],
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/agent_bots/{id}/reset_secret',
		reason: 'API-NOTES §1.6: agent bots [not in spec] (config/routes.rb, agent_bots_controller.rb#reset_secret:37 reads no parameter)',
		body: [],
	},
	// Not-in-spec routes of the node's route table (nodes/Chatwoot/actions/routes.ts), listed from Chatwoot's source
	// (f66b551c, app/controllers/api/...; line of the method in parentheses). Excluded routes are listed too: the
	// simulator and tests may still reach them, and none may be matched by route only.
	{
		method: 'POST',
		template: '/api/v1/profile/availability',
		reason: 'API-NOTES §1.11 [not in spec]: profiles_controller.rb#availability:27 takes #availability_params:52 params.require(:profile).permit(:account_id, :availability); there is no Profile model, so wrap_parameters (config/initializers/wrap_parameters.rb) wraps every flat key into profile',
		body: ['profile', 'account_id', 'availability'],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/contacts/{id}/notes/{note_id}',
		reason: 'API-NOTES §1.1 [not in spec]: contacts/notes_controller.rb#show:8 (#note:25 reads only the path id)',
		body: [],
	},
	{
		method: 'PATCH',
		template: '/api/v1/accounts/{account_id}/contacts/{id}/notes/{note_id}',
		reason: 'API-NOTES §1.1 [not in spec]: contacts/notes_controller.rb#update:14 takes #note_params:29 params.require(:note).permit(:content); content is a notes column, so Rails wraps a flat content into note',
		body: ['content', 'note'],
	},
	{
		method: 'DELETE',
		template: '/api/v1/accounts/{account_id}/contacts/{id}/notes/{note_id}',
		reason: 'API-NOTES §1.1 [not in spec]: contacts/notes_controller.rb#destroy:18 reads no parameter',
		body: [],
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/mute',
		reason: 'API-NOTES §1.2 [not in spec]: conversations_controller.rb#mute:61 reads no parameter',
		body: [],
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/unmute',
		reason: 'API-NOTES §1.2 [not in spec]: conversations_controller.rb#unmute:66 reads no parameter',
		body: [],
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/unread',
		reason: 'API-NOTES §1.2 [not in spec]: conversations_controller.rb#unread:130 reads no parameter',
		body: [],
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/transcript',
		reason: 'API-NOTES §1.2 [not in spec]: conversations_controller.rb#transcript:71 reads params[:email] (not a conversations column, so not wrapped)',
		body: ['email'],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants',
		reason: 'API-NOTES §1.2 [not in spec]: conversations/participants_controller.rb#show:2 reads no parameter',
		body: [],
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants',
		reason: 'API-NOTES §1.2 [not in spec]: conversations/participants_controller.rb#create:6 reads params[:user_ids] (#participants_to_be_added_ids:30)',
		body: ['user_ids'],
	},
	{
		method: 'PATCH',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants',
		reason: 'API-NOTES §1.2 [not in spec]: conversations/participants_controller.rb#update:12 reads params[:user_ids] (#participants_to_be_added_ids:30, #participants_to_be_removed_ids:34)',
		body: ['user_ids'],
	},
	{
		method: 'DELETE',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants',
		reason: 'API-NOTES §1.2 [not in spec]: conversations/participants_controller.rb#destroy:21 reads params[:user_ids]',
		body: ['user_ids'],
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/agents/bulk_create',
		reason: 'API-NOTES §1.5 [not in spec]: agents_controller.rb#bulk_create:36 reads params[:emails]',
		body: ['emails'],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/assignable_agents',
		reason: 'API-NOTES §1.5 [not in spec]: assignable_agents_controller.rb#index:4 (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/integrations/apps/{id}',
		reason: 'API-NOTES §1.10 [not in spec]: integrations/apps_controller.rb#show:8 (#fetch_app:16 reads only the path id)',
		body: [],
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/integrations/slack',
		reason: 'API-NOTES §1.10 [not in spec]: integrations/slack_controller.rb#create:9 reads params[:code] and params[:inbox_id]',
		body: ['code', 'inbox_id'],
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/integrations/hooks/{hook_id}/process_event',
		reason: 'API-NOTES §1.10 [not in spec]: integrations/hooks_controller.rb#process_event:13 reads params[:event]',
		body: ['event'],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/search',
		reason: 'API-NOTES §1.11 [not in spec]: search_controller.rb#index:2 runs SearchService (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/search/conversations',
		reason: 'API-NOTES §1.11 [not in spec]: search_controller.rb#conversations:6 runs SearchService (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/search/contacts',
		reason: 'API-NOTES §1.11 [not in spec]: search_controller.rb#contacts:10 runs SearchService (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/search/messages',
		reason: 'API-NOTES §1.11 [not in spec]: search_controller.rb#messages:14 runs SearchService (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/search/articles',
		reason: 'API-NOTES §1.11 [not in spec]: search_controller.rb#articles:18 runs SearchService (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/dashboard_apps',
		reason: 'API-NOTES §1.11 [not in spec]: dashboard_apps_controller.rb#index:5 reads no parameter',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/sla_policies',
		reason: 'API-NOTES §1.11 [not in spec]: enterprise/app/controllers/api/v1/accounts/sla_policies_controller.rb#index:5 reads no parameter',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/custom_roles',
		reason: 'API-NOTES §1.11 [not in spec]: enterprise/app/controllers/api/v1/accounts/custom_roles_controller.rb#index:5 reads no parameter',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/assignment_policies',
		reason: 'API-NOTES §1.11 [not in spec]: assignment_policies_controller.rb#index:5 reads no parameter',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/notifications',
		reason: 'API-NOTES §1.11 [not in spec]: notifications_controller.rb#index:9 runs NotificationFinder (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/notifications/read_all',
		reason: 'API-NOTES §1.11 [not in spec]: notifications_controller.rb#read_all:15 with #set_primary_actor:64 reads params[:primary_actor_type] and params[:primary_actor_id]',
		body: ['primary_actor_type', 'primary_actor_id'],
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/notifications/unread_count',
		reason: 'API-NOTES §1.11 [not in spec]: notifications_controller.rb#unread_count:51 runs NotificationFinder (query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'DELETE',
		template: '/api/v1/accounts/{account_id}/agent_bots/{id}/avatar',
		reason: 'API-NOTES §1.7 [not in spec]: agent_bots_controller.rb#avatar:22 reads no parameter',
		body: [],
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/bulk_actions',
		reason: 'API-NOTES §1.7 [not in spec]: bulk_actions_controller.rb#normalized_type:18 params[:type]; #conversation_params:46 params.permit(:snoozed_until, fields: [...]); #append_common_bulk_attributes:62 params.permit(:type, :action_name, ids: [], labels: [...])',
		body: ['type', 'ids', 'action_name', 'labels', 'snoozed_until', 'fields'],
	},
	{
		method: 'GET',
		template: '/api/v2/accounts/{account_id}/reports/agents',
		reason: 'API-NOTES §1.8 [not in spec]: api/v2/accounts/reports_controller.rb#agents:21 (CSV; query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v2/accounts/{account_id}/reports/inboxes',
		reason: 'API-NOTES §1.8 [not in spec]: api/v2/accounts/reports_controller.rb#inboxes:26 (CSV; query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v2/accounts/{account_id}/reports/labels',
		reason: 'API-NOTES §1.8 [not in spec]: api/v2/accounts/reports_controller.rb#labels:31 (CSV; query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v2/accounts/{account_id}/reports/teams',
		reason: 'API-NOTES §1.8 [not in spec]: api/v2/accounts/reports_controller.rb#teams:36 (CSV; query in UNDOCUMENTED_QUERY)',
		body: [],
	},
	{
		method: 'GET',
		template: '/api/v2/accounts/{account_id}/reports/conversation_traffic',
		reason: 'API-NOTES §1.8 [not in spec]: api/v2/accounts/reports_controller.rb#conversation_traffic:46 (CSV; query in UNDOCUMENTED_QUERY)',
		body: [],
	},
];

/** Query parameters the server reads although the spec does not declare them (API-NOTES §1, §6). */
export const UNDOCUMENTED_QUERY: Record<string, string[]> = {
	'GET /api/v1/accounts/{account_id}/contacts': ['labels', 'include_contact_inboxes'],
	'GET /api/v1/accounts/{account_id}/contacts/search': ['include_contact_inboxes'],
	'GET /api/v1/accounts/{account_id}/conversations': ['sort_by', 'conversation_type', 'source_id', 'updated_within'],
	'GET /api/v1/accounts/{account_id}/contacts/{id}': ['include_contact_inboxes'],
	// API-NOTES §1.5; canned_responses_controller.rb#canned_responses reads params[:search]
	'GET /api/v1/accounts/{account_id}/canned_responses': ['search'],
	'GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages': ['before'],
	// Platform::Api::V1::AccountUsersController#destroy reads params[:user_id]; the spec declares no parameter or body at all.
	'DELETE /platform/api/v1/accounts/{account_id}/account_users': ['user_id'],
	// ReportsController#common_params / report_params (Chatwoot f66b551c)
	'GET /api/v2/accounts/{account_id}/reports': ['group_by', 'business_hours', 'timezone_offset'],
	'GET /api/v2/accounts/{account_id}/reports/summary': ['business_hours'],
	'GET /api/v2/accounts/{account_id}/reports/conversations': ['page'],
	'GET /api/v2/accounts/{account_id}/reports/conversations/': ['page'],
	// Undocumented routes (Chatwoot f66b551c): the params each controller / finder / builder reads.
	// ConversationFinder (app/finders/conversation_finder.rb) #set_inboxes:91 inbox_id, #set_assignee_type:99, #set_team:103 team_id,
	// #find_all_conversations:115 conversation_type, #filter_by_query:152 q, #filter_by_status:162, #filter_by_labels:174,
	// #filter_by_source_id:180, #current_page:206 page, #conversations:216 sort_by, updated_within
	'GET /api/v1/accounts/{account_id}/conversations/search': [
		'q',
		'inbox_id',
		'assignee_type',
		'team_id',
		'conversation_type',
		'status',
		'labels',
		'source_id',
		'page',
		'sort_by',
		'updated_within',
	],
	// api/v2/accounts/reports_controller.rb#build_summary:157 with #common_params:102 (type, id, group_by, business_hours) and #current_summary_params:111
	'GET /api/v2/accounts/{account_id}/reports/bot_summary': ['type', 'id', 'group_by', 'business_hours', 'since', 'until', 'timezone_offset'],
	// reports_controller.rb#bot_metrics:60 → V2::Reports::BotMetricsBuilder#range (DateRangeHelper, app/helpers/date_range_helper.rb: since, until)
	'GET /api/v2/accounts/{account_id}/reports/bot_metrics': ['since', 'until'],
	// api/v2/accounts/live_reports_controller.rb#permitted_params:61 params.permit(:team_id, :group_by); group_by only for the grouped action (#set_group_scope:40)
	'GET /api/v2/accounts/{account_id}/live_reports/conversation_metrics': ['team_id'],
	'GET /api/v2/accounts/{account_id}/live_reports/grouped_conversation_metrics': ['team_id', 'group_by'],
	// api/v2/accounts/summary_reports_controller.rb#permitted_params:47 params.permit(:since, :until, :business_hours)
	'GET /api/v2/accounts/{account_id}/summary_reports/label': ['since', 'until', 'business_hours'],
	// csat_survey_responses_controller.rb#set_csat_survey_responses:36 (range: since/until via DateRangeHelper; user_ids, inbox_id, team_id, rating),
	// #set_current_page:49 page (index only), `sort_on :created_at` (procore-sift's filtrate reads sort)
	'GET /api/v1/accounts/{account_id}/csat_survey_responses': ['since', 'until', 'user_ids', 'inbox_id', 'team_id', 'rating', 'page', 'sort'],
	'GET /api/v1/accounts/{account_id}/csat_survey_responses/metrics': ['since', 'until', 'user_ids', 'inbox_id', 'team_id', 'rating', 'sort'],
	// portals_controller.rb#show:12 reads params[:locale]
	'GET /api/v1/accounts/{account_id}/portals/{id}': ['locale'],
	// categories_controller.rb#index:7 reads params[:locale]; Category.search (app/models/category.rb:68) reads locale and page
	'GET /api/v1/accounts/{account_id}/portals/{portal_id}/categories': ['locale', 'page'],
	// articles_controller.rb#list_params:79 params.permit(:locale, :query, :page, :category_slug, :status, :author_id)
	'GET /api/v1/accounts/{account_id}/portals/{portal_id}/articles': ['locale', 'query', 'page', 'category_slug', 'status', 'author_id'],
	// assignable_agents_controller.rb#permitted_params:21 params.permit(inbox_ids: [])
	'GET /api/v1/accounts/{account_id}/assignable_agents': ['inbox_ids'],
	// SearchService (app/services/search_service.rb): #search_query:29 q, page (:45, :174, :181), #apply_time_filter:184 since/until
	// (advanced_search); messages also #apply_sender_filter:121 from and #apply_inbox_id_filter:136 inbox_id (#apply_message_filters:113).
	// index searches all four types.
	'GET /api/v1/accounts/{account_id}/search': ['q', 'page', 'since', 'until', 'from', 'inbox_id'],
	'GET /api/v1/accounts/{account_id}/search/conversations': ['q', 'page', 'since', 'until'],
	'GET /api/v1/accounts/{account_id}/search/contacts': ['q', 'page', 'since', 'until'],
	'GET /api/v1/accounts/{account_id}/search/messages': ['q', 'page', 'since', 'until', 'from', 'inbox_id'],
	'GET /api/v1/accounts/{account_id}/search/articles': ['q', 'page', 'since', 'until'],
	// NotificationFinder (app/finders/notification_finder.rb) #type_included?:51 includes, #current_page:55 page, #sort_order:59 sort_order;
	// notifications_controller.rb#set_current_page:75 page (index only)
	'GET /api/v1/accounts/{account_id}/notifications': ['includes', 'page', 'sort_order'],
	'GET /api/v1/accounts/{account_id}/notifications/unread_count': ['includes'],
	// CSV reports: app/helpers/api/v2/accounts/reports_helper.rb#build_params:58 since, until, business_hours
	'GET /api/v2/accounts/{account_id}/reports/agents': ['since', 'until', 'business_hours'],
	'GET /api/v2/accounts/{account_id}/reports/inboxes': ['since', 'until', 'business_hours'],
	'GET /api/v2/accounts/{account_id}/reports/labels': ['since', 'until', 'business_hours'],
	'GET /api/v2/accounts/{account_id}/reports/teams': ['since', 'until', 'business_hours'],
	// reports_controller.rb#conversation_traffic:48 timezone_offset; app/helpers/api/v2/accounts/heatmap_helper.rb#since_timestamp:96 days_before
	'GET /api/v2/accounts/{account_id}/reports/conversation_traffic': ['timezone_offset', 'days_before'],
	// Inboxes::ContactsController `before_action :process_hmac` runs on show too and reads params[:identifier(_hash)]
	'GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}': ['identifier', 'identifier_hash'],
};

/** Body rules of the spec that the server does not enforce (API-NOTES §6). */
export const BODY_DEVIATIONS: Array<{ method: string; template: string; ignore: (error: Json) => boolean; reason: string }> = [
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/custom_attribute_definitions',
		ignore: (e) => String(e.instancePath).startsWith('/attribute_model'),
		reason: 'custom_attribute_definitions_controller.rb: with_attribute_model(params[:attribute_model]) takes the enum names (contact_attribute, conversation_attribute) as well as 0/1',
	},
	{
		method: 'GET',
		template: '/api/v2/accounts/{account_id}/reports/conversations',
		ignore: (e) => e.keyword === 'enum' && e.instancePath === '/type',
		reason: 'reports_controller.rb#conversation_params passes any type; V2::ReportBuilder#conversation_metrics answers agent metrics for every type but account (spec enum: account only)',
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/automation_rules',
		ignore: (e) => e.keyword === 'enum' && e.instancePath === '/event_name',
		reason: 'API-NOTES §1.7: conversation_opened is an event automation rules listen to (AutomationRuleListener#conversation_opened); the spec lists 4',
	},
	{
		method: 'PATCH',
		template: '/api/v1/accounts/{account_id}/automation_rules/{id}',
		ignore: (e) => e.keyword === 'enum' && e.instancePath === '/event_name',
		reason: 'API-NOTES §1.7: conversation_opened (see POST)',
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/contacts',
		ignore: (e) => e.keyword === 'required' && e.params?.missingProperty === 'inbox_id',
		reason: 'API-NOTES §6: inbox_id is optional in code',
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/webhooks',
		ignore: (e) => e.keyword === 'enum' && String(e.instancePath).startsWith('/subscriptions'),
		reason: 'API-NOTES §1.6/§6: 12 allowed subscriptions incl. inbox_created/inbox_updated; spec lists 10',
	},
	{
		method: 'PATCH',
		template: '/api/v1/accounts/{account_id}/webhooks/{webhook_id}',
		ignore: (e) => e.keyword === 'enum' && String(e.instancePath).startsWith('/subscriptions'),
		reason: 'API-NOTES §1.6/§6: 12 allowed subscriptions',
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/contacts',
		ignore: (e) => e.keyword === 'enum' && e.instancePath === '/sort',
		reason: 'API-NOTES §1.1: sort also accepts created_at, company_name, city, country (and - prefix)',
	},
	{
		method: 'GET',
		template: '/api/v1/accounts/{account_id}/contacts/search',
		ignore: (e) => e.keyword === 'enum' && e.instancePath === '/sort',
		reason: 'API-NOTES §1.1: sort also accepts created_at, company_name, city, country',
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/contacts/filter',
		ignore: (e) =>
			(/^\/payload\/\d+\/query_operator$/.test(String(e.instancePath)) && (e.keyword === 'type' || e.keyword === 'enum')) ||
			(/^\/payload\/\d+\/filter_operator$/.test(String(e.instancePath)) && e.keyword === 'enum'),
		reason:
			"API-NOTES §1.1: the last condition's query_operator is null (as in the spec's own example); FilterService accepts 9 operators, the spec lists 4",
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/conversations/filter',
		ignore: (e) =>
			(/^\/payload\/\d+\/query_operator$/.test(String(e.instancePath)) && (e.keyword === 'type' || e.keyword === 'enum')) ||
			(/^\/payload\/\d+\/filter_operator$/.test(String(e.instancePath)) && e.keyword === 'enum'),
		reason: "the last condition's query_operator is null (Filters::FilterHelper#validate_single_condition skips nil), as for contacts; FilterService accepts more operators than the spec lists",
	},
	{
		method: 'PATCH',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}',
		ignore: (e) => e.instancePath === '/priority' && (e.keyword === 'type' || e.keyword === 'enum'),
		reason: 'Conversation#priority is a Rails enum (low/medium/high/urgent): null clears it; the spec\'s "none" is not a value of that enum',
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments',
		ignore: (e) => e.keyword === 'type' && e.instancePath === '/assignee_id',
		reason: 'API-NOTES §1.2: assignee_id null unassigns',
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_priority',
		ignore: (e) => (e.keyword === 'enum' || e.keyword === 'type') && e.instancePath === '/priority',
		reason: 'API-NOTES §0: empty/null priority clears it',
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/conversations',
		ignore: (e) => e.keyword === 'required' && e.params?.missingProperty === 'source_id',
		reason: 'API-NOTES §1.2: source_id OR inbox_id + contact_id (ConversationsController#contact_inbox builds the contact inbox)',
	},
	{
		method: 'PATCH',
		template: '/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages/{message_id}',
		ignore: (e) => e.keyword === 'type' && e.instancePath === '/submitted_values',
		reason: 'Client API message update: Chatwoot\'s own widget sends submitted_values as an array of {name|title, value} for form and input_select replies; the spec\'s object shape fits CSAT only',
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/inboxes/{id}/set_agent_bot',
		ignore: (e) => e.keyword === 'type' && e.instancePath === '/agent_bot',
		reason: 'InboxesController#set_agent_bot: `agent_bot: null` (or absent) disconnects the inbox bot; the spec types it as a number only',
	},
];

/**
 * Body fields Chatwoot reads that the spec's schema does not name (JSON pointer of the field, `*` = any index).
 * Each one cites the Chatwoot file (at f66b551c) that permits it.
 */
export const UNDOCUMENTED_BODY_FIELDS: Array<{ method: string; template: string; fields: string[]; reason: string }> = [
	// issue 14 part A: Chatwoot's controllers read the nested key directly
	{ method: 'POST', template: '/api/v1/accounts/{account_id}/canned_responses', fields: ['/canned_response'], reason: 'canned_responses_controller.rb#canned_response_params: params.require(:canned_response) (the nested form wrap_parameters builds from the spec\'s flat body)' },
	// issue 14 part A: Chatwoot's controllers read the nested key directly
	{ method: 'PATCH', template: '/api/v1/accounts/{account_id}/canned_responses/{id}', fields: ['/canned_response'], reason: 'canned_responses_controller.rb: params.require(:canned_response)' },
	// issue 14 part A: Chatwoot's controllers read the nested key directly
	{ method: 'POST', template: '/api/v1/accounts/{account_id}/custom_attribute_definitions', fields: ['/custom_attribute_definition'], reason: 'custom_attribute_definitions_controller.rb#permitted_payload: params.require(:custom_attribute_definition)' },
	// issue 14 part A: Chatwoot's controllers read the nested key directly
	{ method: 'PATCH', template: '/api/v1/accounts/{account_id}/custom_attribute_definitions/{id}', fields: ['/custom_attribute_definition'], reason: 'custom_attribute_definitions_controller.rb: params.require(:custom_attribute_definition)' },
	// issue 14 part A: Chatwoot's controllers read the nested key directly
	{ method: 'POST', template: '/api/v1/accounts/{account_id}/custom_filters', fields: ['/custom_filter'], reason: 'custom_filters_controller.rb#permitted_payload: params.require(:custom_filter).permit(:name, :filter_type, query: {}) (the spec\'s flat `type` is not read)' },
	// issue 14 part A: Chatwoot's controllers read the nested key directly
	{ method: 'PATCH', template: '/api/v1/accounts/{account_id}/custom_filters/{custom_filter_id}', fields: ['/custom_filter'], reason: 'custom_filters_controller.rb: params.require(:custom_filter)' },
	// issue 14 part A: Chatwoot's controllers read the nested key directly
	{ method: 'POST', template: '/api/v1/accounts/{account_id}/integrations/hooks', fields: ['/hook'], reason: 'integrations/hooks_controller.rb#permitted_params: params.require(:hook).permit(:app_id, :inbox_id, :status, settings: {})' },
	// issue 14 part A: Chatwoot's controllers read the nested key directly
	{ method: 'PATCH', template: '/api/v1/accounts/{account_id}/integrations/hooks/{hook_id}', fields: ['/hook'], reason: 'integrations/hooks_controller.rb: params.require(:hook) (update takes status and settings)' },
	{
		method: 'POST',
		template: '/platform/api/v1/accounts',
		fields: ['/features'],
		reason: 'platform/api/v1/accounts_controller.rb#permitted_params permits features: {} (#update_resource_features enables/disables each)',
	},
	{
		method: 'PATCH',
		template: '/platform/api/v1/accounts/{account_id}',
		fields: ['/features'],
		reason: 'platform/api/v1/accounts_controller.rb#permitted_params permits features: {}',
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/contacts',
		fields: ['/source_id'],
		reason: 'contacts_controller.rb#build_contact_inbox passes params[:source_id] to ContactInboxBuilder with inbox_id',
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages',
		fields: ['/echo_id', '/source_id', '/external_created_at'],
		reason: 'app/builders/messages/message_builder.rb#message_params reads echo_id and source_id, #external_created_at reads external_created_at',
	},
	{
		method: 'POST',
		template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments',
		fields: ['/assignee_type'],
		reason: 'conversations/assignments_controller.rb#set_agent passes params[:assignee_type] (AgentBot assignment) to Conversations::AssignmentService',
	},
	{
		method: 'POST',
		template: '/public/api/v1/inboxes/{inbox_identifier}/contacts',
		fields: ['/source_id', '/avatar_url'],
		reason: 'public/api/v1/inboxes/contacts_controller.rb#create: source_id = params[:source_id]; permitted_params include avatar_url',
	},
	{
		method: 'PATCH',
		template: '/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}',
		fields: ['/avatar_url'],
		reason: 'public/api/v1/inboxes/contacts_controller.rb#permitted_params include avatar_url',
	},
];

/** Routes that accept multipart/form-data although the spec declares only JSON (API-NOTES §2). */
export const UNDOCUMENTED_MULTIPART: Array<{ method: string; template: string; reason: string }> = [
	{ method: 'POST', template: '/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages', reason: 'API-NOTES §2: Client API message create takes attachments[] as multipart' },
];

let cache: { spec: Json; operations: SpecOperation[]; ajv: Ajv2020 } | undefined;

function load() {
	if (cache) return cache;
	const spec = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8')) as Json;
	const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
	ajv.addSchema({ ...spec, $id: 'chatwoot-spec' }, 'chatwoot-spec');
	const operations: SpecOperation[] = [];
	for (const [template, item] of Object.entries(spec.paths as Json)) {
		for (const [method, operation] of Object.entries(item as Json)) {
			if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
			const params = [...((item as Json).parameters ?? []), ...((operation as Json).parameters ?? [])].map((p: Json) =>
				p.$ref ? resolveRef(spec, p.$ref) : p,
			);
			const query = params.filter((p: Json) => p?.in === 'query');
			const queryNames = new Set<string>(query.map((p: Json) => String(p.name)));
			const querySchemas = new Map<string, Json>(query.filter((p: Json) => p.schema).map((p: Json) => [String(p.name), p.schema as Json]));
			operations.push(makeOperation(method.toUpperCase(), template, operation as Json, queryNames, querySchemas));
		}
	}
	for (const route of UNDOCUMENTED_ROUTES) {
		operations.push(makeOperation(route.method, route.template, { undocumented: route.reason, bodyFields: route.body }, new Set(), new Map()));
	}
	// Not-in-spec routes of the node's route table without an UNDOCUMENTED_ROUTES entry: matched by route only
	// (uncheckedUndocumentedRoutes() names them).
	for (const route of routeTableOnly()) {
		operations.push(makeOperation(route.method, route.path, { undocumented: `API-NOTES ${route.source} [not in spec]` }, new Set(), new Map()));
	}
	cache = { spec, operations, ajv };
	return cache;
}

function makeOperation(method: string, template: string, operation: Json, queryNames: Set<string>, querySchemas: Map<string, Json>): SpecOperation {
	const segments = template.split('/').filter(Boolean);
	const pattern = segments.map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
	return {
		method,
		template,
		regex: new RegExp(`^/${pattern}/?$`),
		literalSegments: segments.filter((s) => !s.startsWith('{')).length,
		operation,
		queryNames,
		querySchemas,
	};
}

/**
 * The schema with every $ref inlined and `additionalProperties: false` on each object schema that
 * lists `properties` (unless it says otherwise). Combinator branches (allOf/anyOf/oneOf) are left
 * open, since closing each branch would reject the other branches' fields.
 */
function strictSchema(spec: Json, schema: Json, seen: string[] = [], inCombinator = false): Json {
	if (Array.isArray(schema)) return schema.map((s) => strictSchema(spec, s, seen, inCombinator));
	if (!schema || typeof schema !== 'object') return schema;
	if (typeof schema.$ref === 'string') {
		if (seen.includes(schema.$ref)) return {};
		return strictSchema(spec, resolveRef(spec, schema.$ref), [...seen, schema.$ref], inCombinator);
	}
	const out: Json = {};
	for (const [key, value] of Object.entries(schema)) {
		if (key === 'properties' && value && typeof value === 'object') {
			out.properties = Object.fromEntries(Object.entries(value as Json).map(([name, sub]) => [name, strictSchema(spec, sub as Json, seen)]));
		} else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
			out[key] = (value as Json[]).map((sub) => strictSchema(spec, sub, seen, true));
		} else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
			out[key] = strictSchema(spec, value as Json, seen);
		} else {
			out[key] = value;
		}
	}
	if (out.properties && out.additionalProperties === undefined && !inCombinator && !out.allOf && !out.anyOf && !out.oneOf) {
		out.additionalProperties = false;
	}
	return out;
}

/** JSON pointer with array indexes replaced by `*`, e.g. /payload/0/values → /payload/ * /values. */
function fieldPointer(instancePath: string, property: string): string {
	return `${instancePath.replace(/\/\d+(?=\/|$)/g, '/*')}/${property}`;
}

function resolveRef(spec: Json, ref: string): Json {
	return ref
		.replace(/^#\//, '')
		.split('/')
		.reduce((node: Json, key) => node?.[key], spec);
}

export function findOperation(method: string, requestPath: string): SpecOperation | undefined {
	const pathOnly = requestPath.split('?')[0];
	const candidates = load().operations.filter((op) => op.method === method.toUpperCase() && op.regex.test(pathOnly));
	candidates.sort((a, b) => b.literalSegments - a.literalSegments);
	return candidates[0];
}

function isMultipart(request: LoggedRequest): boolean {
	const type = request.contentType ?? String(request.headers?.['content-type'] ?? '');
	return /multipart\/form-data/i.test(type);
}

/** Returns the problems of one request; empty when it matches the spec or a documented deviation. */
export function checkRequest(request: LoggedRequest): string[] {
	const label = `${request.method} ${request.path}`;
	const op = findOperation(request.method, request.path);
	if (!op) return [`${label}: no such operation in Chatwoot's spec and no documented deviation`];
	if (op.operation.undocumented) return checkUndocumented(request, op, label);
	const problems: string[] = [];
	const key = `${op.method} ${op.template}`;
	const allowedQuery = new Set([...op.queryNames, ...(UNDOCUMENTED_QUERY[key] ?? [])]);
	const { spec } = load();
	for (const [name, value] of Object.entries(request.query ?? {})) {
		const bare = name.replace(/\[\]$/, '');
		if (!allowedQuery.has(bare)) {
			problems.push(`${label}: query parameter "${bare}" is not declared for ${key}`);
			continue;
		}
		const schema = op.querySchemas.get(bare);
		if (!schema) continue;
		const validate = queryValidator(strictSchema(spec, schema));
		const values = Array.isArray(value) && schema.type !== 'array' ? value : [value];
		for (const one of values) {
			const candidate = schema.type === 'array' && !Array.isArray(one) ? [one] : one;
			if (!validate(candidate)) {
				const deviations = BODY_DEVIATIONS.filter((d) => d.method === op.method && d.template === op.template);
				for (const error of validate.errors ?? []) {
					if (deviations.some((d) => d.ignore({ ...error, instancePath: `/${bare}${error.instancePath}` } as Json))) continue;
					problems.push(`${label}: query ${bare}=${JSON.stringify(one)} ${error.message}`);
				}
			}
		}
	}
	const content = op.operation.requestBody?.content as Json | undefined;
	const hasBody = request.body !== undefined && request.body !== null && !(typeof request.body === 'object' && Object.keys(request.body as object).length === 0);
	if (hasBody && !content) {
		problems.push(`${label}: sends a body, but ${key} declares none`);
	} else if (hasBody && content) {
		const media = isMultipart(request) ? 'multipart/form-data' : 'application/json';
		const schema = content[media]?.schema as Json | undefined;
		const multipartDeviation = UNDOCUMENTED_MULTIPART.some((d) => d.method === op.method && d.template === op.template);
		if (!schema && media === 'multipart/form-data' && multipartDeviation) {
			// documented deviation: fields are checked by the operation's own tests
		} else if (!schema) {
			problems.push(`${label}: ${media} body is not declared for ${key}`);
		} else if (media === 'application/json') {
			const validate = bodyValidator(key, () => strictSchema(spec, schema));
			if (!validate(request.body)) {
				const deviations = BODY_DEVIATIONS.filter((d) => d.method === op.method && d.template === op.template);
				const extraFields = UNDOCUMENTED_BODY_FIELDS.filter((d) => d.method === op.method && d.template === op.template).flatMap((d) => d.fields);
				for (const error of validate.errors ?? []) {
					if (deviations.some((d) => d.ignore(error as Json))) continue;
					if (error.keyword === 'additionalProperties') {
						const field = fieldPointer(error.instancePath, String(error.params.additionalProperty));
						if (extraFields.includes(field)) continue;
						problems.push(`${label}: body field ${field} is not in the spec's schema for ${key} (nor a documented deviation)`);
						continue;
					}
					problems.push(`${label}: body ${error.instancePath || '/'} ${error.message}`);
				}
			}
		}
	}
	return problems;
}

const bodyValidators = new Map<string, ReturnType<Ajv2020['compile']>>();
function bodyValidator(key: string, schema: () => Json) {
	let validate = bodyValidators.get(key);
	if (!validate) {
		validate = load().ajv.compile(schema());
		bodyValidators.set(key, validate);
	}
	return validate;
}

let queryAjv: Ajv2020 | undefined;
const queryValidators = new Map<string, ReturnType<Ajv2020['compile']>>();
/** Query values arrive as strings: checked with type coercion ("2" is a valid integer, "banana" is not). */
function queryValidator(schema: Json) {
	const id = JSON.stringify(schema);
	let validate = queryValidators.get(id);
	if (!validate) {
		queryAjv ??= new Ajv2020({ strict: false, allErrors: true, validateFormats: false, coerceTypes: 'array' });
		validate = queryAjv.compile(schema);
		queryValidators.set(id, validate);
	}
	return validate;
}

/** `/portals/{portal_slug}` and `/portals/{id}` are one route: parameter names do not matter. */
function sameTemplate(a: string, b: string): boolean {
	const bare = (t: string) => t.replace(/\{[^}]+\}/g, '{}');
	return bare(a) === bare(b);
}

/** Not-in-spec routes of the node's route table (nodes/Chatwoot/actions/routes.ts) that have no UNDOCUMENTED_ROUTES entry. */
function routeTableOnly() {
	return CHATWOOT_ROUTES.filter((route) => route.source !== 'spec' && !UNDOCUMENTED_ROUTES.some((u) => u.method === route.method && sameTemplate(u.template, route.path)));
}

/**
 * Undocumented routes whose requests are matched by route only: entries without a `body` field list, and
 * not-in-spec routes of the route table that have no UNDOCUMENTED_ROUTES entry at all.
 */
export function uncheckedUndocumentedRoutes(): string[] {
	return [
		...UNDOCUMENTED_ROUTES.filter((r) => r.body === undefined).map((r) => `${r.method} ${r.template}`),
		...routeTableOnly().map((r) => `${r.method} ${r.path}`),
	];
}

/** An undocumented route with a field list: no query parameters unless listed in UNDOCUMENTED_QUERY, body fields only from its list. */
function checkUndocumented(request: LoggedRequest, op: SpecOperation, label: string): string[] {
	if (op.operation.bodyFields === undefined) return [];
	const problems: string[] = [];
	const key = `${op.method} ${op.template}`;
	const allowedQuery = new Set(UNDOCUMENTED_QUERY[key] ?? []);
	for (const name of Object.keys(request.query ?? {})) {
		const bare = name.replace(/\[\]$/, '');
		if (!allowedQuery.has(bare)) problems.push(`${label}: query parameter "${bare}" is not documented for ${key}`);
	}
	const body = request.body;
	if (body === undefined || body === null || typeof body !== 'object' || Object.keys(body as object).length === 0) return problems;
	const fields = op.operation.bodyFields as string[];
	const sameAs = fields.find((f) => f.startsWith('*'));
	if (sameAs) {
		const [method] = sameAs.slice(1).split(' ');
		return problems.concat(checkRequest({ ...request, method, path: request.path, query: {} }).map((p) => p.replace(`${method} `, `${op.method} `)));
	}
	for (const name of Object.keys(body as object)) {
		if (!fields.includes(name)) problems.push(`${label}: body field /${name} is not documented for ${key}`);
	}
	return problems;
}

/** Jest helper: fails with every problem of every request (control-API calls are skipped). */
export function expectRequestsMatchSpec(requests: LoggedRequest[]): void {
	const relevant = requests.filter((r) => !r.path.startsWith('/__sim') && !r.path.startsWith('/rails/'));
	if (relevant.length === 0) throw new Error('No Chatwoot requests were logged: nothing to check');
	const problems = relevant.flatMap(checkRequest);
	if (problems.length) throw new Error(`Requests that do not match Chatwoot's spec:\n${[...new Set(problems)].join('\n')}`);
}
