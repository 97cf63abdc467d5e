/**
 * README's table of the Chatwoot Trigger's options is generated from the node description (issue 17, point 6):
 * it uses the names the editor shows ("Ignore Messages From This Credential", "Label Names or IDs") and fails
 * here when the description changes without `node scripts/trigger-options-table.js`. Reads dist/: build first.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { ChatwootTrigger } from '../../nodes/ChatwootTrigger/ChatwootTrigger.node';

const root = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

describe('README: Chatwoot Trigger options', () => {
	it('the generated table is up to date', () => {
		const out = execFileSync(process.execPath, [path.join(root, 'scripts/trigger-options-table.js'), '--check'], { encoding: 'utf8' });
		expect(out).toMatch(/up to date/);
	});

	it('names every option as the editor shows it', () => {
		const table = readme.slice(readme.indexOf('<!-- trigger-options:start -->'), readme.indexOf('<!-- trigger-options:end -->'));
		const options = new ChatwootTrigger().description.properties.find((p) => p.name === 'options')!.options as Array<{ displayName: string; name: string }>;
		for (const option of options) expect(table).toContain(`**${option.displayName}** (\`${option.name}\`)`);
	});

	it('uses no option name the editor does not show', () => {
		const start = readme.indexOf('\n## Chatwoot Trigger\n');
		const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
		expect(section.length).toBeGreaterThan(500);
		expect(section).not.toMatch(/Ignore Own Messages/);
	});
});
