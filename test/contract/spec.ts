/**
 * Contract check: does a request we sent match an operation of Chatwoot's official OpenAPI
 * spec (v4.15.0, docs/chatwoot/swagger.json)? Where the spec is wrong or silent, the
 * request must match a deviation documented in API-NOTES (listed below with its reason).
 */
import Ajv2020 from 'ajv/dist/2020';
import * as fs from 'fs';
import * as path from 'path';

export const SPEC_PATH = path.resolve(__dirname, '../../docs/chatwoot/swagger.json');

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
}

/** Routes Chatwoot serves that the spec does not list (API-NOTES §1, marked [not in spec]). */
export const UNDOCUMENTED_ROUTES: Array<{ method: string; template: string; reason: string }> = [
	{ method: 'PATCH', template: '/api/v1/accounts/{account_id}/contacts/{id}', reason: 'API-NOTES §1.1: PUT/PATCH both update a contact' },
	{ method: 'PATCH', template: '/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{message_id}', reason: 'API-NOTES §1.3: message status update, API inboxes only [not in spec]' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/contacts/{id}/notes', reason: 'API-NOTES §1.1 [not in spec]' },
	{ method: 'POST', template: '/api/v1/accounts/{account_id}/contacts/{id}/notes', reason: 'API-NOTES §1.1 [not in spec]' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}', reason: 'API-NOTES §1.11: account show' },
	{ method: 'POST', template: '/api/v1/accounts/{account_id}/inboxes/{id}/reset_secret', reason: 'API-NOTES §1.4 [not in spec]' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/conversations/search', reason: 'API-NOTES §1.2 [not in spec]' },
	{ method: 'GET', template: '/platform/api/v1/accounts', reason: 'API-NOTES §3: the accounts a platform app created (Platform::Api::V1::AccountsController#index) [not in spec]' },
	// automation, reports, help center (issue 14 part B; Chatwoot f66b551c config/routes.rb)
	{ method: 'POST', template: '/api/v1/accounts/{account_id}/automation_rules/{id}/clone', reason: 'API-NOTES §1.7 [not in spec]: routes.rb `post :clone`' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/macros', reason: 'API-NOTES §1.7 [not in spec]: MacrosController' },
	{ method: 'POST', template: '/api/v1/accounts/{account_id}/macros', reason: 'API-NOTES §1.7 [not in spec]' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/macros/{id}', reason: 'API-NOTES §1.7 [not in spec]' },
	{ method: 'PATCH', template: '/api/v1/accounts/{account_id}/macros/{id}', reason: 'API-NOTES §1.7 [not in spec]' },
	{ method: 'DELETE', template: '/api/v1/accounts/{account_id}/macros/{id}', reason: 'API-NOTES §1.7 [not in spec]' },
	{ method: 'POST', template: '/api/v1/accounts/{account_id}/macros/{id}/execute', reason: 'API-NOTES §1.7 [not in spec]: MacrosController#execute' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/campaigns', reason: 'API-NOTES §1.7 [not in spec]: CampaignsController' },
	{ method: 'POST', template: '/api/v1/accounts/{account_id}/campaigns', reason: 'API-NOTES §1.7 [not in spec]' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/campaigns/{id}', reason: 'API-NOTES §1.7 [not in spec]' },
	{ method: 'PATCH', template: '/api/v1/accounts/{account_id}/campaigns/{id}', reason: 'API-NOTES §1.7 [not in spec]' },
	{ method: 'DELETE', template: '/api/v1/accounts/{account_id}/campaigns/{id}', reason: 'API-NOTES §1.7 [not in spec]' },
	{ method: 'GET', template: '/api/v2/accounts/{account_id}/summary_reports/label', reason: 'API-NOTES §1.8 [not in spec]: SummaryReportsController#label' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/csat_survey_responses', reason: 'API-NOTES §1.8 [not in spec]: CsatSurveyResponsesController#index' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/csat_survey_responses/metrics', reason: 'API-NOTES §1.8 [not in spec]: #metrics' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/portals/{id}', reason: 'API-NOTES §1.9 [not in spec]: PortalsController#show (by slug)' },
	{ method: 'DELETE', template: '/api/v1/accounts/{account_id}/portals/{id}', reason: 'API-NOTES §1.9 [not in spec]' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/portals/{portal_id}/categories', reason: 'API-NOTES §1.9 [not in spec]: CategoriesController' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/portals/{portal_id}/categories/{id}', reason: 'API-NOTES §1.9 [not in spec]' },
	{ method: 'PATCH', template: '/api/v1/accounts/{account_id}/portals/{portal_id}/categories/{id}', reason: 'API-NOTES §1.9 [not in spec]' },
	{ method: 'DELETE', template: '/api/v1/accounts/{account_id}/portals/{portal_id}/categories/{id}', reason: 'API-NOTES §1.9 [not in spec]' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/portals/{portal_id}/articles', reason: 'API-NOTES §1.9 [not in spec]: ArticlesController' },
	{ method: 'GET', template: '/api/v1/accounts/{account_id}/portals/{portal_id}/articles/{id}', reason: 'API-NOTES §1.9 [not in spec]' },
	{ method: 'PATCH', template: '/api/v1/accounts/{account_id}/portals/{portal_id}/articles/{id}', reason: 'API-NOTES §1.9 [not in spec]' },
	{ method: 'DELETE', template: '/api/v1/accounts/{account_id}/portals/{portal_id}/articles/{id}', reason: 'API-NOTES §1.9 [not in spec]' },
];

/** Query parameters the server reads although the spec does not declare them (API-NOTES §1, §6). */
export const UNDOCUMENTED_QUERY: Record<string, string[]> = {
	'GET /api/v1/accounts/{account_id}/contacts': ['labels', 'include_contact_inboxes'],
	'GET /api/v1/accounts/{account_id}/contacts/search': ['include_contact_inboxes'],
	'GET /api/v1/accounts/{account_id}/conversations': ['sort_by', 'conversation_type', 'source_id', 'updated_within'],
	'GET /api/v1/accounts/{account_id}/contacts/{id}': ['include_contact_inboxes'],
	'GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages': ['before'],
	// Platform::Api::V1::AccountUsersController#destroy reads params[:user_id]; the spec declares no parameter or body at all.
	'DELETE /platform/api/v1/accounts/{account_id}/account_users': ['user_id'],
	// ReportsController#common_params / report_params (Chatwoot f66b551c)
	'GET /api/v2/accounts/{account_id}/reports': ['group_by', 'business_hours', 'timezone_offset'],
	'GET /api/v2/accounts/{account_id}/reports/summary': ['business_hours'],
	'GET /api/v2/accounts/{account_id}/reports/conversations': ['page'],
	'GET /api/v2/accounts/{account_id}/reports/conversations/': ['page'],
	// Inboxes::ContactsController `before_action :process_hmac` runs on show too and reads params[:identifier(_hash)]
	'GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}': ['identifier', 'identifier_hash'],
};

/** Body rules of the spec that the server does not enforce (API-NOTES §6). */
export const BODY_DEVIATIONS: Array<{ method: string; template: string; ignore: (error: Json) => boolean; reason: string }> = [
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
		ignore: (e) => /^\/payload\/\d+\/query_operator$/.test(String(e.instancePath)) && (e.keyword === 'type' || e.keyword === 'enum'),
		reason: "the last condition's query_operator is null (Filters::FilterHelper#validate_single_condition skips nil), as for contacts",
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
			const queryNames = new Set<string>(params.filter((p: Json) => p?.in === 'query').map((p: Json) => String(p.name)));
			operations.push(makeOperation(method.toUpperCase(), template, operation as Json, queryNames));
		}
	}
	for (const route of UNDOCUMENTED_ROUTES) {
		operations.push(makeOperation(route.method, route.template, { undocumented: route.reason }, new Set()));
	}
	cache = { spec, operations, ajv };
	return cache;
}

function makeOperation(method: string, template: string, operation: Json, queryNames: Set<string>): SpecOperation {
	const segments = template.split('/').filter(Boolean);
	const pattern = segments.map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
	return {
		method,
		template,
		regex: new RegExp(`^/${pattern}/?$`),
		literalSegments: segments.filter((s) => !s.startsWith('{')).length,
		operation,
		queryNames,
	};
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
	if (op.operation.undocumented) return [];
	const problems: string[] = [];
	const key = `${op.method} ${op.template}`;
	const allowedQuery = new Set([...op.queryNames, ...(UNDOCUMENTED_QUERY[key] ?? [])]);
	for (const name of Object.keys(request.query ?? {})) {
		const bare = name.replace(/\[\]$/, '');
		if (!allowedQuery.has(bare)) problems.push(`${label}: query parameter "${bare}" is not declared for ${key}`);
	}
	const { ajv, spec } = load();
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
			const resolved = schema.$ref ? { $ref: `chatwoot-spec${schema.$ref}` } : rewriteRefs(schema);
			const validate = ajv.compile(resolved);
			if (!validate(request.body)) {
				const deviations = BODY_DEVIATIONS.filter((d) => d.method === op.method && d.template === op.template);
				for (const error of validate.errors ?? []) {
					if (deviations.some((d) => d.ignore(error as Json))) continue;
					problems.push(`${label}: body ${error.instancePath || '/'} ${error.message}`);
				}
			}
		}
	}
	void spec;
	return problems;
}

function rewriteRefs(schema: unknown): any {
	if (Array.isArray(schema)) return schema.map(rewriteRefs);
	if (schema && typeof schema === 'object') {
		const out: Json = {};
		for (const [k, v] of Object.entries(schema)) out[k] = k === '$ref' && typeof v === 'string' ? `chatwoot-spec${v}` : rewriteRefs(v);
		return out;
	}
	return schema;
}

/** Jest helper: fails with every problem of every request (control-API calls are skipped). */
export function expectRequestsMatchSpec(requests: LoggedRequest[]): void {
	const relevant = requests.filter((r) => !r.path.startsWith('/__sim') && !r.path.startsWith('/rails/'));
	if (relevant.length === 0) throw new Error('No Chatwoot requests were logged: nothing to check');
	const problems = relevant.flatMap(checkRequest);
	if (problems.length) throw new Error(`Requests that do not match Chatwoot's spec:\n${[...new Set(problems)].join('\n')}`);
}
