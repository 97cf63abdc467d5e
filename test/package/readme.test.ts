import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');

describe('README.md', () => {
	it('lists exactly the operations the built nodes offer', () => {
		const out = execFileSync(process.execPath, [path.join(root, 'scripts/operations-table.js'), '--check'], { encoding: 'utf8' });
		expect(out).toMatch(/up to date/);
	});

	it('names the test command that .ci/run runs', () => {
		const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
		const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8');
		const block = /```bash\n(npm ci[\s\S]*?)```/.exec(readme)?.[1] ?? '';
		const readmeCommands = block.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter(Boolean);
		const ciCommands = ci.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#') && !/^(set |cd |alone=|trap |git clone )/.test(line));
		expect(readmeCommands).toEqual(['npm ci', 'npm test', 'npm run lint:n8n-node', 'npm run test:ui', 'E2E_MATRIX=1.123.81,latest,2.8.4-queue npm run test:e2e:all']);
		expect(ciCommands).toEqual(readmeCommands);
	});

	it('points only at example files that exist', () => {
		const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
		for (const [, file] of readme.matchAll(/\]\((examples\/[^)]+)\)/g)) {
			expect(fs.existsSync(path.join(root, file))).toBe(true);
		}
	});
});
