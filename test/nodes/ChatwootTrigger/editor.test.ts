/**
 * What a new user sees of the Chatwoot Trigger in n8n's editor (issue 17, points 3, 4, 5): one short notice
 * for what fails silently, the loop guard visible without opening Options, only API inboxes for the API Inbox
 * Callback source.
 */
import type { INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../../credentials/ChatwootSuiteApi.credentials';
import { ChatwootTrigger } from '../../../nodes/ChatwootTrigger/ChatwootTrigger.node';
import { loadOptions } from '../../helpers/n8n-harness';
import { seedBasics, startEnv } from './setup';
import type { Env, Simulator } from './setup';

const README = 'https://github.com/n8n-nodes-chatwoot-suite/n8n-nodes-chatwoot-suite';
const description = new ChatwootTrigger().description;

/** The top-level parameters n8n shows for a source (displayOptions.show.source). */
function shown(source: string): INodeProperties[] {
	return description.properties.filter((p) => {
		const only = p.displayOptions?.show?.source;
		return !only || only.includes(source);
	});
}

const words = (text: string) => text.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;

describe('point 3: one short notice', () => {
	it.each(['accountWebhook', 'apiInbox'])('source %s shows exactly one notice, short, about private networks, linking the README', (source) => {
		const notices = shown(source).filter((p) => p.type === 'notice');
		expect(notices).toHaveLength(1);
		const text = notices[0].displayName;
		expect(words(text)).toBeLessThanOrEqual(40);
		expect(text).toMatch(/SAFE_FETCH_ALLOW_PRIVATE_NETWORK/);
		expect(text).toContain(`href="${README}#chatwoot-trigger"`);
	});

	it('the signature explanation lives in the Signature Tolerance field', () => {
		const options = description.properties.find((p) => p.name === 'options')!.options as INodeProperties[];
		expect(options.find((o) => o.name === 'signatureTolerance')!.description).toMatch(/X-Chatwoot-Signature/);
	});

	it('the API inbox explanation lives in its Events field', () => {
		const events = shown('apiInbox').find((p) => p.name === 'events')!;
		expect(events.description).toMatch(/without subscriptions/);
	});
});

describe('point 4: the loop guard is visible', () => {
	/** n8n evaluates the subtitle as an expression with $parameter; the same JavaScript here. */
	function subtitle(parameters: Record<string, unknown>): string {
		const expression = String(description.subtitle).replace(/^=\{\{/, '').replace(/\}\}$/, '');
		return new Function('$parameter', `return (${expression});`)(parameters) as string;
	}

	it('the subtitle says own messages are ignored while the option is on (its default)', () => {
		expect(subtitle({ events: ['message_created'], options: {} })).toBe('message_created · own messages ignored');
		expect(subtitle({ events: ['message_created'], options: { ignoreOwnMessages: true } })).toMatch(/own messages ignored/);
		expect(subtitle({ events: ['message_created', 'conversation_created'], options: { ignoreOwnMessages: false } })).toBe(
			'message_created, conversation_created',
		);
	});

	it.each(['accountWebhook', 'apiInbox'])('the Events field of source %s says what is ignored and where to turn it off', (source) => {
		const events = shown(source).find((p) => p.name === 'events')!;
		expect(events.hint).toMatch(/Ignore Messages From This Credential/);
		expect(events.hint).toMatch(/types in Chatwoot/);
	});

	it('the option itself keeps its name and default (interface unchanged)', () => {
		const options = description.properties.find((p) => p.name === 'options')!.options as INodeProperties[];
		expect(options.find((o) => o.name === 'ignoreOwnMessages')).toMatchObject({ type: 'boolean', default: true });
	});
});

describe('point 5: API Inbox Callback lists only API inboxes', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
	});

	it('its inbox locator searches API inboxes; the account webhook filter still lists every inbox', () => {
		const inboxes = description.properties.filter((p) => p.name === 'inboxId');
		const method = (source: string) =>
			inboxes.find((p) => p.displayOptions?.show?.source?.includes(source))!.modes!.find((m) => m.name === 'list')!.typeOptions!.searchListMethod;
		expect(method('apiInbox')).toBe('searchApiInboxes');
		expect(method('accountWebhook')).toBe('searchInboxes');
	});

	it('the list holds the API inbox and not the website widget', async () => {
		const credentials = [
			{ type: 'chatwootSuiteApi', data: { baseUrl: sim.url, accessToken: env.token, accountId: env.accountId }, credentialClass: new ChatwootSuiteApi() },
		];
		const api = (await loadOptions(new ChatwootTrigger(), 'searchApiInboxes', { credentials })) as INodeListSearchResult;
		expect(api.results.map((r) => r.value)).toEqual([String(env.apiInboxId)]);
		const all = (await loadOptions(new ChatwootTrigger(), 'searchInboxes', { credentials })) as INodeListSearchResult;
		expect(all.results.map((r) => r.value).sort()).toEqual([String(env.apiInboxId), String(env.widgetInboxId)].sort());
	});
});
