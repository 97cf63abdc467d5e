// FIDELITY.md must name every route the simulator serves (by its last fixed path segment), so a route added without
// a cited Chatwoot source fails here.
import { readFileSync } from 'fs';
import { join } from 'path';

// the class itself (index.d.ts exports its type); constructing it registers the routes without listening
const { ChatwootSimulator } = require('./index') as { ChatwootSimulator: new (options: object) => unknown };

const doc = readFileSync(join(__dirname, 'FIDELITY.md'), 'utf8');

function routes(): string[] {
	const sim = new ChatwootSimulator({}) as Record<string, { routes: Array<{ method: string; pattern: string }> } | undefined>;
	const routers = ['appRouter', 'clientRouter', 'platformRouter'].map((name) => sim[name]).filter((r) => r !== undefined);
	return routers.flatMap((r) => r!.routes).map((r) => `${r.method} ${r.pattern}`);
}

it('every simulator route has a row in FIDELITY.md', () => {
	const missing = routes().filter((route) => {
		const segments = route.split(' ')[1].split('/').filter((s) => s && !s.startsWith(':'));
		const last = segments[segments.length - 1];
		if (['inboxes', 'accounts'].includes(last) && route.includes(':inbox_identifier')) return !doc.includes('Client API');
		return !new RegExp(`[/\`]${last}[\`/ ,]`).test(doc);
	});
	expect(missing).toEqual([]);
});

it('the route count in FIDELITY.md is current', () => {
	const count = new Set(routes()).size;
	expect(doc).toContain(`**${count} routes**`);
});
