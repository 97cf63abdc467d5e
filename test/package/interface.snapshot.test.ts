/**
 * Locks the public interface: n8n saves only the parameters that differ from their default, so a changed
 * default, a renamed parameter or a removed option value silently changes every saved workflow. Any change
 * here fails until the snapshot is updated on purpose (`npm run interface:update`) — and such a change needs
 * a new typeVersion (README → Development → Versioning).
 */
import * as fs from 'fs';
import * as path from 'path';

import { interfaceSnapshot, SNAPSHOT_FILE } from './interfaceSnapshot';

const file = path.resolve(__dirname, '../..', SNAPSHOT_FILE);

describe('public interface snapshot', () => {
	it(`matches ${SNAPSHOT_FILE}`, () => {
		if (process.env.UPDATE_INTERFACE === '1') fs.writeFileSync(file, JSON.stringify(interfaceSnapshot(), null, '\t') + '\n');
		const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
		const current = JSON.parse(JSON.stringify(interfaceSnapshot()));
		// compare node by node for a readable diff
		expect(current.credentials).toEqual(saved.credentials);
		for (let i = 0; i < Math.max(saved.nodes.length, current.nodes.length); i++) {
			expect(current.nodes[i]).toEqual(saved.nodes[i]);
		}
	});
});
