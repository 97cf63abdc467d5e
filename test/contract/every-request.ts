/**
 * Jest setup (setupFilesAfterEach): every request that reaches a simulator started in a test file is
 * checked against Chatwoot's spec after each test, so no integration test file can forget the
 * contract check. The simulator's own tests, the checker's tests and the harness tests send
 * malformed requests on purpose and are left out.
 */
import * as path from 'path';

import { checkRequest } from './spec';
import type { LoggedRequest } from './spec';

const EXEMPT = ['test/simulator/', 'test/contract/', 'test/helpers/'].map((dir) => path.join(path.resolve(__dirname, '../..'), dir));

const testPath = (expect.getState().testPath ?? '').toString();
if (!EXEMPT.some((dir) => testPath.startsWith(dir))) {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { ChatwootSimulator } = require('../simulator');
	const live = new Set<{ requests: LoggedRequest[] }>();
	const checked = new WeakSet<object>();
	const listen = ChatwootSimulator.prototype.listen;
	ChatwootSimulator.prototype.listen = function (this: { requests: LoggedRequest[] }, ...args: unknown[]) {
		live.add(this);
		return listen.apply(this, args);
	};

	afterEach(() => {
		const problems: string[] = [];
		for (const sim of live) {
			for (const request of sim.requests) {
				if (checked.has(request)) continue;
				checked.add(request);
				if (request.path.startsWith('/__sim') || request.path.startsWith('/rails/')) continue;
				problems.push(...checkRequest(request));
			}
		}
		if (problems.length) {
			throw new Error(`Requests that do not match Chatwoot's spec (test/contract/spec.ts):\n${[...new Set(problems)].join('\n')}`);
		}
	});
}
