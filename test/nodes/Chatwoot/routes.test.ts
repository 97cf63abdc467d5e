/* Coverage proof for the Application API: every operation of Chatwoot's spec and every
 * not-in-spec route of API-NOTES §1.5–§1.11 is reached by a named operation of the Chatwoot
 * node, excluded with a reason, or pending (listed by name as a todo until it is built). */
import * as fs from 'fs';
import * as path from 'path';

import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';
import { resources } from '../../../nodes/Chatwoot/actions/resources';
import { CHATWOOT_ROUTES } from '../../../nodes/Chatwoot/actions/routes';

const spec = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/chatwoot/application_swagger.json'), 'utf8'));
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const key = (method: string, p: string) => `${method.toUpperCase()} ${p}`;

const specOperations: string[] = [];
for (const [p, item] of Object.entries(spec.paths as Record<string, Record<string, unknown>>)) {
	for (const method of Object.keys(item)) if (METHODS.includes(method)) specOperations.push(key(method, p));
}

/**
 * The routes API-NOTES §1.5–§1.11 lists that the spec does not (read off the notes by hand;
 * a route added to the notes belongs here and in nodes/Chatwoot/actions/routes.ts).
 */
const A = '/api/v1/accounts/{account_id}';
const R = '/api/v2/accounts/{account_id}';
const NOTES_ROUTES = [
	// §1.5
	`POST ${A}/agents/bulk_create`,
	`GET ${A}/assignable_agents`,
	// §1.7
	`POST ${A}/automation_rules/{id}/clone`,
	`DELETE ${A}/agent_bots/{id}/avatar`,
	`POST ${A}/agent_bots/{id}/reset_access_token`,
	`POST ${A}/agent_bots/{id}/reset_secret`,
	`GET ${A}/macros`,
	`POST ${A}/macros`,
	`GET ${A}/macros/{id}`,
	`PATCH ${A}/macros/{id}`,
	`DELETE ${A}/macros/{id}`,
	`POST ${A}/macros/{id}/execute`,
	`GET ${A}/campaigns`,
	`POST ${A}/campaigns`,
	`GET ${A}/campaigns/{id}`,
	`PATCH ${A}/campaigns/{id}`,
	`DELETE ${A}/campaigns/{id}`,
	`POST ${A}/bulk_actions`,
	// §1.8
	`GET ${R}/summary_reports/label`,
	`GET ${R}/reports/agents`,
	`GET ${R}/reports/inboxes`,
	`GET ${R}/reports/labels`,
	`GET ${R}/reports/teams`,
	`GET ${R}/reports/conversation_traffic`,
	`GET ${R}/reports/bot_metrics`,
	`GET ${R}/reports/bot_summary`,
	`GET ${R}/live_reports/conversation_metrics`,
	`GET ${A}/csat_survey_responses`,
	// §1.9 (portals by slug; categories and articles beyond create)
	`GET ${A}/portals/{portal_slug}`,
	`DELETE ${A}/portals/{portal_slug}`,
	`GET ${A}/portals/{portal_slug}/categories`,
	`GET ${A}/portals/{portal_slug}/categories/{id}`,
	`PATCH ${A}/portals/{portal_slug}/categories/{id}`,
	`DELETE ${A}/portals/{portal_slug}/categories/{id}`,
	`GET ${A}/portals/{portal_slug}/articles`,
	`GET ${A}/portals/{portal_slug}/articles/{id}`,
	`PATCH ${A}/portals/{portal_slug}/articles/{id}`,
	`DELETE ${A}/portals/{portal_slug}/articles/{id}`,
	// §1.10
	`GET ${A}/integrations/apps/{id}`,
	`POST ${A}/integrations/hooks/{hook_id}/process_event`,
	`POST ${A}/integrations/slack`,
	// §1.11
	`POST /api/v1/profile/availability`,
	`GET ${A}/search`,
	`GET ${A}/search/conversations`,
	`GET ${A}/search/contacts`,
	`GET ${A}/search/messages`,
	`GET ${A}/search/articles`,
	`GET ${A}/notifications`,
	`POST ${A}/notifications/read_all`,
	`GET ${A}/notifications/unread_count`,
	`GET ${A}/dashboard_apps`,
	`GET ${A}/sla_policies`,
	`GET ${A}/custom_roles`,
	`GET ${A}/assignment_policies`,
];

/** Operations the issue asks for on existing resources and in §1.1–§1.3 that are not in the spec. */
const EXTRA_ROUTES = [
	`GET ${A}/contacts/{id}/notes`,
	`POST ${A}/conversations/{conversation_id}/mute`,
	`POST ${A}/conversations/{conversation_id}/unmute`,
	`POST ${A}/conversations/{conversation_id}/unread`,
	`POST ${A}/conversations/{conversation_id}/transcript`,
	`GET ${A}/conversations/{conversation_id}/participants`,
	`POST ${A}/conversations/{conversation_id}/participants`,
	`DELETE ${A}/conversations/{conversation_id}/participants`,
];

const rows = new Map(CHATWOOT_ROUTES.map((row) => [key(row.method, row.path), row]));
const description = new Chatwoot().description;

function operationExists(name: string): boolean {
	const [resource, operation] = name.split('.');
	if (!resources[resource]?.operations[operation]) return false;
	const selector = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource));
	return !!selector?.options?.some((o) => 'value' in o && o.value === operation);
}

describe('Application API coverage (nodes/Chatwoot/actions/routes.ts)', () => {
	it(`has a row for each of the spec's ${specOperations.length} operations`, () => {
		const missing = specOperations.filter((op) => !rows.has(op));
		expect(missing).toEqual([]);
	});

	it('has a row for every not-in-spec route of API-NOTES §1.5–§1.11 and the issue', () => {
		const missing = [...NOTES_ROUTES, ...EXTRA_ROUTES].filter((op) => !rows.has(op));
		expect(missing).toEqual([]);
	});

	it('lists each route once, and each row says exactly one of: reached, excluded, pending', () => {
		expect(rows.size).toBe(CHATWOOT_ROUTES.length);
		const unclear = CHATWOOT_ROUTES.filter((row) => [row.to?.length, row.excluded, row.pending?.length].filter(Boolean).length !== 1);
		expect(unclear.map((row) => key(row.method, row.path))).toEqual([]);
	});

	it('names a source for not-in-spec rows and gives every exclusion a reason', () => {
		const specSet = new Set(specOperations);
		const wrongSource = CHATWOOT_ROUTES.filter((row) => (row.source === 'spec') !== specSet.has(key(row.method, row.path)));
		expect(wrongSource.map((row) => `${key(row.method, row.path)} (${row.source})`)).toEqual([]);
		const noReason = CHATWOOT_ROUTES.filter((row) => row.excluded !== undefined && row.excluded.trim().length < 15);
		expect(noReason.map((row) => key(row.method, row.path))).toEqual([]);
	});

	it('points every reached route at an operation the node offers', () => {
		const broken = CHATWOOT_ROUTES.flatMap((row) => (row.to ?? []).filter((op) => !operationExists(op)).map((op) => `${key(row.method, row.path)} → ${op}`));
		expect(broken).toEqual([]);
	});

	it('marks no built operation as pending (flip the row to `to` when you build it)', () => {
		const built = CHATWOOT_ROUTES.flatMap((row) => (row.pending ?? []).filter(operationExists).map((op) => `${key(row.method, row.path)} → ${op}`));
		expect(built).toEqual([]);
	});

	const pendingRows = CHATWOOT_ROUTES.filter((row) => row.pending?.length);
	for (const row of pendingRows) it.todo(`pending: ${key(row.method, row.path)} → ${row.pending!.join(', ')}`);
});

describe('README routes table', () => {
	it('is generated from the route table (node scripts/routes-table.js)', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { update } = require('../../../scripts/routes-table.js') as { update: (readme: string, routes: unknown) => string };
		const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
		expect(update(readme, CHATWOOT_ROUTES)).toBe(readme);
	});
});
