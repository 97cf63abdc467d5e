/**
 * Reliability suite: the real node through n8n-core's harness against the simulator with injected
 * faults. Captures everything n8n and the process log, so the token audit can search it.
 */
import { Container } from '@n8n/di';
import { Logger } from '@n8n/backend-common';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ChatwootSuiteApi } from '../../credentials/ChatwootSuiteApi.credentials';
import { Chatwoot } from '../../nodes/Chatwoot/Chatwoot.node';
import { ensureN8nEnvironment, runNode } from '../helpers/n8n-harness';

const { startSimulator } = require('../simulator');

export type Simulator = any;

/** Unique enough that any appearance in a log or output is a leak. */
export const TOKEN = 'rel-token-7f3a9c1e5b2d4a6f8e0c';

export interface Env {
	sim: Simulator;
	accountId: number;
}

export async function startEnv(): Promise<Env> {
	const sim = await startSimulator();
	const account = sim.seed.account({ name: 'Reliability' });
	sim.seed.user({ name: 'Admin', email: 'admin@rel.test', role: 'administrator', accountIds: [account.id], accessToken: TOKEN });
	return { sim, accountId: account.id };
}

/** Everything written to n8n's logger, console, stdout and stderr while installed. */
export const captured: string[] = [];

const stringify = (value: unknown): string => {
	if (typeof value === 'string') return value;
	if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ''}\n${safeJson(value)}`;
	return safeJson(value);
};

function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

export function captureLogs(): () => void {
	ensureN8nEnvironment();
	const record = (level: string) => (...args: unknown[]) => {
		captured.push(`[${level}] ${args.map(stringify).join(' ')}`);
	};
	const logger = {
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		verbose: record('verbose'),
		scoped: () => logger,
	};
	const previousLogger = Container.get(Logger);
	Container.set(Logger, logger as unknown as Logger);
	const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const originals = consoleMethods.map((m) => console[m]);
	consoleMethods.forEach((m, i) => {
		console[m] = (...args: unknown[]) => {
			record(`console.${m}`)(...args);
			originals[i].apply(console, args);
		};
	});
	const writes = [process.stdout, process.stderr].map((stream) => {
		const original = stream.write.bind(stream);
		stream.write = ((chunk: unknown, ...rest: unknown[]) => {
			captured.push(String(chunk));
			return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
		}) as typeof stream.write;
		return () => {
			stream.write = original as typeof stream.write;
		};
	});
	const onWarning = (warning: Error) => captured.push(stringify(warning));
	process.on('warning', onWarning);
	return () => {
		Container.set(Logger, previousLogger);
		consoleMethods.forEach((m, i) => (console[m] = originals[i]));
		writes.forEach((restore) => restore());
		process.off('warning', onWarning);
	};
}

export interface RunOptions {
	items: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Default: TOKEN. */
	accessToken?: string;
}

export async function runContacts(env: Env, parameters: IDataObject, options: RunOptions): Promise<IDataObject[]> {
	const output = await runNode(new Chatwoot(), {
		parameters: { resource: 'contact', ...parameters },
		credentials: [
			{
				type: 'chatwootSuiteApi',
				data: { baseUrl: env.sim.url, accessToken: options.accessToken ?? TOKEN, accountId: env.accountId },
				credentialClass: new ChatwootSuiteApi(),
			},
		],
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
	return (output[0] ?? []).map((item) => item.json);
}

/** Everything an error carries that n8n could show or store. */
export function errorDump(error: unknown): string {
	const e = error as IDataObject & Error;
	const own = Object.getOwnPropertyNames(e ?? {}).map((key) => {
		try {
			return `${key}=${JSON.stringify((e as unknown as IDataObject)[key])}`;
		} catch {
			return `${key}=${String((e as unknown as IDataObject)[key])}`;
		}
	});
	return [String(e?.message), String(e?.description ?? ''), String(e?.stack ?? ''), ...own].join('\n');
}
