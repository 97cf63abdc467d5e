import { execFileSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');

describe('npm pack', () => {
	it('ships only dist/, index.js, README, LICENSE and package.json', () => {
		const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
		const [pack] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
		const top = [...new Set(pack.files.map((f) => f.path.split('/')[0]))].sort();
		expect(top).toEqual(['LICENSE', 'README.md', 'dist', 'index.js', 'package.json']);
		const dist = pack.files.map((f) => f.path).filter((p) => p.startsWith('dist/'));
		expect(dist.every((p) => p.startsWith('dist/nodes/') || p.startsWith('dist/credentials/') || p.startsWith('dist/icons/'))).toBe(true);
		expect(dist).toContain('dist/nodes/Chatwoot/Chatwoot.node.js');
	});
});
