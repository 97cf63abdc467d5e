// End-to-end, real n8n: the Chatwoot Trigger in "Agent Bot" mode points an existing bot at n8n and connects it to an
// inbox; a customer message reaches the workflow through the bot webhook; the workflow replies with the bot's token and
// hands the conversation off (Chatwoot's bot handoff); deactivation restores the bot and the inbox. Two cycles leave the
// simulator's bots and inbox bots exactly as before.
import { randomUUID } from 'crypto';

import { N8nInstance } from './harness';
import { SCENARIO_TIMEOUT, SETUP_TIMEOUT, startE2e, stopE2e } from './setup';
import type { E2eEnv } from './setup';

let env: E2eEnv;

beforeAll(async () => {
	env = await startE2e();
}, SETUP_TIMEOUT);

afterAll(async () => {
	await stopE2e(env);
}, SCENARIO_TIMEOUT);

const out = N8nInstance.nodeOutput;
const OLD_URL = 'https://bots.example.com/support-ai';

/** What activation touches: every bot (URL) and every inbox's bot. */
async function botState(): Promise<string> {
	const st = await env.sim.state();
	return JSON.stringify({
		bots: st.agentBots.map((b: any) => [b.id, b.name, b.outgoing_url]),
		inboxes: st.inboxes.map((i: any) => [i.id, i.agent_bot_id ?? null]),
	});
}

function botWorkflow(webhookId: string, botId: number, botCred: { id: string; name: string }): any {
	const node = (name: string, x: number, extra: Record<string, unknown>) => ({ id: randomUUID(), name, typeVersion: 1, position: [x, 0], ...extra });
	return {
		name: 'E2E agent bot: reply and hand off',
		nodes: [
			node('Chatwoot Trigger', 0, {
				type: 'n8n-nodes-chatwoot-suite.chatwootTrigger',
				webhookId,
				parameters: {
					source: 'agentBot',
					agentBotMode: 'existing',
					agentBotId: { __rl: true, mode: 'id', value: String(botId) },
					inboxIds: [String(env.apiInboxId)],
					events: ['message_created'],
					options: { messageTypes: ['incoming'] },
				},
				credentials: { chatwootSuiteApi: env.cred },
			}),
			node('Reply as Bot', 260, {
				type: 'n8n-nodes-chatwoot-suite.chatwoot',
				parameters: {
					resource: 'message',
					operation: 'create',
					conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation.id }}' },
					content: '=Thanks, I am passing you to a colleague. You said: {{ $json.content }}',
				},
				credentials: { chatwootSuiteApi: botCred },
			}),
			node('Hand Off', 520, {
				type: 'n8n-nodes-chatwoot-suite.chatwoot',
				parameters: {
					resource: 'conversation',
					operation: 'handoff',
					conversationId: { __rl: true, mode: 'id', value: "={{ $('Chatwoot Trigger').item.json.conversation.id }}" },
					privateNote: "=Customer asked: {{ $('Chatwoot Trigger').item.json.content }}",
				},
				credentials: { chatwootSuiteApi: botCred },
			}),
		],
		connections: {
			'Chatwoot Trigger': { main: [[{ node: 'Reply as Bot', type: 'main', index: 0 }]] },
			'Reply as Bot': { main: [[{ node: 'Hand Off', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

describe('trigger, agent bot', () => {
	test(
		'activation points the bot at n8n and connects it; a customer message runs the workflow, which replies as the bot and hands off; deactivation restores everything (two cycles)',
		async () => {
			const bot = await env.sim.seed('agentBot', { name: 'Support AI', accountId: env.accountId, outgoingUrl: OLD_URL });
			const botCred = await env.n8n.createCredential('Chatwoot bot (simulator)', 'chatwootSuiteApi', {
				baseUrl: env.sim.url,
				accessToken: bot.access_token,
				accountId: env.accountId,
				agentBot: true,
			});
			const before = await botState();
			const webhookId = randomUUID();
			const wf = await env.n8n.createWorkflow(botWorkflow(webhookId, bot.id, { id: botCred.id, name: botCred.name }));
			const url = `${env.n8n.webhookBase}webhook/${webhookId}/webhook`;

			for (let cycle = 1; cycle <= 2; cycle++) {
				await env.n8n.activate(wf.id);
				await env.sim.waitForState('the bot to point at n8n and be connected', (st) =>
					st.agentBots.some((b: any) => b.id === bot.id && b.outgoing_url === url) &&
					st.inboxes.some((i: any) => i.id === env.apiInboxId && i.agent_bot_id === bot.id),
				);

				const sent = await env.sim.customerMessage({ inboxId: env.apiInboxId, name: `Bot visitor ${cycle}`, content: `I need a human (${cycle})` });
				expect(sent.conversation.status).toBe('pending');
				const [exec] = await env.n8n.waitForExecutions(wf.id, cycle);
				await env.sim.flush();
				expect(exec.status).toBe('success');
				expect(out(exec, 'Chatwoot Trigger')[0]).toMatchObject({ event: 'message_created', content: `I need a human (${cycle})` });
				expect(out(exec, 'Hand Off')[0]).toMatchObject({ status: 'open', handoff: { previous_status: 'pending', opened: true, note_posted: true } });

				const st = await env.sim.state();
				const conv = st.conversations.find((c: any) => c.account_id === env.accountId && c.display_id === sent.conversation.id);
				expect(conv.status).toBe('open');
				const messages = st.messages.filter((m: any) => m.conversation_id === conv.id && m.message_type !== 'activity');
				expect(messages.map((m: any) => [m.message_type, m.private, m.sender_type, m.content])).toEqual([
					['incoming', false, 'Contact', `I need a human (${cycle})`],
					['outgoing', false, 'AgentBot', `Thanks, I am passing you to a colleague. You said: I need a human (${cycle})`],
					['outgoing', true, 'AgentBot', `Customer asked: I need a human (${cycle})`],
				]);
				// Chatwoot's bot handoff: one reporting event per conversation
				expect(st.reportingEvents.filter((e: any) => e.conversation_id === conv.id).map((e: any) => e.name)).toEqual(['conversation_bot_handoff']);
				// the bot's own reply and note were delivered to n8n and dropped: still one execution per customer message
				const deliveries = (await env.sim.deliveries()).filter((d: any) => d.url === url);
				expect(deliveries.every((d: any) => d.kind === 'agent_bot' && d.status === 200)).toBe(true);
				expect(await env.n8n.executions(wf.id)).toHaveLength(cycle);

				await env.n8n.deactivate(wf.id);
				await env.sim.waitForState('the bot and inbox to be restored', (st2) =>
					st2.agentBots.some((b: any) => b.id === bot.id && b.outgoing_url === OLD_URL) &&
					st2.inboxes.some((i: any) => i.id === env.apiInboxId && (i.agent_bot_id ?? null) === null),
				);
				expect(await botState()).toBe(before);
			}
		},
		SCENARIO_TIMEOUT,
	);
});
